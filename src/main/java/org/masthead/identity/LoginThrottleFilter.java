package org.masthead.identity;

import java.io.IOException;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.masthead.system.Site;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses sign-in attempts with 429 while an account or address is over its failure limit. */
@Component
class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final TemplateEngine templates;
    private final org.masthead.system.SiteSettings siteSettings;

    LoginThrottleFilter(LoginThrottle throttle, TemplateEngine templates, org.masthead.system.SiteSettings siteSettings) {
        this.throttle = throttle;
        this.templates = templates;
        this.siteSettings = siteSettings;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && SecurityConfiguration.LOGIN.equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String email = request.getParameter("email");
        if (!throttle.isBlocked(email, request.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        long minutes = Math.max(1, throttle.window().toMinutes());
        String message = "Too many failed sign-in attempts. Wait " + minutes + (minutes == 1 ? " minute" : " minutes")
                + " before trying again.";
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        Utf8ByteOutput output = new Utf8ByteOutput();
        templates.render("identity/login.jte", new LoginPage(siteSettings.current(), csrf.getParameterName(), csrf.getToken(), message,
                null, email), output);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", String.valueOf(throttle.window().toSeconds()));
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(output.getContentLength());
        output.writeTo(response.getOutputStream());
    }
}
