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

    ApiVersionFilter(SiteSettings site) {
        this.site = site;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Version", "v" + GhostApi.VERSION);
        response.setHeader("Vary", "Accept-Version, Accept-Encoding");
        HttpServletRequest served = request;
        Matcher versioned = VERSIONED.matcher(request.getRequestURI());
        if (versioned.matches()) {
            String version = versioned.group(1);
            String path = "/ghost/api/" + versioned.group(2) + (versioned.group(3) == null ? "/" : versioned.group(3));
            String acceptVersion = "canary".equals(version) ? "v4.0" : version + ".0";
            response.setHeader("Deprecation", "version=\"" + ("canary".equals(version) ? "v4" : version) + "\"");
            response.setHeader("Link", "<" + site.current().absolute(path) + ">; rel=\"latest-version\"");
            served = new Rewritten(request, path, request.getHeader("Accept-Version") == null ? acceptVersion : null);
        }
        if (served.getRequestURI().startsWith("/ghost/api/content/")) {
            response.setHeader("Access-Control-Allow-Origin", "*");
        }
        chain.doFilter(served, response);
    }

    /** The request as if it had asked for the current path (and, when it named no version, the old one). */
    private static final class Rewritten extends HttpServletRequestWrapper {

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
            return acceptVersion != null && "accept-version".equals(name.toLowerCase(Locale.ROOT)) ? acceptVersion
                    : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return acceptVersion != null && "accept-version".equals(name.toLowerCase(Locale.ROOT))
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
