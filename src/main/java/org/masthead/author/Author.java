package org.masthead.author;

import java.util.List;

/**
 * A public byline: who wrote it, as readers see them. Separate from staff accounts, so guest writers and
 * wire services need no login.
 */
public record Author(long id, String slug, String name, String jobTitle, String bio, String avatarUrl,
                     List<AuthorLink> links) {

    public String url() {
        return "/authors/" + slug;
    }

    public record AuthorLink(String label, String url) {
    }
}
