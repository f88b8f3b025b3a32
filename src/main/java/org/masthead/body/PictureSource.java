package org.masthead.body;

import java.util.Optional;

/**
 * Where a library picture in the body is fetched from, and how it is described in the library. Provided by the
 * content module (from the media library); an interface here so rendering needs no database.
 */
public interface PictureSource {

    PictureSource NONE = mediaId -> Optional.empty();

    Optional<Picture> picture(long mediaId);

    /**
     * @param srcset the resized variants ({@code "/media/x-640.jpg 640w, …"}), or empty
     */
    record Picture(String src, String srcset, Integer width, Integer height, String alt, String caption, String credit) {
    }
}
