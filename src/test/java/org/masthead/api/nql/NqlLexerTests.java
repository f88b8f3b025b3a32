package org.masthead.api.nql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The lexer against TryGhost/NQL's own cases, ported from {@code packages/nql-lang/test/lexer.test.js}
 * (nql-lang 0.7.0), written as KIND(text) like that file. Where jison emits NOW SUB AMOUNT INTERVAL for a relative
 * date, this lexer emits one RELATIVE_DATE.
 */
class NqlLexerTests {

    private static List<String> lex(String filter) {
        return NqlLexer.lex(filter).stream()
                .filter(token -> token.kind() != NqlToken.Kind.END)
                .map(token -> token.kind() + "(" + token.text() + ")")
                .collect(Collectors.toList());
    }

    private static void assertUnrecognised(String filter) {
        assertThatThrownBy(() -> NqlLexer.lex(filter)).isInstanceOf(NqlException.class);
    }

    @Test
    void recognisesEverySymbol() {
        assertThat(lex("-")).containsExactly("NOT(-)");
        assertThat(lex("+")).containsExactly("AND(+)");
        assertThat(lex(",")).containsExactly("OR(,)");
        assertThat(lex("[")).containsExactly("LBRACKET([)");
        assertThat(lex("]")).containsExactly("RBRACKET(])");
        assertThat(lex("(")).containsExactly("LPAREN(()");
        assertThat(lex(")")).containsExactly("RPAREN())");
        assertThat(lex(">")).containsExactly("GT(>)");
        assertThat(lex("<")).containsExactly("LT(<)");
        assertThat(lex(">=")).containsExactly("GTE(>=)");
        assertThat(lex("<=")).containsExactly("LTE(<=)");
        assertThat(lex("~")).containsExactly("CONTAINS(~)");
        assertThat(lex("~^")).containsExactly("STARTSWITH(~^)");
        assertThat(lex("~$")).containsExactly("ENDSWITH(~$)");
    }

    @Test
    void colonEqualsAndLoneQuotesAreNotTokens() {
        assertUnrecognised(":");
        assertUnrecognised("=");
        assertUnrecognised("\"");
        assertUnrecognised("'");
    }

    @Test
    void keywordsComeInThreeSpellingsOnly() {
        assertThat(lex("null")).containsExactly("NULL(null)");
        assertThat(lex("NULL")).containsExactly("NULL(NULL)");
        assertThat(lex("Null")).containsExactly("NULL(Null)");
        assertThat(lex("true")).containsExactly("TRUE(true)");
        assertThat(lex("TRUE")).containsExactly("TRUE(TRUE)");
        assertThat(lex("True")).containsExactly("TRUE(True)");
        assertThat(lex("false")).containsExactly("FALSE(false)");
        assertThat(lex("FALSE")).containsExactly("FALSE(FALSE)");
        assertThat(lex("False")).containsExactly("FALSE(False)");
        // nql.l lists exactly these spellings; any other mix of case is a literal, as in Ghost
        assertThat(lex("nUll")).containsExactly("LITERAL(nUll)");
        assertThat(lex("trUe")).containsExactly("LITERAL(trUe)");
    }

    @Test
    void keywordsInsideLiteralsStayLiterals() {
        for (String literal : List.of("strueth", "trueth", "true_thing", "true-thing", "nullable", "its-nullable",
                "notnullable", "null-thing", "its-a-null-thing")) {
            assertThat(lex(literal)).containsExactly("LITERAL(" + literal + ")");
            assertThat(lex("'" + literal + "'")).containsExactly("STRING('" + literal + "')");
        }
    }

    @Test
    void keywordsEndAtOperatorsAndWhitespace() {
        assertThat(lex("true:null+false:true,null:false")).containsExactly("PROP(true:)", "NULL(null)", "AND(+)",
                "PROP(false:)", "TRUE(true)", "OR(,)", "PROP(null:)", "FALSE(false)");
        assertThat(lex("[true,false]")).containsExactly("LBRACKET([)", "TRUE(true)", "OR(,)", "FALSE(false)",
                "RBRACKET(])");
    }

    @Test
    void literalsRunUntilWhitespaceOrAnOperator() {
        assertThat(lex("myvalue")).containsExactly("LITERAL(myvalue)");
        assertThat(lex("my value")).containsExactly("LITERAL(my)", "LITERAL(value)");
        assertThat(lex("my-value")).containsExactly("LITERAL(my-value)");
        assertThat(lex("my&value!")).containsExactly("LITERAL(my&value!)");
        assertThat(lex("my&valu\\'e!")).containsExactly("LITERAL(my&valu\\'e!)");
        assertUnrecognised("my&valu'e!");
        assertThat(lex("a")).containsExactly("LITERAL(a)");
        assertThat(lex("a-b")).containsExactly("LITERAL(a-b)");
        assertThat(lex("a+bc")).containsExactly("LITERAL(a)", "AND(+)", "LITERAL(bc)");
    }

    @Test
    void aLeadingMinusIsNot() {
        assertThat(lex("-photo")).containsExactly("NOT(-)", "LITERAL(photo)");
        assertThat(lex("-photo-graph")).containsExactly("NOT(-)", "LITERAL(photo-graph)");
        assertThat(lex("tag:-photo")).containsExactly("PROP(tag:)", "NOT(-)", "LITERAL(photo)");
        assertThat(lex("tags:[-getting-started]")).containsExactly("PROP(tags:)", "LBRACKET([)", "NOT(-)",
                "LITERAL(getting-started)", "RBRACKET(])");
    }

    @Test
    void unescapedSpecialCharactersCannotBeInsideALiteral() {
        for (String filter : List.of("t,st", "t(st", "t)st", "t>st", "t<st", "t=st", "t[st", "t]st", "t'st", "t\"st")) {
            assertUnrecognised(filter);
        }
    }

    @Test
    void specialCharactersSplitOffTheStartAndEndOfALiteral() {
        assertThat(lex("+test")).containsExactly("AND(+)", "LITERAL(test)");
        assertThat(lex(",test")).containsExactly("OR(,)", "LITERAL(test)");
        assertThat(lex("(test")).containsExactly("LPAREN(()", "LITERAL(test)");
        assertThat(lex(")test")).containsExactly("RPAREN())", "LITERAL(test)");
        assertThat(lex(">=test")).containsExactly("GTE(>=)", "LITERAL(test)");
        assertThat(lex("[test")).containsExactly("LBRACKET([)", "LITERAL(test)");
        assertThat(lex("test+")).containsExactly("LITERAL(test)", "AND(+)");
        assertThat(lex("test)")).containsExactly("LITERAL(test)", "RPAREN())");
        assertThat(lex("test<=")).containsExactly("LITERAL(test)", "LTE(<=)");
        assertThat(lex("test]")).containsExactly("LITERAL(test)", "RBRACKET(])");
        assertUnrecognised("=test");
        assertUnrecognised("\"test");
        assertUnrecognised("'test");
        assertUnrecognised("test=");
        assertUnrecognised("test\"");
        assertUnrecognised("test'");
    }

    @Test
    void escapedSpecialCharactersStayInsideALiteral() {
        for (String special : List.of("+", ",", "(", ")", ">", "<", "=", "[", "]", "'", "\"")) {
            String literal = "t\\" + special + "st";
            assertThat(lex(literal)).containsExactly("LITERAL(" + literal + ")");
        }
    }

    @Test
    void aColonEndsAPropertyOnlyAfterAValidName() {
        assertThat(lex(":test")).containsExactly("LITERAL(:test)");
        assertThat(lex("te:st")).containsExactly("PROP(te:)", "LITERAL(st)");
        assertThat(lex("test:")).containsExactly("PROP(test:)");
        assertThat(lex("te!:st")).containsExactly("LITERAL(te!:st)");
        assertThat(lex("post-count:6")).containsExactly("LITERAL(post-count:6)");
        assertThat(lex("post_count:6")).containsExactly("PROP(post_count:)", "NUMBER(6)");
        assertThat(lex("tag.count:>5")).containsExactly("PROP(tag.count:)", "GT(>)", "NUMBER(5)");
    }

    @Test
    void stringsAreSingleQuotedAndMayHoldSpacesAndOperators() {
        assertThat(lex("'magic mystery'")).containsExactly("STRING('magic mystery')");
        assertThat(lex("'magic''mystery'")).containsExactly("STRING('magic')", "STRING('mystery')");
        assertThat(lex("['magic','mystery']")).containsExactly("LBRACKET([)", "STRING('magic')", "OR(,)",
                "STRING('mystery')", "RBRACKET(])");
        for (String content : List.of("x", "+", ",", "-", ">", "<", "~", "t(st", "t=st", "t^st", "t$st")) {
            assertThat(lex("'" + content + "'")).containsExactly("STRING('" + content + "')");
        }
    }

    @Test
    void quotesInsideAStringMustBeEscaped() {
        assertUnrecognised("'t'st'");
        assertUnrecognised("'t\"st'");
        assertThat(lex("'t\\'st'")).containsExactly("STRING('t\\'st')");
        assertThat(lex("'t\\\"st'")).containsExactly("STRING('t\\\"st')");
        assertThat(lex("'john o\\'nolan'")).containsExactly("STRING('john o\\'nolan')");
    }

    @Test
    void aStringEndingInBackslashQuoteBacktracksLikeTheRegex() {
        // ['](\\['"]|[^'"])+?['] gives up the last \' when nothing closes it: the backslash is content
        assertThat(lex("'abc\\'")).containsExactly("STRING('abc\\')");
        assertThat(lex("'a\\'b")).containsExactly("STRING('a\\')", "LITERAL(b)");
    }

    @Test
    void numbersMustNotRunIntoWordCharactersOrHyphens() {
        assertThat(lex("6")).containsExactly("NUMBER(6)");
        assertThat(lex("1.5")).containsExactly("NUMBER(1.5)");
        assertThat(lex("123abc")).containsExactly("LITERAL(123abc)");
        assertThat(lex("2024-01-01")).containsExactly("LITERAL(2024-01-01)");
        assertThat(lex("123-test")).containsExactly("LITERAL(123-test)");
        assertThat(lex("1_")).containsExactly("LITERAL(1_)");
        // the fraction fails its \b, so the regex backtracks to the digits alone
        assertThat(lex("1.5x")).containsExactly("NUMBER(1)", "LITERAL(.5x)");
    }

    @Test
    void almostRelativeDatesAreLiterals() {
        for (String filter : List.of("now-2", "now-12", "now-2Q", "now-2dQ", "now-2d1", "now-2D", "now-2W", "now-2Y",
                "its-now-2d", "its-now-2dY", "snow-2d", "snow-2dY")) {
            assertThat(lex(filter)).containsExactly("LITERAL(" + filter + ")");
        }
        for (String filter : List.of("now+2", "now+12", "now+2Q", "now+2dQ", "now+2d1", "now+2D", "now+2W", "now+2Y")) {
            assertThat(lex(filter)).hasSize(3).startsWith("LITERAL(now)", "AND(+)");
        }
        assertThat(lex("its-now+2d")).containsExactly("LITERAL(its-now)", "AND(+)", "LITERAL(2d)");
        assertThat(lex("snow+2dY")).containsExactly("LITERAL(snow)", "AND(+)", "LITERAL(2dY)");
    }

    @Test
    void relativeDatesTakeEveryUnitAndEndOnlyAtAnOperatorOrTheEnd() {
        for (String unit : List.of("d", "w", "M", "y", "h", "m", "s")) {
            assertThat(lex("now-2" + unit)).containsExactly("RELATIVE_DATE(now-2" + unit + ")");
        }
        assertThat(lex("last_seen_at:>=now+2d+foo:bar")).containsExactly("PROP(last_seen_at:)", "GTE(>=)",
                "RELATIVE_DATE(now+2d)", "AND(+)", "PROP(foo:)", "LITERAL(bar)");
        assertThat(lex("created_at:[now-1d,now+1d]")).containsExactly("PROP(created_at:)", "LBRACKET([)",
                "RELATIVE_DATE(now-1d)", "OR(,)", "RELATIVE_DATE(now+1d)", "RBRACKET(])");
        // nql.l's lookahead has no whitespace: with a space after it, it is the literal "now-30d"
        assertThat(lex("now-30d ")).containsExactly("LITERAL(now-30d)");
    }

    @Test
    void theContainsFamilyLexesWithAndWithoutNot() {
        assertThat(lex("email:~gmail.com")).containsExactly("PROP(email:)", "CONTAINS(~)", "LITERAL(gmail.com)");
        assertThat(lex("email:-~^gmail.com")).containsExactly("PROP(email:)", "NOT(-)", "STARTSWITH(~^)",
                "LITERAL(gmail.com)");
        assertThat(lex("email:-~$'gmail.com'")).containsExactly("PROP(email:)", "NOT(-)", "ENDSWITH(~$)",
                "STRING('gmail.com')");
    }

    @Test
    void complexFiltersLexAsInGhost() {
        assertThat(lex("tag:photo+image:-null,tag.count:>5+foo:~'bar'")).containsExactly("PROP(tag:)",
                "LITERAL(photo)", "AND(+)", "PROP(image:)", "NOT(-)", "NULL(null)", "OR(,)", "PROP(tag.count:)",
                "GT(>)", "NUMBER(5)", "AND(+)", "PROP(foo:)", "CONTAINS(~)", "STRING('bar')");
        assertThat(lex("author:-joe+(tag:photo,created_at:>=now-1d)")).containsExactly("PROP(author:)", "NOT(-)",
                "LITERAL(joe)", "AND(+)", "LPAREN(()", "PROP(tag:)", "LITERAL(photo)", "OR(,)",
                "PROP(created_at:)", "GTE(>=)", "RELATIVE_DATE(now-1d)", "RPAREN())");
        assertThat(lex("slug:-test+published_at:>'2022-03-04 10:15:04'")).containsExactly("PROP(slug:)", "NOT(-)",
                "LITERAL(test)", "AND(+)", "PROP(published_at:)", "GT(>)", "STRING('2022-03-04 10:15:04')");
    }

    @Test
    void whitespaceIsJavaScriptsBetweenTokensAndNotAllowedInsideThem() {
        assertThat(lex("a:\u00A01")).containsExactly("PROP(a:)", "NUMBER(1)");
        assertThat(lex(" a: 1 ")).containsExactly("PROP(a:)", "NUMBER(1)");
        assertThat(lex("a :1")).containsExactly("LITERAL(a)", "LITERAL(:1)");
        assertUnrecognised("a:> =1");
    }

    @Test
    void aLoneLetterBeforeACommaOrBracketIsNotAToken() {
        // nql.l's one-letter rule forbids , ) ] after the letter, so Ghost rejects tag:[a,b]
        assertThat(lex("name:a")).containsExactly("PROP(name:)", "LITERAL(a)");
        assertThat(lex("a:x+b:y")).containsExactly("PROP(a:)", "LITERAL(x)", "AND(+)", "PROP(b:)", "LITERAL(y)");
        assertThatThrownBy(() -> NqlLexer.lex("tag:[a,b]"))
                .isInstanceOf(NqlException.class)
                .hasMessage("Unexpected \"a\" at character 6; quote a one-letter value: 'a'");
    }

    @Test
    void tokensKnowWhereTheyStart() {
        assertThat(NqlLexer.lex("a:1 + b:'x'")).extracting(NqlToken::position).containsExactly(0, 2, 4, 6, 8, 11);
    }

    @Test
    void unrecognisedTextIsReportedWithItsPosition() {
        assertThatThrownBy(() -> NqlLexer.lex("a:=1")).hasMessage("Unexpected \"=\" at character 3");
        assertThatThrownBy(() -> NqlLexer.lex("a:_")).hasMessage("Unexpected \"_\" at character 3");
        assertThatThrownBy(() -> NqlLexer.lex("title:\"x\""))
                .hasMessage("Unexpected double quote at character 7; strings take single quotes");
    }

    @Test
    void brokenStringsSayWhatIsWrong() {
        assertThatThrownBy(() -> NqlLexer.lex("title:'abc")).hasMessage("Unterminated string starting at character 7");
        assertThatThrownBy(() -> NqlLexer.lex("title:''")).hasMessage("Empty string '' at character 7");
        assertThatThrownBy(() -> NqlLexer.lex("title:'a\"b'"))
                .hasMessage("Unescaped double quote at character 9 inside a string; write \\\"");
    }
}
