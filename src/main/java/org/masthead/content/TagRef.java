package org.masthead.content;

/** A tag as an article shows it: a chip linking to the tag's page. */
public record TagRef(String name, String slug) {

    public String url() {
        return Tag.urlOf(slug);
    }
}
