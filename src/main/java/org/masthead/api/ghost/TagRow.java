package org.masthead.api.ghost;

import java.time.Instant;

/** A tag as the APIs show it; {@code postCount} only when {@code count.posts} was asked for. */
public record TagRow(long id, String publicId, String slug, String name, String description, Instant createdAt,
                     Instant updatedAt, Long postCount) {

    public boolean isInternal() {
        return name.startsWith("#");
    }
}
