package org.masthead.content.internal;

import java.util.Optional;
import java.util.stream.Collectors;

import org.masthead.body.PictureSource;
import org.masthead.media.MediaLibrary;
import org.springframework.stereotype.Component;

/** Pictures in article bodies come from the media library: its address, resized copies and description. */
@Component
class LibraryPictures implements PictureSource {

    private final MediaLibrary library;

    LibraryPictures(MediaLibrary library) {
        this.library = library;
    }

    @Override
    public Optional<Picture> picture(long mediaId) {
        return library.find(mediaId).map(file -> new Picture(file.url(),
                library.variants(mediaId).stream().map(variant -> variant.url() + " " + variant.width() + "w")
                        .collect(Collectors.joining(", ")),
                file.width(), file.height(), file.alt(), file.caption(), file.credit()));
    }
}
