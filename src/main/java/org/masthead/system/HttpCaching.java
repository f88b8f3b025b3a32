package org.masthead.system;

import java.time.Instant;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Caching of public pages for browsers and CDNs: a shared {@code Cache-Control}, {@code Last-Modified}
 * validation and surrogate keys here; strong {@code ETag}s by {@link PublicResponseFilter}.
 */
@Component
public class HttpCaching {

    private final String publicCacheControl;
    private final java.time.Clock clock;
    /**
     * When content last changed anywhere (this node's start, or the last change signal). A page's
     * Last-Modified is never older, so removing an item from a list — which can lower the newest date on it —
     * still makes If-Modified-Since fail.
     */
    private volatile Instant lastChange;

    HttpCaching(MastheadProperties properties, java.time.Clock clock) {
        this.publicCacheControl = properties.http().publicCacheControl();
        this.clock = clock;
        this.lastChange = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    @org.springframework.context.event.EventListener
    void contentChanged(ContentChanged event) {
        lastChange = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
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
        if (lastModified == null) {
            return false;
        }
        Instant effective = lastModified.isAfter(lastChange) ? lastModified : lastChange;
        if (!hasUsableIfModifiedSince(request)) {
            if (response != null) {
                response.setDateHeader(HttpHeaders.LAST_MODIFIED, effective.toEpochMilli());
            }
            return false;
        }
        return request.checkNotModified(effective.toEpochMilli());
    }

    /**
     * RFC 9110 13.1.3: an If-Modified-Since that is no HTTP date, or lies in the future, is ignored — the page
     * is sent as if the client had no copy.
     */
    private boolean hasUsableIfModifiedSince(ServletWebRequest request) {
        String since = request.getHeader(HttpHeaders.IF_MODIFIED_SINCE);
        if (since == null) {
            return true;
        }
        try {
            return !java.time.ZonedDateTime.parse(since.strip(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant().isAfter(clock.instant());
        } catch (java.time.DateTimeException unreadable) {
            return false;
        }
    }

    /**
     * For a page that changes by the minute (a running live blog): browsers and CDNs keep it five seconds, and may
     * serve it a little stale while they fetch the next; the page's stream brings readers what changed since.
     */
    public void forSeconds(ServletWebRequest request) {
        HttpServletResponse response = request.getResponse();
        if (response != null) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=5, s-maxage=5, stale-while-revalidate=5, stale-if-error=86400");
        }
    }

    /**
     * Names what a response shows (article, section, author keys…) so a CDN can purge exactly the pages a change
     * affects: {@code Surrogate-Key} (Fastly and others, space-separated) and {@code Cache-Tag} (Cloudflare).
     */
    public void tag(ServletWebRequest request, java.util.Collection<SurrogateKey> keys) {
        HttpServletResponse response = request.getResponse();
        if (response != null && !keys.isEmpty()) {
            String header = SurrogateKey.header(keys);
            response.setHeader("Surrogate-Key", header);
            response.setHeader("Cache-Tag", header.replace(' ', ','));
        }
    }
}
