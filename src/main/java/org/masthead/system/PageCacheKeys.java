package org.masthead.system;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UrlPathHelper;

/**
 * What a cached page is stored under: its decoded path and only the parameters public pages read, sorted. Links
 * with tracking parameters (utm_*, fbclid…) share the page's entry; any other parameter is not something a page
 * reads, so such a request is rendered and not stored — junk query strings cannot fill memory or push hot
 * pages out.
 */
final class PageCacheKeys {

    /** The keyset cursor of lists; every other public page reads no parameter at all. */
    private static final Set<String> READ_BY_PAGES = Set.of("before");
    private static final Pattern TRACKING = Pattern.compile(
            "utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|igshid|mc_cid|mc_eid|_ga|_gl|ref_src");
    /** Pages that are per query and not worth a place in memory; a CDN may still cache them. */
    private static final Set<String> NOT_STORED = Set.of("/search");
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private PageCacheKeys() {
    }

    static Optional<String> of(HttpServletRequest request, boolean gzip) {
        String path = PATHS.getLookupPathForRequest(request);
        if (NOT_STORED.contains(path)) {
            return Optional.empty();
        }
        Map<String, String> read = new TreeMap<>();
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            if (READ_BY_PAGES.contains(name) && parameter.getValue().length == 1) {
                read.put(name, parameter.getValue()[0]);
            } else if (!TRACKING.matcher(name).matches()) {
                return Optional.empty();
            }
        }
        StringBuilder key = new StringBuilder(path);
        read.forEach((name, value) -> key.append(key.indexOf("?") < 0 ? '?' : '&').append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return Optional.of(key.append(gzip ? " gzip" : "").toString());
    }
}
