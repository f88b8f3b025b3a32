package org.masthead.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Headers that tell browsers what this site's pages may do, on every response including those served from the
 * page cache: a Content-Security-Policy without inline script (every script is a file under /assets), no
 * referrer path to other sites, a window of its own, no camera or location, and HSTS when served over TLS.
 */
class SecurityHeadersFilter extends OncePerRequestFilter {

    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "browsing-topics=()";

    private final String contentSecurityPolicy;

    SecurityHeadersFilter(String contentSecurityPolicy) {
        this.contentSecurityPolicy = contentSecurityPolicy;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        apply(response, request.isSecure());
        chain.doFilter(request, response);
    }

    /** The headers, on a response this filter does not see (a stored page served before the filters run). */
    void apply(HttpServletResponse response, boolean secure) {
        response.setHeader("Content-Security-Policy", contentSecurityPolicy);
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (secure) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }
}
