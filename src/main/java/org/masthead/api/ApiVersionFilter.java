package org.masthead.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.masthead.system.SiteSettings;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ghost's API versioning: every response names the API version served ({@code Content-Version}) and varies on
 * the client's {@code Accept-Version}; the old versioned paths ({@code /ghost/api/v4/content/…}, canary) are
 * served by today's routes with a {@code Deprecation} header and a link to the current path, as Ghost 5+ does.
 */
class ApiVersionFilter extends OncePerRequestFilter {

    private static final Pattern VERSIONED = Pattern.compile("/ghost/api/(v2|v3|v4|v5|canary)/(content|admin)(/.*)?");

    private final SiteSettings site;
    private final long maxRequestBytes;

    ApiVersionFilter(SiteSettings site, long maxRequestBytes) {
        this.site = site;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Version", "v" + GhostApi.VERSION);
        response.setHeader("Vary", "Accept-Version, Accept-Encoding");
        if (request.getContentLengthLong() > maxRequestBytes) {
            // larger than the container takes: say so in Ghost's shape, before it answers with a page of its own
            GhostErrors.write(response, GhostError.of(GhostError.Type.RequestEntityTooLargeError,
                    "The request is larger than this site accepts."), false);
            return;
        }
        String path = request.getRequestURI();
        String acceptVersion = null;
        Matcher versioned = VERSIONED.matcher(path);
        if (versioned.matches()) {
            String version = versioned.group(1);
            path = "/ghost/api/" + versioned.group(2) + (versioned.group(3) == null ? "/" : versioned.group(3));
            acceptVersion = request.getHeader("Accept-Version") != null ? null
                    : "canary".equals(version) ? "v4.0" : version + ".0";
            response.setHeader("Deprecation", "version=\"" + ("canary".equals(version) ? "v4" : version) + "\"");
            response.setHeader("Link", "<" + site.current().absolute(path) + ">; rel=\"latest-version\"");
        }
        HttpServletRequest served = new Rewritten(request, path, acceptVersion);
        if (served.getRequestURI().startsWith("/ghost/api/content/")) {
            response.setHeader("Access-Control-Allow-Origin", "*");
        }
        chain.doFilter(served, response);
    }

    /**
     * The request as if it had asked for the current path (and, when it named no version, the old one), and for
     * JSON: Ghost answers JSON whatever {@code Accept} says, and so do these APIs.
     */
    private static final class Rewritten extends HttpServletRequestWrapper {

        private static final String JSON = "application/json, */*;q=0.1";
        private final String path;
        private final String acceptVersion;

        Rewritten(HttpServletRequest request, String path, String acceptVersion) {
            super(request);
            this.path = path;
            this.acceptVersion = acceptVersion;
        }

        @Override
        public String getRequestURI() {
            return getContextPath() + path;
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = new StringBuffer(super.getRequestURL());
            String uri = super.getRequestURI();
            int start = url.indexOf(uri);
            return start < 0 ? url : url.replace(start, start + uri.length(), getRequestURI());
        }

        @Override
        public String getServletPath() {
            return path;
        }

        @Override
        public String getPathInfo() {
            return null;
        }

        @Override
        public String getHeader(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            if ("accept".equals(lower)) {
                return JSON;
            }
            return acceptVersion != null && "accept-version".equals(lower) ? acceptVersion : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            if ("accept".equals(lower)) {
                return Collections.enumeration(List.of(JSON));
            }
            return acceptVersion != null && "accept-version".equals(lower)
                    ? Collections.enumeration(List.of(acceptVersion)) : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = new ArrayList<>(Collections.list(super.getHeaderNames()));
            if (acceptVersion != null) {
                names.add("Accept-Version");
            }
            return Collections.enumeration(names);
        }
    }
}
