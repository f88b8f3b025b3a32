package org.masthead.content;

/** The section an article belongs to, as far as an article page needs to know it. */
public record SectionRef(long id, String slug, String name) {

    public String url() {
        return "/sections/" + slug;
    }
}
