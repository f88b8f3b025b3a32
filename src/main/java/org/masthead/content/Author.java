package org.masthead.content;

import java.util.List;

/**
 * A public byline: who wrote it, as readers see them. Separate from staff accounts, so guest writers and
 * wire services need no login.
 *
 * @param avatar the avatar with all its stored sizes (for {@code srcset}), or null
 */
public record Author(long id, String slug, String name, String jobTitle, String bio, String avatarUrl,
                     List<AuthorLink> links, Picture avatar) {

    public String url() {
        return "/authors/" + slug;
    }

    /** A profile link; only http, https and mailto addresses are accepted, so no link can run script. */
    public record AuthorLink(String label, String url) {

        public AuthorLink {
            if (url == null || !url.strip().matches("(?i)(https?://|mailto:)\\S+")) {
                throw new IllegalArgumentException("A profile link must start with https://, http:// or mailto:");
            }
            url = url.strip();
            label = label == null || label.isBlank() ? url : label.strip();
        }
    }
}
