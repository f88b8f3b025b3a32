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
}
