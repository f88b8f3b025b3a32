package org.masthead.api.nql;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compiles a parsed filter to a parameterised PostgreSQL condition, the job mongo-knex does for Ghost. Every value
 * becomes a {@code ?} parameter; only the application's {@link FilterField} SQL and fixed keywords reach the text.
 *
 * <p>Semantics follow Ghost where it is consistent:
 * <ul>
 * <li>{@code field:null} is {@code is null}, {@code field:-null} is {@code is not null}; null with any other
 * operator is refused.</li>
 * <li>On a column, {@code :-}, {@code :-[…]} and {@code :-~} are plain SQL {@code <>}, {@code not in} and
 * {@code not ilike}, which (like the {@code !=}, {@code not in} and {@code not like} mongo-knex emits for Ghost) do
 * not match NULLs.</li>
 * <li>On a relation, positive operators ask whether some related row matches ({@code exists}); negated ones
 * whether none does ({@code not exists}): {@code tag:-news} is "posts not tagged news", as mongo-knex compiles
 * {@code $ne}/{@code $nin} to {@code id not in (…)}. Ghost differs for {@code -~}, {@code -~^} and {@code -~$} on
 * a relation: mongo-knex does not count {@code $not} as a negation and so asks for "some related row that does
 * not match"; here all negations mean "none matches".</li>
 * <li>{@code [a+b]} is one equality per value joined by AND, as Ghost's {@code expandAllFilters} rewrites
 * {@code $all}; on a relation that is one {@code exists} per value: tagged a and tagged b.</li>
 * <li>{@code ~} compiles to {@code ilike} with {@code %}, {@code _} and {@code \} escaped: case-insensitive like
 * Ghost's {@code lower(col) like lower(value)}.</li>
 * </ul>
 */
public final class NqlSql {

    private static final String LIKE_ESCAPE = " escape '\\'";

    private final Map<String, FilterField> fields;
    private final Clock clock;
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    private NqlSql(Map<String, FilterField> fields, Clock clock) {
        this.fields = fields;
        this.clock = clock;
    }

    /**
     * The condition for a filter over one resource's fields; {@code clock} resolves relative dates such as
     * {@code now-30d}. Throws {@link NqlException} for an unknown field or a value the field cannot take.
     */
    public static SqlCondition compile(NqlExpression expression, Map<String, FilterField> fields, Clock clock) {
        Objects.requireNonNull(expression, "expression");
        NqlSql compiler = new NqlSql(Objects.requireNonNull(fields, "fields"), Objects.requireNonNull(clock, "clock"));
        compiler.sql.append('(');
        compiler.write(expandAll(expression));
        compiler.sql.append(')');
        return new SqlCondition(compiler.sql.toString(), compiler.params);
    }

    private void write(NqlExpression expression) {
        if (expression instanceof NqlExpression.And) {
            writeJoined(((NqlExpression.And) expression).operands(), " and ");
        } else if (expression instanceof NqlExpression.Or) {
            writeJoined(((NqlExpression.Or) expression).operands(), " or ");
        } else {
            writeComparison((NqlExpression.Comparison) expression);
        }
    }

    /** Nested groups keep their parentheses, so the SQL reads like the filter and precedence is never in doubt. */
    private void writeJoined(List<NqlExpression> operands, String joiner) {
        for (int i = 0; i < operands.size(); i++) {
            if (i > 0) {
                sql.append(joiner);
            }
            NqlExpression operand = expandAll(operands.get(i));
            if (operand instanceof NqlExpression.Comparison) {
                write(operand);
            } else {
                sql.append('(');
                write(operand);
                sql.append(')');
            }
        }
    }

    /** {@code field:[a+b]} as {@code field:a+field:b}, Ghost's own rewrite of {@code $all}. */
    private static NqlExpression expandAll(NqlExpression expression) {
        if (!(expression instanceof NqlExpression.Comparison)) {
            return expression;
        }
        NqlExpression.Comparison comparison = (NqlExpression.Comparison) expression;
        if (comparison.operator() != NqlOperator.ALL) {
            return expression;
        }
        List<NqlValue> values = ((NqlValue.ListOf) comparison.value()).values();
        if (values.isEmpty()) {
            throw emptyList(comparison.field());
        }
        List<NqlExpression> equalities = new ArrayList<>();
        for (NqlValue value : values) {
            equalities.add(new NqlExpression.Comparison(comparison.field(), NqlOperator.EQ, value));
        }
        return equalities.size() == 1 ? equalities.get(0) : new NqlExpression.And(equalities);
    }

    private void writeComparison(NqlExpression.Comparison comparison) {
        String name = comparison.field();
        FilterField field = fields.get(name);
        if (field == null) {
            throw new NqlException("Unknown filter field \"" + name + "\"");
        }
        NqlOperator operator = comparison.operator();
        if (comparison.value() instanceof NqlValue.Null) {
            writeNullCheck(name, field, operator);
            return;
        }
        if (operator.isTextMatch() && field.type() != ValueType.TEXT) {
            throw new NqlException("\"" + name + "\" is not text and cannot be searched with " + operator.syntax());
        }
        if (field instanceof FilterField.Column) {
            FilterField.Column column = (FilterField.Column) field;
            writePredicate(column.sql(), operator, comparison);
        } else {
            FilterField.Related related = (FilterField.Related) field;
            sql.append(operator.isNegated() ? "not exists (" : "exists (").append(related.subquery()).append(" and ");
            writePredicate(related.column(), operator.positive(), comparison);
            sql.append(')');
        }
    }

    /**
     * A multi-valued relation is null when it has no value at all: {@code tag:null} is "no tags" and
     * {@code tag:-null} "has a tag". Ghost has no such rule for many-to-many relations and compiles these to
     * queries that are empty or inverted, so nothing compatible is lost.
     */
    private void writeNullCheck(String name, FilterField field, NqlOperator operator) {
        if (operator != NqlOperator.EQ && operator != NqlOperator.NE) {
            throw new NqlException("\"" + name + "\" can only be compared to null with : or :-");
        }
        if (field instanceof FilterField.Column) {
            sql.append(((FilterField.Column) field).sql()).append(operator == NqlOperator.EQ ? " is null" : " is not null");
        } else {
            FilterField.Related related = (FilterField.Related) field;
            sql.append(operator == NqlOperator.EQ ? "not exists (" : "exists (").append(related.subquery())
                    .append(" and ").append(related.column()).append(" is not null)");
        }
    }

    private void writePredicate(String column, NqlOperator operator, NqlExpression.Comparison comparison) {
        String name = comparison.field();
        switch (operator) {
            case EQ:
                writeScalar(column, " = ", name, comparison.value());
                break;
            case NE:
                writeScalar(column, " <> ", name, comparison.value());
                break;
            case GT:
                writeScalar(column, " > ", name, comparison.value());
                break;
            case GTE:
                writeScalar(column, " >= ", name, comparison.value());
                break;
            case LT:
                writeScalar(column, " < ", name, comparison.value());
                break;
            case LTE:
                writeScalar(column, " <= ", name, comparison.value());
                break;
            case IN:
                writeList(column, " in (", name, comparison.value());
                break;
            case NOT_IN:
                writeList(column, " not in (", name, comparison.value());
                break;
            case CONTAINS:
            case STARTS_WITH:
            case ENDS_WITH:
                writeLike(column, " ilike ?", operator, comparison);
                break;
            case NOT_CONTAINS:
            case NOT_STARTS_WITH:
            case NOT_ENDS_WITH:
                writeLike(column, " not ilike ?", operator.positive(), comparison);
                break;
            default:
                throw new IllegalStateException(operator + " is expanded before it reaches SQL");
        }
    }

    private void writeScalar(String column, String comparator, String name, NqlValue value) {
        sql.append(column).append(comparator).append('?');
        params.add(typed(name, value));
    }

    private void writeList(String column, String opening, String name, NqlValue list) {
        List<NqlValue> values = ((NqlValue.ListOf) list).values();
        if (values.isEmpty()) {
            throw emptyList(name);
        }
        sql.append(column).append(opening);
        for (int i = 0; i < values.size(); i++) {
            NqlValue value = values.get(i);
            if (value instanceof NqlValue.Null) {
                throw new NqlException("\"" + name + "\" cannot take null in a list");
            }
            sql.append(i == 0 ? "?" : ", ?");
            params.add(typed(name, value));
        }
        sql.append(')');
    }

    private void writeLike(String column, String comparator, NqlOperator match, NqlExpression.Comparison comparison) {
        NqlValue.Text text = (NqlValue.Text) comparison.value();
        if (!text.quoted()) {
            throw new NqlException("\"" + comparison.field() + "\" takes a single-quoted string after "
                    + comparison.operator().syntax());
        }
        String literal = likeLiteral(text.value());
        String pattern = match == NqlOperator.STARTS_WITH ? literal + "%"
                : match == NqlOperator.ENDS_WITH ? "%" + literal
                : "%" + literal + "%";
        sql.append(column).append(comparator).append(LIKE_ESCAPE);
        params.add(pattern);
    }

    /** The value as the JDBC parameter the field's type needs, or an {@link NqlException} naming the field. */
    private Object typed(String name, NqlValue value) {
        switch (fields.get(name).type()) {
            case TEXT:
                return text(name, value);
            case BOOLEAN:
                if (value instanceof NqlValue.Bool) {
                    return ((NqlValue.Bool) value).value();
                }
                throw new NqlException("\"" + name + "\" takes true or false");
            case INTEGER:
                return integer(name, value);
            default:
                return timestamp(name, value);
        }
    }

    private Object text(String name, NqlValue value) {
        if (value instanceof NqlValue.Text) {
            return ((NqlValue.Text) value).value();
        }
        if (value instanceof NqlValue.Int) {
            return Long.toString(((NqlValue.Int) value).value());
        }
        if (value instanceof NqlValue.RelativeDate) {
            // what Ghost compares a text column with: the resolved date in its SQL format
            return NqlDates.GHOST_SQL_FORMAT.format(((NqlValue.RelativeDate) value).resolve(clock));
        }
        throw new NqlException("\"" + name + "\" takes text, not true or false; quote the word to match it, e.g. '"
                + ((NqlValue.Bool) value).value() + "'");
    }

    private static Object integer(String name, NqlValue value) {
        if (value instanceof NqlValue.Int) {
            return ((NqlValue.Int) value).value();
        }
        if (value instanceof NqlValue.Text) {
            // a negative number can only be written quoted: an unquoted minus means "not equal"
            String digits = ((NqlValue.Text) value).value();
            if (digits.matches("-?[0-9]{1,18}")) {
                return Long.parseLong(digits);
            }
        }
        throw new NqlException("\"" + name + "\" takes a whole number");
    }

    private Object timestamp(String name, NqlValue value) {
        if (value instanceof NqlValue.RelativeDate) {
            return ((NqlValue.RelativeDate) value).resolve(clock);
        }
        if (value instanceof NqlValue.Text) {
            var date = NqlDates.parse(((NqlValue.Text) value).value());
            if (date.isPresent()) {
                return date.get();
            }
        }
        throw new NqlException("\"" + name + "\" takes a date such as '2024-01-01 10:00:00' or now-7d");
    }

    /** The text matched literally by LIKE: its wildcards and the escape character itself escaped. */
    private static String likeLiteral(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '%' || c == '_') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static NqlException emptyList(String name) {
        return new NqlException("\"" + name + "\" needs at least one value in [ ]");
    }
}
