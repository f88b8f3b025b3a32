package org.masthead.content;

/**
 * An author as credited on an article, with what the author box shows.
 *
 * @param avatar the avatar with all its stored sizes (for {@code srcset}), or null
 */
public record Byline(long authorId, String slug, String name, String jobTitle, String bio, String avatarUrl,
                     Picture avatar) {

    public String url() {
        return "/authors/" + slug;
    }
}
