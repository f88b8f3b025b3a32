package org.masthead.system;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.function.Supplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A redirect never sends a reader to the host their request claimed. Masthead's own redirects are relative; an
 * absolute one built from the request's {@code Host} (by a library) is rebuilt on {@code masthead.site-url}.
 */
class RedirectLocationFilter extends OncePerRequestFilter {

    private final Supplier<Site> site;

    RedirectLocationFilter(Supplier<Site> site) {
        this.site = site;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void sendRedirect(String location) throws IOException {
                super.sendRedirect(safe(location, request));
            }

            @Override
            public void setHeader(String name, String value) {
                super.setHeader(name, HttpHeaders.LOCATION.equalsIgnoreCase(name) ? safe(value, request) : value);
            }

            @Override
            public void addHeader(String name, String value) {
                super.addHeader(name, HttpHeaders.LOCATION.equalsIgnoreCase(name) ? safe(value, request) : value);
            }
        });
    }

    /** The location, with a request-derived origin replaced by the site's own. */
    String safe(String location, HttpServletRequest request) {
        if (location == null || !(location.regionMatches(true, 0, "http://", 0, 7)
                || location.regionMatches(true, 0, "https://", 0, 8) || location.startsWith("//"))) {
            return location;
        }
        URI target;
        try {
            target = URI.create(location.startsWith("//") ? "http:" + location : location);
        } catch (IllegalArgumentException unparsable) {
            return "/";
        }
        URI own = URI.create(site.get().base());
        if (own.getHost() != null && own.getHost().equalsIgnoreCase(target.getHost()) && own.getPort() == target.getPort()) {
            return location;
        }
        String claimedHost = request.getServerName() == null ? "" : request.getServerName().toLowerCase(Locale.ROOT);
        if (target.getHost() != null && target.getHost().toLowerCase(Locale.ROOT).equals(claimedHost)) {
            String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
            return site.get().base() + path + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        }
        return location; // a deliberate redirect elsewhere
    }
}
