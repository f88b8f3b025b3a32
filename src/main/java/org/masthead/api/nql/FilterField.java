package org.masthead.api.nql;

import java.util.Objects;

/**
 * How one filter field name maps to SQL, written by the application, never by the client. A resource's field map
 * is a {@code Map<String, FilterField>} keyed by the exact names a filter may use (lower case, aliases included:
 * {@code tag}, {@code tags} and {@code tags.slug} can share one entry). Unknown names are refused.
 *
 * <p>The SQL given here goes into the query text as is, so it must come from the application; it must not contain
 * {@code ?}, which JDBC would take for a parameter.
 */
public sealed interface FilterField {

    ValueType type();

    /**
     * A value of the row itself: a column or any single SQL operand, e.g. {@code p.headline} or
     * {@code nullif(p.meta_title, '')}. Wrap an expression with operators in parentheses.
     */
    record Column(String sql, ValueType type) implements FilterField {
        public Column {
            FilterField.requireSql(sql, "sql");
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * A many-to-many relation such as a post's tags. {@code subquery} is a correlated select ending in its where
     * condition, e.g. {@code select 1 from content_post_tag x join content_tag t on t.id = x.tag_id where
     * x.article_id = p.id}; {@code column} is the related value compared, e.g. {@code t.slug}. The comparison is
     * appended with {@code and} inside {@code exists (…)}; negated operators become {@code not exists (…)}.
     */
    record Related(String subquery, String column, ValueType type) implements FilterField {
        public Related {
            FilterField.requireSql(subquery, "subquery");
            FilterField.requireSql(column, "column");
            Objects.requireNonNull(type, "type");
        }
    }

    private static void requireSql(String sql, String name) {
        Objects.requireNonNull(sql, name);
        if (sql.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (sql.indexOf('?') >= 0) {
            throw new IllegalArgumentException(name + " must not contain ?, which JDBC reads as a parameter: " + sql);
        }
    }
}
