package org.masthead.media;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where readers fetch stored media: through Masthead at {@code /media/…} by default, or straight from a public
 * bucket or CDN when {@code masthead.media.public-base-url} names one. File names are content hashes, so every
 * URL can be cached forever.
 */
@Component
public class MediaUrls {

    /** The path Masthead itself serves media under. */
    public static final String PATH = "/media/";

    private final String base;

    public MediaUrls(@Value("${masthead.media.public-base-url:}") String publicBaseUrl) {
        String configured = publicBaseUrl == null ? "" : publicBaseUrl.strip();
        this.base = configured.isEmpty() ? PATH : configured.endsWith("/") ? configured : configured + "/";
    }

    public String url(String fileName) {
        return base + fileName;
    }

    /**
     * The stored file an address names, if it is one of this site's media addresses: relative ({@code /media/…}),
     * absolute on this site, or on the public bucket or CDN.
     *
     * @param siteBase this site's public base URL, without a trailing slash
     */
    public java.util.Optional<String> fileNameOf(String url, String siteBase) {
        if (url == null) {
            return java.util.Optional.empty();
        }
        String address = url.strip();
        for (String prefix : new java.util.LinkedHashSet<>(java.util.List.of(base, siteBase + PATH, PATH))) {
            if (!address.startsWith(prefix)) {
                continue;
            }
            String name = address.substring(prefix.length());
            int query = name.indexOf('?');
            name = query < 0 ? name : name.substring(0, query);
            if (name.matches("[A-Za-z0-9._-]+")) {
                return java.util.Optional.of(name);
            }
        }
        return java.util.Optional.empty();
    }
}
