package org.masthead.content;

/** An author as credited on an article, with what the author box shows. */
public record Byline(long authorId, String slug, String name, String jobTitle, String bio, String avatarUrl) {

    public String url() {
        return "/authors/" + slug;
    }
}
