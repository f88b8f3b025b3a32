package org.masthead.system;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Serves stored pages before anything else of the application runs — the filter chain, Spring Session's request
 * wrapper, the observation of the request — as a reverse proxy's cache would: a stored page costs only its key,
 * its headers and its bytes. The response is the one {@link PublicResponseFilter} would send from the cache,
 * security headers included; a page not stored goes on to the application, which renders and stores it.
 */
final class CachedPageValve extends ValveBase {

    /** Where stored pages can be: the paths {@link PublicResponseFilter} finishes (and so stores). */
    private final List<String> paths;
    /**
     * Pages served here, per URL pattern: these requests never reach the request observation, so
     * {@code http.server.requests} does not count them.
     */
    private final java.util.Map<String, io.micrometer.core.instrument.Counter> served = new java.util.HashMap<>();
    private final PageCache cache;
    private final SecurityHeadersFilter securityHeaders;
    private final ClientAddressFilter clientAddresses;

    CachedPageValve(List<String> urlPatterns, PageCache cache, SecurityHeadersFilter securityHeaders,
                    ClientAddressFilter clientAddresses, io.micrometer.core.instrument.MeterRegistry meters) {
        super(true);
        this.paths = List.copyOf(urlPatterns);
        for (String pattern : paths) {
            served.put(pattern, io.micrometer.core.instrument.Counter.builder("masthead.page-cache.early")
                    .description("Stored pages served before the filter chain").tag("path", pattern).register(meters));
        }
        this.cache = cache;
        this.securityHeaders = securityHeaders;
        this.clientAddresses = clientAddresses;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        String method = request.getMethod();
        String pattern = "GET".equals(method) || "HEAD".equals(method) ? publicPattern(request.getRequestURI()) : null;
        PageCache.Entry stored = pattern == null ? null
                : PageCacheKeys.of(request, PublicResponseFilter.acceptsGzip(request)).map(cache::get).orElse(null);
        if (stored == null) {
            getNext().invoke(request, response);
            return;
        }
        securityHeaders.apply(response, clientAddresses.isSecure(request));
        PublicResponseFilter.serveStored(stored, request, response);
        served.get(pattern).increment();
    }

    /** The servlet URL pattern the path falls under (exact paths and "/prefix/*", as the filter's), or null. */
    private String publicPattern(String uri) {
        for (String pattern : paths) {
            if (pattern.endsWith("/*") ? uri.startsWith(pattern.substring(0, pattern.length() - 1)) : uri.equals(pattern)) {
                return pattern;
            }
        }
        return null;
    }
}
