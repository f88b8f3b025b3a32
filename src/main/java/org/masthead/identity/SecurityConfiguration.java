package org.masthead.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Who may do what. Reader pages, feeds and media are public; everything under /admin needs a signed-in staff
 * member, and role rules below (and in the editorial policy) decide the rest on the server. Sessions live in
 * PostgreSQL (Spring Session JDBC), so any node can serve any signed-in request.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String LOGIN = "/admin/login";

    @Bean
    SecurityFilterChain security(HttpSecurity http, LoginThrottleFilter throttle, LoginFailures failures) throws Exception {
        var loginPage = new org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint(LOGIN);
        loginPage.setFavorRelativeUris(true); // never an absolute URL built from the request's Host header
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator", "/actuator/**").hasRole(StaffRole.ADMINISTRATOR.name())
                        .requestMatchers(LOGIN, "/admin/setup").permitAll()
                        .requestMatchers("/admin/staff/**", "/admin/settings/**", "/admin/integrations/**", "/admin/integrations", "/admin/imports/**", "/admin/imports", "/admin/exports/**")
                        .hasRole(StaffRole.ADMINISTRATOR.name())
                        .requestMatchers("/admin/sections/**", "/admin/authors/**", "/admin/tags/**", "/admin/audit/**")
                        .hasRole(StaffRole.EDITOR.name())
                        .requestMatchers(org.springframework.http.HttpMethod.POST, "/admin/media/*")
                        .hasRole(StaffRole.EDITOR.name())
                        .requestMatchers("/admin", "/admin/**").hasRole(StaffRole.CONTRIBUTOR.name())
                        .anyRequest().permitAll())
                .formLogin(form -> form
                        .loginPage(LOGIN)
                        .loginProcessingUrl(LOGIN)
                        .usernameParameter("email")
                        .successHandler(new BackToWhereYouWere())
                        .failureHandler(failures))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(loginPage))
                // the others (CSP, Referrer-Policy, HSTS over TLS…) come from SecurityHeadersFilter on every response
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
                        .httpStrictTransportSecurity(hsts -> hsts.disable()))
                .logout(logout -> logout
                        .logoutUrl("/admin/logout")
                        .logoutSuccessUrl(LOGIN + "?signed-out"))
                .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
                .addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    /**
     * After signing in, back to the newsroom page that asked for it — as a relative address, never one built
     * from the request's Host header — or the dashboard.
     */
    static final class BackToWhereYouWere implements org.springframework.security.web.authentication.AuthenticationSuccessHandler {

        private final org.springframework.security.web.savedrequest.RequestCache requests =
                new org.springframework.security.web.savedrequest.HttpSessionRequestCache();

        @Override
        public void onAuthenticationSuccess(jakarta.servlet.http.HttpServletRequest request,
                                            jakarta.servlet.http.HttpServletResponse response,
                                            org.springframework.security.core.Authentication authentication)
                throws java.io.IOException {
            String target = "/admin";
            var saved = requests.getRequest(request, response);
            if (saved instanceof org.springframework.security.web.savedrequest.DefaultSavedRequest asked
                    && "GET".equals(asked.getMethod()) && asked.getRequestURI().startsWith("/admin")) {
                target = asked.getRequestURI() + (asked.getQueryString() == null ? "" : "?" + asked.getQueryString());
            }
            requests.removeRequest(request, response);
            response.sendRedirect(target);
        }
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(StaffRole.ADMINISTRATOR.name()).implies(StaffRole.EDITOR.name())
                .role(StaffRole.EDITOR.name()).implies(StaffRole.REPORTER.name())
                .role(StaffRole.REPORTER.name()).implies(StaffRole.CONTRIBUTOR.name())
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder(); // bcrypt, upgradable later
    }

    /** Authenticates against the stored hash, then keeps the member in the session without it. */
    @Bean
    org.springframework.security.authentication.dao.DaoAuthenticationProvider staffAuthentication(
            org.springframework.jdbc.core.simple.JdbcClient jdbc, PasswordEncoder passwordEncoder) {
        UserDetailsService staffDetails = staffDetails(jdbc);
        var provider = new org.springframework.security.authentication.dao.DaoAuthenticationProvider(staffDetails) {
            @Override
            protected org.springframework.security.core.Authentication createSuccessAuthentication(Object principal,
                    org.springframework.security.core.Authentication authentication,
                    org.springframework.security.core.userdetails.UserDetails user) {
                StaffMember member = ((StaffMember) user).withoutPassword();
                var result = org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                        .authenticated(member, null, member.getAuthorities());
                result.setDetails(authentication.getDetails());
                return result;
            }
        };
        provider.setPasswordEncoder(passwordEncoder);
        return provider;
    }

    private static UserDetailsService staffDetails(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        // Reads the row directly: StaffAccounts needs the PasswordEncoder this configuration defines.
        return email -> jdbc.sql("select * from staff_user where email = ?").param(StaffEmails.normalize(email))
                .query((rs, row) -> new StaffMember(rs.getLong("id"), rs.getString("email"),
                        rs.getString("display_name"), StaffRole.valueOf(rs.getString("role")),
                        rs.getObject("author_id") == null ? null : rs.getLong("author_id"),
                        rs.getBoolean("enabled"), rs.getString("password_hash")))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No staff account " + email));
    }
}
