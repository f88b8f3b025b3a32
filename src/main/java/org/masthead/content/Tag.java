package org.masthead.content;

/**
 * A topic articles share; it has a page of its own and feeds.
 *
 * @param publicId the Ghost-style id the APIs and webhooks know it by
 */
public record Tag(long id, String slug, String name, String description, String publicId) {

    /**
     * Ghost's internal tags ("#web-only") organise content without being shown to readers; their slugs start
     * with "hash-".
     */
    public boolean isInternal() {
        return name.startsWith("#");
    }

    /** The slug a tag's name makes: "#web-only" (internal) becomes "hash-web-only", as in Ghost. */
    public static String slugFor(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.startsWith("#")) {
            String rest = org.masthead.text.Slugs.slugify(trimmed.substring(1));
            return rest.isEmpty() ? "" : org.masthead.text.Slugs.slugify("hash-" + rest);
        }
        return org.masthead.text.Slugs.slugify(trimmed);
    }

    public String url() {
        return urlOf(slug);
    }

    public static String urlOf(String slug) {
        return "/tags/" + slug;
    }
}
