package org.masthead.body;

import java.util.Locale;

/**
 * What an article body's source is written in: blocks from the editor, Markdown from articles written before it,
 * HTML from imports and APIs.
 */
public enum BodyFormat {
    BLOCKS, MARKDOWN, HTML;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BodyFormat fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
