package org.masthead.api.nql;

import java.util.Objects;

/**
 * Entry point for Ghost's filter language (the {@code filter} query parameter of the Content and Admin APIs):
 * {@code Nql.parse("tag:news+featured:true")}, then {@link NqlSql#compile} against a resource's field map.
 *
 * <p>Input is capped in length and nesting so a hostile filter costs little to reject. An absent or empty
 * {@code filter} parameter should be skipped by the caller, as Ghost skips it; {@link #parse} refuses it.
 */
public final class Nql {

    /** Longest filter accepted, in UTF-16 characters; real filters are a few hundred at most. */
    public static final int MAX_LENGTH = 8_000;

    /** Deepest nesting of parentheses accepted. */
    public static final int MAX_DEPTH = 32;

    private Nql() {
    }

    /** The filter as a tree; throws {@link NqlException} with a short message naming the problem and its position. */
    public static NqlExpression parse(String filter) {
        Objects.requireNonNull(filter, "filter");
        if (filter.length() > MAX_LENGTH) {
            throw new NqlException("Filter is too long: " + filter.length() + " characters, at most " + MAX_LENGTH);
        }
        if (filter.isBlank()) {
            throw new NqlException("Filter is empty");
        }
        return NqlParser.parse(filter);
    }
}
