package org.masthead.api.nql;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive descent over the grammar of TryGhost/NQL's {@code packages/nql-lang/src/nql.y}:
 *
 * <pre>
 * expression   : andCondition (OR andCondition)*          -- ","; binds looser than "+"
 * andCondition : filterExpr (AND filterExpr)*              -- "+"
 * filterExpr   : LPAREN expression RPAREN | PROP valueExpr
 * valueExpr    : NOT? (CONTAINS | STARTSWITH | ENDSWITH) STRING
 *              | NOT? LBRACKET VALUE (OR VALUE)* RBRACKET  -- IN, NOT IN
 *              | LBRACKET VALUE (AND VALUE)+ RBRACKET       -- ALL; "-[a+b]" is rejected, as in Ghost
 *              | (NOT | GT | LT | GTE | LTE)? VALUE
 * VALUE        : NULL | TRUE | FALSE | NUMBER | RELATIVE_DATE | LITERAL | STRING
 * </pre>
 *
 * Nothing may come before the property, so {@code -status:draft} is an error as in Ghost; negation goes after the
 * colon. Only parentheses recurse, and their depth is capped, so no input can exhaust the stack.
 */
final class NqlParser {

    private final List<NqlToken> tokens;
    private int next;
    private int depth;

    private NqlParser(List<NqlToken> tokens) {
        this.tokens = tokens;
    }

    static NqlExpression parse(String filter) {
        NqlParser parser = new NqlParser(NqlLexer.lex(filter));
        NqlExpression expression = parser.expression();
        NqlToken after = parser.advance();
        if (after.kind() != NqlToken.Kind.END) {
            throw unexpected(after, "expected \"+\", \",\" or the end of the filter");
        }
        return expression;
    }

    private NqlExpression expression() {
        List<NqlExpression> operands = new ArrayList<>();
        operands.add(andCondition());
        while (peek().kind() == NqlToken.Kind.OR) {
            advance();
            operands.add(andCondition());
        }
        return operands.size() == 1 ? operands.get(0) : new NqlExpression.Or(operands);
    }

    private NqlExpression andCondition() {
        List<NqlExpression> operands = new ArrayList<>();
        operands.add(filterExpr());
        while (peek().kind() == NqlToken.Kind.AND) {
            advance();
            operands.add(filterExpr());
        }
        return operands.size() == 1 ? operands.get(0) : new NqlExpression.And(operands);
    }

    private NqlExpression filterExpr() {
        NqlToken token = advance();
        switch (token.kind()) {
            case LPAREN:
                return group(token);
            case PROP:
                return valueExpr(token.text().substring(0, token.text().length() - 1));
            case NOT:
                if (peek().kind() == NqlToken.Kind.PROP) {
                    throw new NqlException("Unexpected \"-\" at character " + token.character()
                            + "; put the minus after the colon, e.g. status:-draft");
                }
                throw unexpected(token, "expected a field name with \":\" or \"(\"");
            default:
                throw unexpected(token, "expected a field name with \":\" or \"(\"");
        }
    }

    private NqlExpression group(NqlToken open) {
        if (++depth > Nql.MAX_DEPTH) {
            throw new NqlException("Too many nested parentheses at character " + open.character()
                    + "; at most " + Nql.MAX_DEPTH + " levels");
        }
        NqlExpression inner = expression();
        NqlToken close = advance();
        if (close.kind() != NqlToken.Kind.RPAREN) {
            throw unexpected(close, "expected \"+\", \",\" or \")\"");
        }
        depth--;
        return inner;
    }

    private NqlExpression valueExpr(String field) {
        NqlToken token = peek();
        switch (token.kind()) {
            case NOT:
                advance();
                return negated(field);
            case CONTAINS:
            case STARTSWITH:
            case ENDSWITH:
                advance();
                return textMatch(field, token, false);
            case LBRACKET:
                advance();
                return list(field, false);
            case GT:
                advance();
                return new NqlExpression.Comparison(field, NqlOperator.GT, value());
            case GTE:
                advance();
                return new NqlExpression.Comparison(field, NqlOperator.GTE, value());
            case LT:
                advance();
                return new NqlExpression.Comparison(field, NqlOperator.LT, value());
            case LTE:
                advance();
                return new NqlExpression.Comparison(field, NqlOperator.LTE, value());
            default:
                return new NqlExpression.Comparison(field, NqlOperator.EQ, value());
        }
    }

    /** After {@code field:-}: not contains, not in, or not equal. */
    private NqlExpression negated(String field) {
        NqlToken token = peek();
        switch (token.kind()) {
            case CONTAINS:
            case STARTSWITH:
            case ENDSWITH:
                advance();
                return textMatch(field, token, true);
            case LBRACKET:
                advance();
                return list(field, true);
            default:
                return new NqlExpression.Comparison(field, NqlOperator.NE, value());
        }
    }

    /** The {@code ~} family takes only a quoted STRING, as nql.y's REGEXPOP rules do. */
    private NqlExpression textMatch(String field, NqlToken operatorToken, boolean negated) {
        NqlOperator operator = textMatchOperator(operatorToken.kind(), negated);
        NqlToken token = advance();
        if (token.kind() != NqlToken.Kind.STRING) {
            if (isValue(token.kind())) {
                throw new NqlException("Unexpected \"" + token.text() + "\" at character " + token.character() + "; "
                        + operatorToken.text() + " takes a single-quoted string, e.g. " + field
                        + operator.syntax() + "'" + token.text() + "'");
            }
            throw unexpected(token, "expected a single-quoted string");
        }
        return new NqlExpression.Comparison(field, operator, new NqlValue.Text(stringContent(token), true));
    }

    private static NqlOperator textMatchOperator(NqlToken.Kind kind, boolean negated) {
        switch (kind) {
            case STARTSWITH:
                return negated ? NqlOperator.NOT_STARTS_WITH : NqlOperator.STARTS_WITH;
            case ENDSWITH:
                return negated ? NqlOperator.NOT_ENDS_WITH : NqlOperator.ENDS_WITH;
            default:
                return negated ? NqlOperator.NOT_CONTAINS : NqlOperator.CONTAINS;
        }
    }

    /**
     * {@code [a,b]} (any of), {@code -[a,b]} (none of) or {@code [a+b]} (all of): one separator per list. Ghost
     * refuses {@code -[a+b]} because "missing at least one" is rarely what a leading minus is meant to say.
     */
    private NqlExpression list(String field, boolean negated) {
        List<NqlValue> values = new ArrayList<>();
        values.add(value());
        NqlToken.Kind separator = peek().kind();
        if (separator == NqlToken.Kind.AND && negated) {
            NqlToken plus = peek();
            throw new NqlException("Unexpected \"+\" at character " + plus.character()
                    + "; -[a+b] is not supported, write -[a,b] for none of the values");
        }
        if (separator == NqlToken.Kind.OR || separator == NqlToken.Kind.AND) {
            while (peek().kind() == separator) {
                advance();
                values.add(value());
            }
        }
        NqlToken close = advance();
        if (close.kind() != NqlToken.Kind.RBRACKET) {
            if (close.kind() == NqlToken.Kind.OR || close.kind() == NqlToken.Kind.AND) {
                throw new NqlException("Unexpected \"" + close.text() + "\" at character " + close.character()
                        + "; a list takes either \",\" (any of) or \"+\" (all of), not both");
            }
            throw unexpected(close, "expected \",\", \"+\" or \"]\"");
        }
        NqlOperator operator = separator == NqlToken.Kind.AND ? NqlOperator.ALL
                : negated ? NqlOperator.NOT_IN : NqlOperator.IN;
        return new NqlExpression.Comparison(field, operator, new NqlValue.ListOf(values));
    }

    private NqlValue value() {
        NqlToken token = advance();
        switch (token.kind()) {
            case NULL:
                return new NqlValue.Null();
            case TRUE:
                return new NqlValue.Bool(true);
            case FALSE:
                return new NqlValue.Bool(false);
            case NUMBER:
                return new NqlValue.Int(integerPart(token));
            case RELATIVE_DATE:
                return relativeDate(token);
            case LITERAL:
                return new NqlValue.Text(unescapeQuotes(token.text()), false);
            case STRING:
                return new NqlValue.Text(stringContent(token), true);
            default:
                throw unexpected(token, "expected a value");
        }
    }

    private static boolean isValue(NqlToken.Kind kind) {
        switch (kind) {
            case NULL:
            case TRUE:
            case FALSE:
            case NUMBER:
            case RELATIVE_DATE:
            case LITERAL:
            case STRING:
                return true;
            default:
                return false;
        }
    }

    /** JavaScript's {@code parseInt}, which Ghost applies to NUMBER: the digits before any fraction. */
    private static long integerPart(NqlToken token) {
        String text = token.text();
        int point = text.indexOf('.');
        try {
            return Long.parseLong(point < 0 ? text : text.substring(0, point));
        } catch (NumberFormatException e) {
            throw new NqlException("Number " + text + " at character " + token.character() + " is too large");
        }
    }

    /** {@code now-30d}: "now", the sign, the amount, one unit letter (the lexer guarantees the shape). */
    private static NqlValue relativeDate(NqlToken token) {
        String text = token.text();
        NqlValue.RelativeDate.Sign sign = text.charAt(3) == '-'
                ? NqlValue.RelativeDate.Sign.MINUS : NqlValue.RelativeDate.Sign.PLUS;
        try {
            long amount = Long.parseLong(text.substring(4, text.length() - 1));
            return new NqlValue.RelativeDate(sign, amount, NqlValue.RelativeDate.unitOf(text.charAt(text.length() - 1)));
        } catch (NumberFormatException e) {
            throw new NqlException("Relative date " + text + " at character " + token.character() + " is out of range");
        }
    }

    /** The text between the quotes; Ghost strips them with {@code /^'|'$/g}, then unescapes. */
    private static String stringContent(NqlToken token) {
        String text = token.text();
        return unescapeQuotes(text.substring(1, text.length() - 1));
    }

    /**
     * Ghost's {@code unescape}: only {@code \'} and {@code \"} lose their backslash. Other escapes such as
     * {@code \,} in a literal let the character into the token but keep the backslash in the value.
     */
    private static String unescapeQuotes(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '\'' || text.charAt(i + 1) == '"')) {
                out.append(text.charAt(i + 1));
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private NqlToken peek() {
        return tokens.get(next);
    }

    /** The next token; END repeats at the end, so the parser never runs off the list. */
    private NqlToken advance() {
        NqlToken token = tokens.get(next);
        if (token.kind() != NqlToken.Kind.END) {
            next++;
        }
        return token;
    }

    private static NqlException unexpected(NqlToken token, String expectation) {
        if (token.kind() == NqlToken.Kind.END) {
            return new NqlException("Unexpected end of filter, " + expectation);
        }
        return new NqlException("Unexpected \"" + token.text() + "\" at character " + token.character() + ", "
                + expectation);
    }
}
