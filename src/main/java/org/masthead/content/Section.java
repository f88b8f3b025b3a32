package org.masthead.content;

/** A desk of the newsroom and a part of the site: Politics, Business… */
public record Section(long id, String slug, String name, String description, int position) {

    public String url() {
        return "/sections/" + slug;
    }
}
