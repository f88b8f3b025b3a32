package org.masthead.content;

import java.util.Locale;

/** Where an article is in its life; only PUBLISHED articles are visible to readers. */
public enum ArticleStatus {
    DRAFT("Draft"), IN_REVIEW("In review"), SCHEDULED("Scheduled"), PUBLISHED("Published"), UNPUBLISHED("Unpublished");

    private final String label;

    ArticleStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ArticleStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
