package org.masthead.media;

import java.time.Instant;

/**
 * A stored image with its library description (defaults when it is used as a lead image).
 *
 * @param url where readers fetch it (see {@link MediaUrls})
 */
public record MediaFile(long id, String fileName, String contentType, int width, int height, long byteSize,
                        String alt, String caption, String credit, String originalName, Instant createdAt, String url) {
}
