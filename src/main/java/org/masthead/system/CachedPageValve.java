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
    private final PageCache cache;
    private final SecurityHeadersFilter securityHeaders;
    private final ClientAddressFilter clientAddresses;

    CachedPageValve(List<String> urlPatterns, PageCache cache, SecurityHeadersFilter securityHeaders,
                    ClientAddressFilter clientAddresses) {
        super(true);
        this.paths = List.copyOf(urlPatterns);
        this.cache = cache;
        this.securityHeaders = securityHeaders;
        this.clientAddresses = clientAddresses;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        PageCache.Entry stored = stored(request);
        if (stored == null) {
            getNext().invoke(request, response);
            return;
        }
        securityHeaders.apply(response, clientAddresses.isSecure(request));
        PublicResponseFilter.serveStored(stored, request, response);
    }

    private PageCache.Entry stored(Request request) {
        String method = request.getMethod();
        if (!("GET".equals(method) || "HEAD".equals(method)) || !isPublic(request.getRequestURI())) {
            return null;
        }
        return PageCacheKeys.of(request, PublicResponseFilter.acceptsGzip(request)).map(cache::get).orElse(null);
    }

    /** Servlet URL patterns as the filter's registration reads them: exact paths and "/prefix/*". */
    private boolean isPublic(String uri) {
        for (String pattern : paths) {
            if (pattern.endsWith("/*") ? uri.startsWith(pattern.substring(0, pattern.length() - 1)) : uri.equals(pattern)) {
                return true;
            }
        }
        return false;
    }
}
