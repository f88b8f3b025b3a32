package org.masthead.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Finishes public pages and feeds for browsers and CDNs: compresses the rendered bytes once (gzip when the client
 * accepts it), gives each representation a strong ETag of its own bytes, answers a matching If-None-Match with
 * 304 and no body, and varies only on Accept-Encoding. While the database cannot be reached, a page's last good
 * copy is served stale (with {@code Age} and {@code Warning: 111}) within the promised stale-if-error, and a page
 * without one gets a 503 with Retry-After.
 */
class PublicResponseFilter extends OncePerRequestFilter {

    /**
     * Headers a stored page is served with again. Security headers are not among them: {@link SecurityHeadersFilter}
     * sets them on every response, so HSTS follows the request's own scheme.
     */
    private static final java.util.List<String> KEPT_HEADERS = java.util.List.of(HttpHeaders.CONTENT_TYPE,
            HttpHeaders.CACHE_CONTROL, HttpHeaders.LAST_MODIFIED, HttpHeaders.VARY, HttpHeaders.CONTENT_ENCODING,
            HttpHeaders.ETAG, HttpHeaders.CONTENT_LANGUAGE, "Surrogate-Key", "Cache-Tag", "X-Frame-Options");

    /** Whether the page cache answered (HIT) or the page was rendered (MISS), as reverse proxies say it. */
    static final String CACHE_STATUS = "X-Cache";

    private final PageCache cache;
    private final DatabaseAvailability database;
    private final UnavailablePage unavailable;

    PublicResponseFilter(PageCache cache, DatabaseAvailability database, UnavailablePage unavailable) {
        this.cache = cache;
        this.database = database;
        this.unavailable = unavailable;
    }

    private static final int MIN_COMPRESSED_SIZE = 1024;
    private static final Set<String> COMPRESSIBLE = Set.of("text/html", "text/plain", "text/xml", "application/xml",
            "application/rss+xml", "application/atom+xml", "application/feed+json", "application/json",
            "application/ld+json");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        // live streams (the News Feed's, a live blog's) are never buffered
        String path = request.getRequestURI();
        return !("GET".equals(method) || "HEAD".equals(method)) || path.equals("/news-feed/stream")
                || (path.startsWith("/articles/") && path.endsWith("/live"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = PageCacheKeys.of(request, acceptsGzip(request)).orElse(null);
        long generation = cache.generation();
        PageCache.Entry stored = key == null ? null : cache.get(key);
        if (stored != null) {
            serveStored(stored, request, response);
            return;
        }
        if (database.isKnownDown()) {
            serveWhileDatabaseIsDown(key, request, response);
            return;
        }
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        byte[] body = wrapper.getContentAsByteArray();
        if (wrapper.getStatus() == HttpServletResponse.SC_SERVICE_UNAVAILABLE
                && request.getAttribute(ReaderErrors.DATABASE_UNAVAILABLE) != null && key != null) {
            Optional<PageCache.Entry> stale = cache.stale(key);
            if (stale.isPresent()) {
                wrapper.resetBuffer();
                sendStale(request, response, stale.get());
                return;
            }
        }
        if (wrapper.getStatus() != HttpServletResponse.SC_OK || body.length == 0 || wrapper.getHeader(HttpHeaders.ETAG) != null) {
            wrapper.copyBodyToResponse();
            return;
        }
        boolean compressible = isCompressible(wrapper.getContentType());
        if (compressible) {
            String vary = response.getHeader(HttpHeaders.VARY);
            if (vary == null) {
                response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
            } else if (!vary.toLowerCase(java.util.Locale.ROOT).contains("accept-encoding")) {
                response.setHeader(HttpHeaders.VARY, vary + ", " + HttpHeaders.ACCEPT_ENCODING);
            }
        }
        if (compressible && body.length >= MIN_COMPRESSED_SIZE && acceptsGzip(request)) {
            body = gzip(body);
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        String etag = "\"" + md5(body) + "\"";
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader(CACHE_STATUS, "MISS");
        wrapper.resetBuffer();
        if (key != null && isShareable(response)) {
            java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
            for (String name : KEPT_HEADERS) {
                String value = response.getHeader(name);
                if (value != null) {
                    headers.put(name, value);
                }
            }
            cache.put(generation, key, headers, body, etag);
        }
        send(request, response, body, etag);
    }

    private void serveWhileDatabaseIsDown(String key, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Optional<PageCache.Entry> stale = key == null ? Optional.empty() : cache.stale(key);
        if (stale.isPresent()) {
            sendStale(request, response, stale.get());
        } else {
            unavailable.write(request.getRequestURI(), "HEAD".equals(request.getMethod()), response);
        }
    }

    /** A stored page, as it was first sent (or 304 when the client has it), marked as served from the cache. */
    static void serveStored(PageCache.Entry stored, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        stored.headers().forEach(response::setHeader);
        response.setHeader(CACHE_STATUS, "HIT");
        send(request, response, stored.body(), stored.etag());
    }

    /** RFC 9111 5.2.2 (stale-if-error): the last good copy, saying how old it is and that revalidation failed. */
    private void sendStale(HttpServletRequest request, HttpServletResponse response, PageCache.Entry stale)
            throws IOException {
        stale.headers().forEach(response::setHeader);
        response.setHeader(HttpHeaders.AGE, String.valueOf(Math.max(0, cache.age(stale).toSeconds())));
        response.setHeader(HttpHeaders.WARNING, "111 - \"Revalidation Failed\"");
        response.setHeader(CACHE_STATUS, "STALE");
        // browsers and CDNs may keep it briefly, but should come back soon for the real page
        response.setHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=10, stale-if-error=86400");
        send(request, response, stale.body(), stale.etag());
    }

    private static void send(HttpServletRequest request, HttpServletResponse response, byte[] body, String etag)
            throws IOException {
        if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag) || unmodifiedSince(request, response)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            response.setHeader(HttpHeaders.CONTENT_ENCODING, null);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
        response.flushBuffer();
    }

    /** If-Modified-Since counts only when the client sent no If-None-Match (RFC 9110 13.1.3). */
    private static boolean unmodifiedSince(HttpServletRequest request, HttpServletResponse response) {
        if (request.getHeader(HttpHeaders.IF_NONE_MATCH) != null) {
            return false;
        }
        String lastModified = response.getHeader(HttpHeaders.LAST_MODIFIED);
        long since;
        try {
            since = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
        } catch (IllegalArgumentException unreadable) {
            return false; // a validator that is no date validates nothing (RFC 9110 13.1.3): send the page
        }
        if (lastModified == null || since < 0 || since > System.currentTimeMillis()) {
            return false; // absent, or a date in the future, which RFC 9110 13.1.3 calls invalid
        }
        long modified = java.time.ZonedDateTime.parse(lastModified, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                .toInstant().toEpochMilli();
        return modified / 1000 <= since / 1000;
    }

    /** Only responses every reader may share: public, and setting no cookie. */
    private static boolean isShareable(HttpServletResponse response) {
        String cacheControl = response.getHeader(HttpHeaders.CACHE_CONTROL);
        return cacheControl != null && cacheControl.startsWith("public") && response.getHeader(HttpHeaders.SET_COOKIE) == null;
    }

    private static boolean isCompressible(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return COMPRESSIBLE.contains(type);
    }

    static boolean acceptsGzip(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        if (accept == null) {
            return false;
        }
        for (String coding : accept.toLowerCase(java.util.Locale.ROOT).split(",")) {
            String[] parts = coding.strip().split(";");
            if (parts[0].strip().equals("gzip")) {
                return !(parts.length > 1 && parts[1].replace(" ", "").matches("q=0(\\.0+)?"));
            }
        }
        return false;
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
