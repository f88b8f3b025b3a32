package org.masthead.system;

import java.time.Instant;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Caching of public pages for browsers and CDNs: a shared {@code Cache-Control} and {@code Last-Modified}
 * validation here, {@code ETag} validation by the filter in {@link WebConfiguration}.
 */
@Component
public class HttpCaching {

    private final String publicCacheControl;

    HttpCaching(MastheadProperties properties) {
        this.publicCacheControl = properties.http().publicCacheControl();
    }

    /**
     * Marks the response as publicly cacheable and checks the client's copy.
     *
     * @return true when the client's copy is current: the response is a 304 and the handler renders nothing
     */
    public boolean isNotModified(ServletWebRequest request, Instant lastModified) {
        HttpServletResponse response = request.getResponse();
        if (response != null) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, publicCacheControl);
        }
        return lastModified != null && request.checkNotModified(lastModified.toEpochMilli());
    }

    public String publicCacheControl() {
        return publicCacheControl;
    }
}
