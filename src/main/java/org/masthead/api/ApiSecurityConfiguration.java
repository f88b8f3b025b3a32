package org.masthead.api;

import java.time.Clock;
import java.util.List;

import org.masthead.api.auth.AdminTokenFilter;
import org.masthead.api.auth.ContentKeyFilter;
import org.masthead.api.integrations.Integrations;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The APIs' own security chain, ahead of the newsroom's: stateless (a staff member's session cookie counts for
 * nothing here, so no CSRF token is needed either), the Content API open to browsers on any origin (CORS, as
 * Ghost), and each request authenticated by its key or token in filters that answer in Ghost's error shape.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain ghostApi(HttpSecurity http, Integrations integrations, Clock clock) throws Exception {
        http.securityMatcher("/ghost/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .cors(cors -> cors.configurationSource(contentApiCors()))
                .headers(headers -> headers.httpStrictTransportSecurity(hsts -> hsts.disable()))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .addFilterBefore(new ContentKeyFilter(integrations), AuthorizationFilter.class)
                .addFilterBefore(new AdminTokenFilter(integrations, clock), AuthorizationFilter.class);
        return http.build();
    }

    /** Ghost answers Content API requests from any origin; the Admin API is for servers, not browsers. */
    private static UrlBasedCorsConfigurationSource contentApiCors() {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(List.of("*"));
        cors.setAllowedMethods(List.of("GET", "HEAD", "OPTIONS"));
        cors.setAllowedHeaders(List.of("*"));
        cors.setExposedHeaders(List.of("Content-Version", "Deprecation", "Link"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(86_400L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/ghost/api/content/**", cors);
        return source;
    }

    /** Versioned paths and version headers, before security sees the request. */
    @Bean
    FilterRegistrationBean<ApiVersionFilter> apiVersions(org.masthead.system.SiteSettings site,
            @org.springframework.beans.factory.annotation.Value("${spring.servlet.multipart.max-request-size:70MB}")
            org.springframework.util.unit.DataSize maxRequestSize) {
        FilterRegistrationBean<ApiVersionFilter> registration = new FilterRegistrationBean<>(
                new ApiVersionFilter(site, maxRequestSize.toBytes()));
        registration.addUrlPatterns("/ghost/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
