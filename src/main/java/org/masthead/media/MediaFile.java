package org.masthead.media;

/** A stored media file. */
public record MediaFile(long id, String fileName, String contentType, int width, int height, long byteSize) {

    public String url() {
        return Media.url(fileName);
    }
}
