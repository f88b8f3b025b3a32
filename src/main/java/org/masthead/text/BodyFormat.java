package org.masthead.text;

import java.util.Locale;

/** The language an article body's source is written in: Markdown from the editor, HTML from imports and APIs. */
public enum BodyFormat {
    MARKDOWN, HTML;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BodyFormat fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
