package org.masthead.article;

/** A stored image as shown to readers, with its caption and photo credit. */
public record Picture(String url, int width, int height, String alt, String caption, String credit, String srcset) {
}
