package org.masthead.system;

import java.util.List;

/**
 * What a module adds to the Content-Security-Policy's allow-lists: the embed players readers may load, a CDN that
 * serves media, the hash of an inline import map. Collected once at startup; modules provide beans of this type.
 */
public interface ContentSecurityPolicySources {

    /** Extra {@code script-src} sources, e.g. {@code 'sha256-…'}. */
    default List<String> scripts() {
        return List.of();
    }

    /** {@code frame-src} sources, e.g. {@code https://www.youtube-nocookie.com}. */
    default List<String> frames() {
        return List.of();
    }

    /** Extra {@code img-src} sources, e.g. a media CDN's origin. */
    default List<String> images() {
        return List.of();
    }
}
