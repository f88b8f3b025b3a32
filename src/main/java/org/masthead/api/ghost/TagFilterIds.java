package org.masthead.api.ghost;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.masthead.api.nql.FilterField;
import org.masthead.api.nql.NqlExpression;
import org.masthead.api.nql.NqlOperator;
import org.masthead.api.nql.NqlValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rewrites {@code tag:trade} (and {@code tags:}, {@code tags.slug:}, lists and negations) to the tag's row id before
 * the filter is compiled. PostgreSQL can then plan with what it knows about that one tag — a tenth of a million
 * articles is worth walking newest first — instead of its average over every tag (a few hundred), which made it
 * fetch and sort every article of a big tag: 703 ms against 3 ms at a million articles.
 */
@Component
public class TagFilterIds {

    private static final Set<String> SLUG_FIELDS = Set.of("tag", "tags", "tags.slug");
    private static final Set<NqlOperator> EXACT = Set.of(NqlOperator.EQ, NqlOperator.NE, NqlOperator.IN,
            NqlOperator.NOT_IN, NqlOperator.ALL);
    /** No tag has it: an unknown slug still matches nothing, and its negation everything. */
    private static final long NO_TAG = -1;

    private final JdbcClient jdbc;

    TagFilterIds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The filter with tag slugs as ids, when it is over posts ({@code fields} has the id field); else as it is. */
    public NqlExpression resolve(NqlExpression expression, Map<String, FilterField> fields) {
        return fields.containsKey(PostFilters.TAG_ID) ? resolve(expression) : expression;
    }

    private NqlExpression resolve(NqlExpression expression) {
        if (expression instanceof NqlExpression.And and) {
            return new NqlExpression.And(and.operands().stream().map(this::resolve).toList());
        }
        if (expression instanceof NqlExpression.Or or) {
            return new NqlExpression.Or(or.operands().stream().map(this::resolve).toList());
        }
        NqlExpression.Comparison comparison = (NqlExpression.Comparison) expression;
        if (!SLUG_FIELDS.contains(comparison.field()) || !EXACT.contains(comparison.operator())) {
            return comparison;
        }
        List<NqlValue> values = comparison.value() instanceof NqlValue.ListOf list ? list.values() : List.of(comparison.value());
        if (values.isEmpty()) {
            return comparison; // "needs at least one value", in the words the client wrote
        }
        List<String> slugs = new ArrayList<>();
        for (NqlValue value : values) {
            if (value instanceof NqlValue.Text text) {
                slugs.add(text.value());
            } else if (value instanceof NqlValue.Int number) {
                slugs.add(Long.toString(number.value()));
            } else {
                return comparison; // null, true/false, a date: the compiler answers these as it always has
            }
        }
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("select slug, id from content_tag where slug = any(?)").param(slugs.toArray(String[]::new))
                .query(rs -> {
                    ids.put(rs.getString("slug"), rs.getLong("id"));
                });
        List<NqlValue> resolved = slugs.stream().<NqlValue>map(slug -> new NqlValue.Int(ids.getOrDefault(slug, NO_TAG))).toList();
        return new NqlExpression.Comparison(PostFilters.TAG_ID, comparison.operator(),
                comparison.value() instanceof NqlValue.ListOf ? new NqlValue.ListOf(resolved) : resolved.get(0));
    }
}
