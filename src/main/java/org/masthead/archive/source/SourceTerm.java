package org.masthead.archive.source;

/**
 * A tag or a section as the archive knows it.
 *
 * @param key      unique within the archive per kind ("wp-tag:peace-talks", "wp-category:world",
 *                 "ghost-tag:5951f5fca366002ebd5dbef8")
 * @param slug     URL name, may be blank (made from the name)
 * @param internal a Ghost internal tag ({@code #name}): kept for integrations, never shown to readers
 */
public record SourceTerm(String key, String slug, String name, String description, boolean internal) {

    public SourceTerm {
        slug = SourceAuthor.blankToNull(slug);
        name = name == null || name.isBlank() ? (slug == null ? key : slug) : name.strip();
        description = SourceAuthor.blankToNull(description);
    }

    public static SourceTerm named(String key, String slug, String name) {
        return new SourceTerm(key, slug, name, null, false);
    }
}
