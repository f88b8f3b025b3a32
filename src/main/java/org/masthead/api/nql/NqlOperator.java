package org.masthead.api.nql;

/**
 * What a comparison does with its value, one constant per operator NQL can write after the colon. The negated ones
 * exist as their own constants because on a many-to-many relation "not" means "no related row matches", which is
 * not the same as a negated comparison inside the subquery.
 */
public enum NqlOperator {
    /** {@code field:value} */
    EQ(":"),
    /** {@code field:-value} */
    NE(":-"),
    /** {@code field:>value} */
    GT(":>"),
    /** {@code field:>=value} */
    GTE(":>="),
    /** {@code field:<value} */
    LT(":<"),
    /** {@code field:<=value} */
    LTE(":<="),
    /** {@code field:[a,b]}: any of the values. */
    IN(":[a,b]"),
    /** {@code field:-[a,b]}: none of the values. */
    NOT_IN(":-[a,b]"),
    /** {@code field:[a+b]}: every one of the values (Ghost's {@code $all}; useful on relations such as tags). */
    ALL(":[a+b]"),
    /** {@code field:~'x'} */
    CONTAINS(":~"),
    /** {@code field:-~'x'} */
    NOT_CONTAINS(":-~"),
    /** {@code field:~^'x'} */
    STARTS_WITH(":~^"),
    /** {@code field:-~^'x'} */
    NOT_STARTS_WITH(":-~^"),
    /** {@code field:~$'x'} */
    ENDS_WITH(":~$"),
    /** {@code field:-~$'x'} */
    NOT_ENDS_WITH(":-~$");

    private final String syntax;

    NqlOperator(String syntax) {
        this.syntax = syntax;
    }

    /** How the operator is written in a filter, for error messages. */
    public String syntax() {
        return syntax;
    }

    public boolean isNegated() {
        return this != positive();
    }

    /** The operator without its "not": {@code NE} gives {@code EQ}, {@code NOT_CONTAINS} gives {@code CONTAINS}. */
    public NqlOperator positive() {
        switch (this) {
            case NE:
                return EQ;
            case NOT_IN:
                return IN;
            case NOT_CONTAINS:
                return CONTAINS;
            case NOT_STARTS_WITH:
                return STARTS_WITH;
            case NOT_ENDS_WITH:
                return ENDS_WITH;
            default:
                return this;
        }
    }

    /** IN, NOT_IN and ALL compare with a list of values; every other operator with one value. */
    public boolean takesList() {
        return this == IN || this == NOT_IN || this == ALL;
    }

    /** The {@code ~} family: substring matches on text, which NQL only allows with a quoted string. */
    public boolean isTextMatch() {
        NqlOperator positive = positive();
        return positive == CONTAINS || positive == STARTS_WITH || positive == ENDS_WITH;
    }
}
