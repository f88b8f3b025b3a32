package org.masthead.system;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The addresses templates link the site's static files by: content-hashed ({@code /assets/site.css} becomes
 * {@code /assets/site-<md5 of its bytes>.css}), so browsers and CDNs may keep each for a year ({@link AssetCaching})
 * and a changed file is fetched at once under its new name. Spring's resource chain computes the names
 * ({@code spring.web.resources.chain.strategy.content}); this only makes them reachable from jte's precompiled
 * templates, which have no request context to ask.
 */
@Component
public final class AssetUrls {

    /*
     * Static because templates call it as a function; every application context in one JVM serves the same files, so
     * whichever set it last gives the same names.
     */
    private static volatile ResourceUrlProvider provider;
    /** The files are on the class path and cannot change while the site runs: each name is worked out once. */
    private static final java.util.Map<String, String> resolved = new java.util.concurrent.ConcurrentHashMap<>();

    AssetUrls(ObjectProvider<ResourceUrlProvider> resourceUrls) {
        ResourceUrlProvider available = resourceUrls.getIfAvailable();
        if (available != null) {
            provider = available;
        }
    }

    /**
     * The hashed address of a static file ({@code "/assets/site.css"}), or the address as given when it names no
     * file or there is no web context (templates rendered in a unit test).
     */
    public static String url(String path) {
        ResourceUrlProvider current = provider;
        if (current == null) {
            return path;
        }
        String known = resolved.get(path);
        if (known != null) {
            return known;
        }
        String versioned = current.getForLookupPath(path);
        if (versioned == null) {
            return path; // not remembered: asked before the resource handlers were known, it is found later
        }
        resolved.put(path, versioned);
        return versioned;
    }
}
