package org.masthead.api.nql;

import java.util.List;
import java.util.Objects;

/**
 * A parsed filter: comparisons joined by AND ({@code +}) and OR ({@code ,}). A typed tree rather than Ghost's
 * Mongo-style JSON, so the compiler can check every field and value before anything reaches SQL. Groups in
 * parentheses stay nested as written; a group of one is just its content.
 */
public sealed interface NqlExpression {

    /** Every operand holds: {@code a:1+b:2}. */
    record And(List<NqlExpression> operands) implements NqlExpression {
        public And {
            operands = List.copyOf(operands);
            if (operands.isEmpty()) {
                throw new IllegalArgumentException("And needs at least one operand");
            }
        }
    }

    /** At least one operand holds: {@code a:1,b:2}. */
    record Or(List<NqlExpression> operands) implements NqlExpression {
        public Or {
            operands = List.copyOf(operands);
            if (operands.isEmpty()) {
                throw new IllegalArgumentException("Or needs at least one operand");
            }
        }
    }

    /**
     * {@code field:<operator><value>}. The field is the name as written (aliases are resolved by the field map);
     * list operators carry a {@link NqlValue.ListOf}, the {@code ~} family a {@link NqlValue.Text}.
     */
    record Comparison(String field, NqlOperator operator, NqlValue value) implements NqlExpression {
        public Comparison {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(value, "value");
            if (operator.takesList() != (value instanceof NqlValue.ListOf)) {
                throw new IllegalArgumentException(operator + (operator.takesList() ? " takes a list" : " takes one value"));
            }
            if (operator.isTextMatch() && !(value instanceof NqlValue.Text)) {
                throw new IllegalArgumentException(operator + " takes text");
            }
        }
    }
}
