package org.masthead.api.nql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a filter into tokens exactly as TryGhost/NQL's {@code packages/nql-lang/src/nql.l} (nql-lang 0.7.0) does.
 *
 * <p>jison tries the rules in order and takes the first that matches (not the longest), so {@link #RULES} keeps
 * nql.l's order and each rule is a hand-written matcher equivalent to its regular expression, including the
 * lookaheads and the backtracking of the string rule. Hand-written rather than {@code java.util.regex} because
 * Java's regex engine recurses once per repetition of a group such as {@code (\\x|y)+}, which a long hostile
 * literal could turn into a StackOverflowError.
 */
final class NqlLexer {

    private static final int NO_MATCH = -1;

    /** nql.l {@code escapable}: what a backslash may put inside an unquoted literal. */
    private static final String ESCAPABLE = "'\"+,()><=[]~^$";

    /** What ends an unquoted literal (with whitespace): the complement of nql.l {@code omitopsbarnot}. */
    private static final String LITERAL_BREAKERS = "'\"+,()><=[]~";

    /** nql.l {@code final}: what may follow a relative date such as {@code now-30d} (besides the end). */
    private static final String AFTER_RELATIVE_DATE = "+,()[]";

    private static final String RELATIVE_DATE_UNITS = "dwMyhms";

    /** The negative lookahead of nql.l's last rule, which lexes a lone letter such as {@code name:a}. */
    private static final String AFTER_ONE_LETTER_FORBIDDEN = "'\",()><=[]~";

    /** Matches at a position and gives where the token ends, or {@link #NO_MATCH}. */
    @FunctionalInterface
    private interface Matcher {
        int end(String input, int start);
    }

    private record Rule(NqlToken.Kind kind, Matcher matcher) {
    }

    /** nql.l's rules in nql.l's order (whitespace is skipped before these are tried). */
    private static final List<Rule> RULES = List.of(
            new Rule(NqlToken.Kind.NULL, (s, i) -> keyword(s, i, "null", "NULL", "Null")),
            new Rule(NqlToken.Kind.TRUE, (s, i) -> keyword(s, i, "true", "TRUE", "True")),
            new Rule(NqlToken.Kind.FALSE, (s, i) -> keyword(s, i, "false", "FALSE", "False")),
            new Rule(NqlToken.Kind.PROP, NqlLexer::property),
            new Rule(NqlToken.Kind.NUMBER, NqlLexer::number),
            new Rule(NqlToken.Kind.LBRACKET, (s, i) -> symbol(s, i, "[")),
            new Rule(NqlToken.Kind.RBRACKET, (s, i) -> symbol(s, i, "]")),
            new Rule(NqlToken.Kind.RELATIVE_DATE, NqlLexer::relativeDate),
            new Rule(NqlToken.Kind.LITERAL, NqlLexer::literal),
            new Rule(NqlToken.Kind.STRING, NqlLexer::string),
            new Rule(NqlToken.Kind.LPAREN, (s, i) -> symbol(s, i, "(")),
            new Rule(NqlToken.Kind.RPAREN, (s, i) -> symbol(s, i, ")")),
            new Rule(NqlToken.Kind.OR, (s, i) -> symbol(s, i, ",")),
            new Rule(NqlToken.Kind.AND, (s, i) -> symbol(s, i, "+")),
            new Rule(NqlToken.Kind.NOT, (s, i) -> symbol(s, i, "-")),
            new Rule(NqlToken.Kind.GTE, (s, i) -> symbol(s, i, ">=")),
            new Rule(NqlToken.Kind.LTE, (s, i) -> symbol(s, i, "<=")),
            new Rule(NqlToken.Kind.GT, (s, i) -> symbol(s, i, ">")),
            new Rule(NqlToken.Kind.LT, (s, i) -> symbol(s, i, "<")),
            new Rule(NqlToken.Kind.STARTSWITH, (s, i) -> symbol(s, i, "~^")),
            new Rule(NqlToken.Kind.ENDSWITH, (s, i) -> symbol(s, i, "~$")),
            new Rule(NqlToken.Kind.CONTAINS, (s, i) -> symbol(s, i, "~")),
            new Rule(NqlToken.Kind.LITERAL, NqlLexer::oneLetter));

    private NqlLexer() {
    }

    /** The tokens of a filter, ending with an END token; throws {@link NqlException} where no rule matches. */
    static List<NqlToken> lex(String input) {
        List<NqlToken> tokens = new ArrayList<>();
        int position = skipWhitespace(input, 0);
        while (position < input.length()) {
            NqlToken token = match(input, position);
            tokens.add(token);
            position = skipWhitespace(input, position + token.text().length());
        }
        tokens.add(new NqlToken(NqlToken.Kind.END, "", input.length()));
        return tokens;
    }

    private static NqlToken match(String input, int start) {
        for (Rule rule : RULES) {
            int end = rule.matcher().end(input, start);
            if (end != NO_MATCH) {
                return new NqlToken(rule.kind(), input.substring(start, end), start);
            }
        }
        throw unrecognised(input, start);
    }

    private static int skipWhitespace(String input, int position) {
        while (position < input.length() && isWhitespace(input.charAt(position))) {
            position++;
        }
        return position;
    }

    /** JavaScript's {@code \s}, which nql.l's whitespace rule and character classes mean (wider than Java's). */
    static boolean isWhitespace(char c) {
        switch (c) {
            case ' ': case '\t': case '\n': case '\u000B': case '\f': case '\r':
            case '\u00A0': case '\u1680': case '\u2028': case '\u2029': case '\u202F': case '\u205F':
            case '\u3000': case '\uFEFF':
                return true;
            default:
                return c >= '\u2000' && c <= '\u200A';
        }
    }

    /** {@code (?:null|NULL|Null)(?!(\\{escapable}|{omitopsbarnot})+)}: a keyword only when no literal goes on. */
    private static int keyword(String s, int start, String... spellings) {
        for (String spelling : spellings) {
            if (s.startsWith(spelling, start)) {
                int end = start + spelling.length();
                return end == s.length() || endsLiteral(s.charAt(end)) ? end : NO_MATCH;
            }
        }
        return NO_MATCH;
    }

    /** {@code [a-zA-Z_][a-zA-Z0-9_\.]*[:]}: the colon belongs to the token, so {@code a :1} is no property. */
    private static int property(String s, int start) {
        char first = s.charAt(start);
        if (!isAsciiLetter(first) && first != '_') {
            return NO_MATCH;
        }
        int end = start + 1;
        while (end < s.length() && (isWordChar(s.charAt(end)) || s.charAt(end) == '.')) {
            end++;
        }
        return end < s.length() && s.charAt(end) == ':' ? end + 1 : NO_MATCH;
    }

    /**
     * {@code [0-9]+(\.[0-9]+)?\b(?![\-])}: digits not running into a word character or a hyphen, so
     * {@code 2024-01-01} and {@code 5f3a} are literals. When the fraction fails that test the regex backtracks to
     * the whole digits alone ({@code 1.5x} is NUMBER {@code 1}, then LITERAL {@code .5x}).
     */
    private static int number(String s, int start) {
        int digitsEnd = digits(s, start);
        if (digitsEnd == start) {
            return NO_MATCH;
        }
        if (digitsEnd < s.length() && s.charAt(digitsEnd) == '.') {
            int fractionEnd = digits(s, digitsEnd + 1);
            if (fractionEnd > digitsEnd + 1 && endsNumber(s, fractionEnd)) {
                return fractionEnd;
            }
        }
        return endsNumber(s, digitsEnd) ? digitsEnd : NO_MATCH;
    }

    private static boolean endsNumber(String s, int position) {
        return position == s.length() || !isWordChar(s.charAt(position)) && s.charAt(position) != '-';
    }

    /**
     * {@code now(?=[-+]\d+[dwMyhms](?:{final}|$))} with the reldate state's SUB/ADD, AMOUNT and INTERVAL. Only
     * followed by {@code + , ( ) [ ]} or the end: {@code now-30d } with a trailing space is the literal "now-30d",
     * exactly as in Ghost.
     */
    private static int relativeDate(String s, int start) {
        if (!s.startsWith("now", start)) {
            return NO_MATCH;
        }
        int sign = start + 3;
        if (sign >= s.length() || s.charAt(sign) != '-' && s.charAt(sign) != '+') {
            return NO_MATCH;
        }
        int amountEnd = digits(s, sign + 1);
        if (amountEnd == sign + 1 || amountEnd >= s.length()
                || RELATIVE_DATE_UNITS.indexOf(s.charAt(amountEnd)) < 0) {
            return NO_MATCH;
        }
        int end = amountEnd + 1;
        return end == s.length() || AFTER_RELATIVE_DATE.indexOf(s.charAt(end)) >= 0 ? end : NO_MATCH;
    }

    /**
     * {@code {omitops}(\\{escapable}|{omitopsbarnot})+}: at least two characters; not starting with whitespace, a
     * quote, an operator or {@code -} (a leading minus is NOT); operators only with a backslash before them.
     */
    private static int literal(String s, int start) {
        char first = s.charAt(start);
        if (endsLiteral(first) || first == '-') {
            return NO_MATCH;
        }
        int end = start + 1;
        while (end < s.length()) {
            char c = s.charAt(end);
            if (c == '\\' && end + 1 < s.length() && ESCAPABLE.indexOf(s.charAt(end + 1)) >= 0) {
                end += 2;
            } else if (!endsLiteral(c)) {
                end++;
            } else {
                break;
            }
        }
        return end > start + 1 ? end : NO_MATCH;
    }

    /**
     * {@code ['](\\['"]|[^'"])+?[']}: at least one character; quotes inside only as {@code \'} or {@code \"}. When
     * that runs into the end or a bare {@code "}, the regex backtracks to the last {@code \'} and reads its
     * backslash as a plain character that the quote then closes: {@code 'abc\'} is the string {@code abc\}.
     */
    private static int string(String s, int start) {
        if (s.charAt(start) != '\'') {
            return NO_MATCH;
        }
        int lastEscapedSingleQuote = NO_MATCH;
        int position = start + 1;
        while (position < s.length()) {
            char c = s.charAt(position);
            if (c == '\'') {
                return position > start + 1 ? position + 1 : NO_MATCH;
            }
            if (c == '\\' && position + 1 < s.length() && isQuote(s.charAt(position + 1))) {
                if (s.charAt(position + 1) == '\'') {
                    lastEscapedSingleQuote = position;
                }
                position += 2;
            } else if (c == '"') {
                break;
            } else {
                position++;
            }
        }
        return lastEscapedSingleQuote == NO_MATCH ? NO_MATCH : lastEscapedSingleQuote + 2;
    }

    /**
     * {@code ([a-zA-Z])(?![a-zA-Z'"\,\(\)\>\<=\[\]\~])}: a lone letter. Its lookahead forbids {@code , ) ]}, so
     * Ghost rejects {@code tag:[a,b]} and {@code (name:a)} while it accepts {@code name:a} and {@code name:a+x:1};
     * kept as is so a filter means here what it means in Ghost.
     */
    private static int oneLetter(String s, int start) {
        if (!isAsciiLetter(s.charAt(start))) {
            return NO_MATCH;
        }
        int end = start + 1;
        if (end < s.length() && (isAsciiLetter(s.charAt(end)) || AFTER_ONE_LETTER_FORBIDDEN.indexOf(s.charAt(end)) >= 0)) {
            return NO_MATCH;
        }
        return end;
    }

    private static int symbol(String s, int start, String symbol) {
        return s.startsWith(symbol, start) ? start + symbol.length() : NO_MATCH;
    }

    private static int digits(String s, int start) {
        int end = start;
        while (end < s.length() && s.charAt(end) >= '0' && s.charAt(end) <= '9') {
            end++;
        }
        return end;
    }

    private static boolean endsLiteral(char c) {
        return isWhitespace(c) || LITERAL_BREAKERS.indexOf(c) >= 0;
    }

    private static boolean isQuote(char c) {
        return c == '\'' || c == '"';
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** JavaScript's {@code \w}, which decides where nql.l's {@code \b} is. */
    private static boolean isWordChar(char c) {
        return isAsciiLetter(c) || c >= '0' && c <= '9' || c == '_';
    }

    /** Ghost says only "unrecognized text"; say what is wrong where the cause is a common one. */
    private static NqlException unrecognised(String s, int start) {
        char c = s.charAt(start);
        int character = start + 1;
        if (c == '\'') {
            return stringError(s, start);
        }
        if (c == '"') {
            return new NqlException("Unexpected double quote at character " + character + "; strings take single quotes");
        }
        String shown = new String(Character.toChars(s.codePointAt(start)));
        if (isAsciiLetter(c) && (start + 1 == s.length() || !isQuote(s.charAt(start + 1)))) {
            return new NqlException("Unexpected \"" + shown + "\" at character " + character
                    + "; quote a one-letter value: '" + shown + "'");
        }
        return new NqlException("Unexpected \"" + shown + "\" at character " + character);
    }

    private static NqlException stringError(String s, int start) {
        int character = start + 1;
        if (start + 1 < s.length() && s.charAt(start + 1) == '\'') {
            return new NqlException("Empty string '' at character " + character);
        }
        for (int position = start + 1; position < s.length(); position++) {
            char c = s.charAt(position);
            if (c == '\\' && position + 1 < s.length() && isQuote(s.charAt(position + 1))) {
                position++;
            } else if (c == '"') {
                return new NqlException("Unescaped double quote at character " + (position + 1)
                        + " inside a string; write \\\"");
            }
        }
        return new NqlException("Unterminated string starting at character " + character);
    }
}
