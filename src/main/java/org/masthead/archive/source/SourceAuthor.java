package org.masthead.archive.source;

/**
 * A writer as the archive knows them.
 *
 * @param key       unique within the archive and stable across re-runs of the same file ("wp-author:jdoe",
 *                  "ghost-user:5951f5fca366002ebd5dbef7"); what makes a second import find the same profile
 * @param slug      URL name, may be blank (made from the name)
 * @param avatarUrl absolute or site-relative address of a profile picture, or null
 */
public record SourceAuthor(String key, String slug, String name, String email, String bio, String website,
                           String avatarUrl, String jobTitle) {

    public SourceAuthor {
        slug = blankToNull(slug);
        name = name == null || name.isBlank() ? (slug == null ? key : slug) : name.strip();
        email = blankToNull(email);
        bio = blankToNull(bio);
        website = blankToNull(website);
        avatarUrl = blankToNull(avatarUrl);
        jobTitle = blankToNull(jobTitle);
    }

    /** A byline the archive names but never describes (a co-author, a guest). */
    public static SourceAuthor named(String key, String slug, String name) {
        return new SourceAuthor(key, slug, name, null, null, null, null, null);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
