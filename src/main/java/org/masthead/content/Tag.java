package org.masthead.content;

/** A topic articles share; it has a page of its own and feeds. */
public record Tag(long id, String slug, String name, String description) {

    public String url() {
        return urlOf(slug);
    }

    public static String urlOf(String slug) {
        return "/tags/" + slug;
    }
}
