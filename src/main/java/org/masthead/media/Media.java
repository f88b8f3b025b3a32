package org.masthead.media;

/** Where stored media files are served from; their names are content hashes, so URLs are cacheable forever. */
public final class Media {

    public static final String URL_PREFIX = "/media/";

    private Media() {
    }

    public static String url(String fileName) {
        return URL_PREFIX + fileName;
    }
}
