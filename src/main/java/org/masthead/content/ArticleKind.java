package org.masthead.content;

import java.util.Locale;

/** An article in a section, with feeds and the News Feed; or a static page (About, Contact…) without either. */
public enum ArticleKind {
    ARTICLE, PAGE;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ArticleKind fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
