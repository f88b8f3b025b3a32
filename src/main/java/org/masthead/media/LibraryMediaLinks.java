package org.masthead.media;

import java.util.Optional;

import org.masthead.system.MediaLinks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Pictures of the library at the address {@link MediaUrls} gives them. */
@Component
class LibraryMediaLinks implements MediaLinks {

    private final JdbcClient jdbc;
    private final MediaUrls urls;

    LibraryMediaLinks(JdbcClient jdbc, MediaUrls urls) {
        this.jdbc = jdbc;
        this.urls = urls;
    }

    @Override
    public Optional<String> pictureUrl(long mediaId) {
        return jdbc.sql("select file_name from media_picture where media_id = ?").param(mediaId).query(String.class)
                .optional().map(urls::url);
    }
}
