package org.masthead.api.ghost;

import java.time.Instant;
import java.util.List;

import org.masthead.content.Author;

/** A byline profile as the APIs show it (Ghost's author, or user in the Admin API). */
public record AuthorRow(long id, String publicId, String slug, String name, String jobTitle, String bio,
                        String avatarFile, List<Author.AuthorLink> links, boolean listed, Instant createdAt,
                        Instant updatedAt, Long postCount) {
}
