package org.masthead.api.nql;

/**
 * What a filter field holds, which decides the values it accepts and the Java type they are bound as: NQL itself
 * is untyped (Ghost leaves coercion to MySQL), PostgreSQL is not.
 */
public enum ValueType {
    /** Literals, strings and numbers (as their digits), bound as {@code String}; the only type {@code ~} works on. */
    TEXT,
    /** {@code true} or {@code false}, bound as {@code Boolean}. */
    BOOLEAN,
    /** Whole numbers, also quoted ({@code '-3'}, since an unquoted minus means "not"), bound as {@code Long}. */
    INTEGER,
    /**
     * Dates such as {@code 2024-01-01}, {@code '2024-01-01 10:00:00'} or {@code '2024-01-01T10:00:00.000+02:00'}
     * (no offset means UTC) and relative dates ({@code now-7d}), bound as a UTC {@code OffsetDateTime}.
     */
    TIMESTAMP
}
