package org.masthead.article;

public enum ArticleStatus {
    DRAFT, PUBLISHED;

    String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static ArticleStatus fromDb(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
