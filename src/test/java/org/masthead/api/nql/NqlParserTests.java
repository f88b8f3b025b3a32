package org.masthead.api.nql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.masthead.api.nql.NqlExpression.And;
import org.masthead.api.nql.NqlExpression.Comparison;
import org.masthead.api.nql.NqlExpression.Or;
import org.masthead.api.nql.NqlValue.Bool;
import org.masthead.api.nql.NqlValue.Int;
import org.masthead.api.nql.NqlValue.ListOf;
import org.masthead.api.nql.NqlValue.Null;
import org.masthead.api.nql.NqlValue.RelativeDate;
import org.masthead.api.nql.NqlValue.Text;

/**
 * The parser against TryGhost/NQL's own cases, most ported from {@code packages/nql-lang/test/parser.test.js}
 * (nql-lang 0.7.0); each expected tree is what that file expects as Mongo JSON.
 */
class NqlParserTests {

    private static Comparison cmp(String field, NqlOperator operator, NqlValue value) {
        return new Comparison(field, operator, value);
    }

    private static Comparison eq(String field, NqlValue value) {
        return cmp(field, NqlOperator.EQ, value);
    }

    private static Text literal(String value) {
        return new Text(value, false);
    }

    private static Text string(String value) {
        return new Text(value, true);
    }

    private static Int integer(long value) {
        return new Int(value);
    }

    private static ListOf list(NqlValue... values) {
        return new ListOf(List.of(values));
    }

    private static And and(NqlExpression... operands) {
        return new And(List.of(operands));
    }

    private static Or or(NqlExpression... operands) {
        return new Or(List.of(operands));
    }

    private static void assertRejected(String filter, String message) {
        assertThatThrownBy(() -> Nql.parse(filter)).isInstanceOf(NqlException.class).hasMessage(message);
    }

    @Test
    void parsesSimpleFieldAndValuePairs() {
        assertThat(Nql.parse("id:3")).isEqualTo(eq("id", integer(3)));
        assertThat(Nql.parse("slug:getting-started")).isEqualTo(eq("slug", literal("getting-started")));
        assertThat(Nql.parse("author:'Joe Bloggs'")).isEqualTo(eq("author", string("Joe Bloggs")));
        assertThat(Nql.parse("author:123-test")).isEqualTo(eq("author", literal("123-test")));
    }

    @Test
    void minusAfterTheColonIsNotEqual() {
        assertThat(Nql.parse("count:-5")).isEqualTo(cmp("count", NqlOperator.NE, integer(5)));
        assertThat(Nql.parse("tag:-getting-started")).isEqualTo(cmp("tag", NqlOperator.NE, literal("getting-started")));
        assertThat(Nql.parse("author:-'Joe Bloggs'")).isEqualTo(cmp("author", NqlOperator.NE, string("Joe Bloggs")));
    }

    @Test
    void parsesRangeOperators() {
        assertThat(Nql.parse("count:>5")).isEqualTo(cmp("count", NqlOperator.GT, integer(5)));
        assertThat(Nql.parse("count:>=5")).isEqualTo(cmp("count", NqlOperator.GTE, integer(5)));
        assertThat(Nql.parse("count:<5")).isEqualTo(cmp("count", NqlOperator.LT, integer(5)));
        assertThat(Nql.parse("count:<=5")).isEqualTo(cmp("count", NqlOperator.LTE, integer(5)));
        assertThat(Nql.parse("tag:>getting-started")).isEqualTo(cmp("tag", NqlOperator.GT, literal("getting-started")));
        assertThat(Nql.parse("author:<='Joe Bloggs'")).isEqualTo(cmp("author", NqlOperator.LTE, string("Joe Bloggs")));
    }

    @Test
    void bracketsWithCommasAreInAndWithAMinusNotIn() {
        assertThat(Nql.parse("count:[5]")).isEqualTo(cmp("count", NqlOperator.IN, list(integer(5))));
        assertThat(Nql.parse("tag:-[getting-started]"))
                .isEqualTo(cmp("tag", NqlOperator.NOT_IN, list(literal("getting-started"))));
        assertThat(Nql.parse("count:[5, 8, 12]"))
                .isEqualTo(cmp("count", NqlOperator.IN, list(integer(5), integer(8), integer(12))));
        assertThat(Nql.parse("tag:-[getting-started, ghost, really-long-1]")).isEqualTo(cmp("tag",
                NqlOperator.NOT_IN, list(literal("getting-started"), literal("ghost"), literal("really-long-1"))));
        assertThat(Nql.parse("author:['Joe Bloggs', 'John O\\'Nolan', 'Hello World']")).isEqualTo(cmp("author",
                NqlOperator.IN, list(string("Joe Bloggs"), string("John O'Nolan"), string("Hello World"))));
    }

    @Test
    void bracketsWithPlusesAreAllOf() {
        assertThat(Nql.parse("count:[5+8+12]"))
                .isEqualTo(cmp("count", NqlOperator.ALL, list(integer(5), integer(8), integer(12))));
        assertThat(Nql.parse("author:['Joe Bloggs'+'John O\\'Nolan']"))
                .isEqualTo(cmp("author", NqlOperator.ALL, list(string("Joe Bloggs"), string("John O'Nolan"))));
        assertThat(Nql.parse("tag:[ghost+getting-started]+featured:true")).isEqualTo(and(
                cmp("tag", NqlOperator.ALL, list(literal("ghost"), literal("getting-started"))),
                eq("featured", new Bool(true))));
    }

    @Test
    void aListTakesOneKindOfSeparator() {
        assertRejected("tag:[ghost+getting-started, photo]",
                "Unexpected \",\" at character 27; a list takes either \",\" (any of) or \"+\" (all of), not both");
        assertRejected("tag:[ghost, getting-started+photo]",
                "Unexpected \"+\" at character 28; a list takes either \",\" (any of) or \"+\" (all of), not both");
    }

    @Test
    void negatedAllOfIsRejectedAsInGhost() {
        assertRejected("tag:-[ghost+getting-started]",
                "Unexpected \"+\" at character 12; -[a+b] is not supported, write -[a,b] for none of the values");
        assertThat(Nql.parse("tag:-[ghost, getting-started]"))
                .isEqualTo(cmp("tag", NqlOperator.NOT_IN, list(literal("ghost"), literal("getting-started"))));
    }

    @Test
    void aMinusBeforeTheFieldIsRejected() {
        // nql.y has no rule for it: negation goes after the colon
        assertRejected("-status:draft",
                "Unexpected \"-\" at character 1; put the minus after the colon, e.g. status:-draft");
        assertRejected("-tag:[ghost+getting-started]",
                "Unexpected \"-\" at character 1; put the minus after the colon, e.g. status:-draft");
    }

    @Test
    void parsesTheContainsFamilyWithAndWithoutNot() {
        assertThat(Nql.parse("email:~'gmail.com'")).isEqualTo(cmp("email", NqlOperator.CONTAINS, string("gmail.com")));
        assertThat(Nql.parse("email:-~'gmail.com'"))
                .isEqualTo(cmp("email", NqlOperator.NOT_CONTAINS, string("gmail.com")));
        assertThat(Nql.parse("email:~^'gmail.com'"))
                .isEqualTo(cmp("email", NqlOperator.STARTS_WITH, string("gmail.com")));
        assertThat(Nql.parse("email:-~^'gmail.com'"))
                .isEqualTo(cmp("email", NqlOperator.NOT_STARTS_WITH, string("gmail.com")));
        assertThat(Nql.parse("email:~$'gmail.com'")).isEqualTo(cmp("email", NqlOperator.ENDS_WITH, string("gmail.com")));
        assertThat(Nql.parse("email:-~$'gmail.com'"))
                .isEqualTo(cmp("email", NqlOperator.NOT_ENDS_WITH, string("gmail.com")));
    }

    @Test
    void theContainsFamilyKeepsRegexCharactersAsTheyAre() {
        // Ghost's case ends in \' with nothing after it: the regex backtracks and the backslash is content
        assertThat(Nql.parse("email:~'.*+?^$(){}|[]\\'"))
                .isEqualTo(cmp("email", NqlOperator.CONTAINS, string(".*+?^$(){}|[]\\")));
    }

    @Test
    void theContainsFamilyUnescapesQuotes() {
        assertThat(Nql.parse("name:~'john o\\'nolan'")).isEqualTo(cmp("name", NqlOperator.CONTAINS, string("john o'nolan")));
        assertThat(Nql.parse("name:~'john o\\\"nolan'"))
                .isEqualTo(cmp("name", NqlOperator.CONTAINS, string("john o\"nolan")));
        assertThatThrownBy(() -> Nql.parse("name:~'john o\"nolan'")).isInstanceOf(NqlException.class);
        assertThatThrownBy(() -> Nql.parse("name:~'john o'nolan'")).isInstanceOf(NqlException.class);
    }

    @Test
    void theContainsFamilyNeedsAQuotedString() {
        assertRejected("title:~ghost",
                "Unexpected \"ghost\" at character 8; ~ takes a single-quoted string, e.g. title:~'ghost'");
        assertRejected("title:-~^ghost",
                "Unexpected \"ghost\" at character 10; ~^ takes a single-quoted string, e.g. title:-~^'ghost'");
        assertRejected("title:~", "Unexpected end of filter, expected a single-quoted string");
    }

    @Test
    void parsesNullTrueAndFalseInTheirThreeSpellings() {
        assertThat(Nql.parse("image:null")).isEqualTo(eq("image", new Null()));
        assertThat(Nql.parse("image:-null")).isEqualTo(cmp("image", NqlOperator.NE, new Null()));
        assertThat(Nql.parse("image:NULL")).isEqualTo(eq("image", new Null()));
        assertThat(Nql.parse("featured:true")).isEqualTo(eq("featured", new Bool(true)));
        assertThat(Nql.parse("featured:-true")).isEqualTo(cmp("featured", NqlOperator.NE, new Bool(true)));
        assertThat(Nql.parse("featured:True")).isEqualTo(eq("featured", new Bool(true)));
        assertThat(Nql.parse("featured:false")).isEqualTo(eq("featured", new Bool(false)));
        assertThat(Nql.parse("featured:FALSE")).isEqualTo(eq("featured", new Bool(false)));
        assertThat(Nql.parse("featured:-false")).isEqualTo(cmp("featured", NqlOperator.NE, new Bool(false)));
        assertThat(Nql.parse("featured:tRUE")).isEqualTo(eq("featured", literal("tRUE")));
    }

    @Test
    void numbersAreReadLikeJavaScriptsParseInt() {
        assertThat(Nql.parse("count:1.5")).isEqualTo(eq("count", integer(1)));
        assertThat(Nql.parse("count:007")).isEqualTo(eq("count", integer(7)));
        assertRejected("count:99999999999999999999", "Number 99999999999999999999 at character 7 is too large");
    }

    @Test
    void unquotedLiteralsKeepBackslashesExceptBeforeQuotes() {
        // Ghost's unescape only removes the backslash of \' and \"; \, lets the comma in and stays
        assertThat(Nql.parse("tag:it\\'s")).isEqualTo(eq("tag", literal("it's")));
        assertThat(Nql.parse("tag:t\\,st")).isEqualTo(eq("tag", literal("t\\,st")));
        assertThat(Nql.parse("tag:x;drop")).isEqualTo(eq("tag", literal("x;drop")));
    }

    @Test
    void aOneLetterValueWorksOnlyWhereGhostAcceptsIt() {
        assertThat(Nql.parse("name:a")).isEqualTo(eq("name", literal("a")));
        assertThat(Nql.parse("name:a+b:c")).isEqualTo(and(eq("name", literal("a")), eq("b", literal("c"))));
        assertRejected("name:a,b:c", "Unexpected \"a\" at character 6; quote a one-letter value: 'a'");
        assertThat(Nql.parse("name:'a',b:c")).isEqualTo(or(eq("name", string("a")), eq("b", literal("c"))));
    }

    @Test
    void relativeDatesKeepSignAmountAndUnit() {
        assertThat(Nql.parse("last_seen_at:>=now-2d"))
                .isEqualTo(cmp("last_seen_at", NqlOperator.GTE, new RelativeDate(RelativeDate.Sign.MINUS, 2, ChronoUnit.DAYS)));
        assertThat(Nql.parse("last_seen_at:<=now+365d"))
                .isEqualTo(cmp("last_seen_at", NqlOperator.LTE, new RelativeDate(RelativeDate.Sign.PLUS, 365, ChronoUnit.DAYS)));
        assertThat(Nql.parse("a:now-12w")).isEqualTo(eq("a", new RelativeDate(RelativeDate.Sign.MINUS, 12, ChronoUnit.WEEKS)));
        assertThat(Nql.parse("a:now+2M")).isEqualTo(eq("a", new RelativeDate(RelativeDate.Sign.PLUS, 2, ChronoUnit.MONTHS)));
        assertThat(Nql.parse("a:now-2y")).isEqualTo(eq("a", new RelativeDate(RelativeDate.Sign.MINUS, 2, ChronoUnit.YEARS)));
        assertThat(Nql.parse("a:now+2h")).isEqualTo(eq("a", new RelativeDate(RelativeDate.Sign.PLUS, 2, ChronoUnit.HOURS)));
        assertThat(Nql.parse("a:now+2m")).isEqualTo(eq("a", new RelativeDate(RelativeDate.Sign.PLUS, 2, ChronoUnit.MINUTES)));
        assertThat(Nql.parse("a:now+2s")).isEqualTo(eq("a", new RelativeDate(RelativeDate.Sign.PLUS, 2, ChronoUnit.SECONDS)));
        assertThat(Nql.parse("(label:vip+created_at:>=now-30d)")).isEqualTo(and(eq("label", literal("vip")),
                cmp("created_at", NqlOperator.GTE, new RelativeDate(RelativeDate.Sign.MINUS, 30, ChronoUnit.DAYS))));
        assertRejected("a:now-99999999999999999999d",
                "Relative date now-99999999999999999999d at character 3 is out of range");
    }

    @Test
    void plusIsAndAndCommaIsOr() {
        assertThat(Nql.parse("page:false+status:published"))
                .isEqualTo(and(eq("page", new Bool(false)), eq("status", literal("published"))));
        assertThat(Nql.parse("page:true,page:false"))
                .isEqualTo(or(eq("page", new Bool(true)), eq("page", new Bool(false))));
    }

    @Test
    void andBindsTighterThanOr() {
        assertThat(Nql.parse("a:1+b:2,c:3")).isEqualTo(or(and(eq("a", integer(1)), eq("b", integer(2))), eq("c", integer(3))));
        assertThat(Nql.parse("a:1,b:2+c:3")).isEqualTo(or(eq("a", integer(1)), and(eq("b", integer(2)), eq("c", integer(3)))));
        assertThat(Nql.parse("author:-joe+tag:photo,image:-null,featured:true")).isEqualTo(or(
                and(cmp("author", NqlOperator.NE, literal("joe")), eq("tag", literal("photo"))),
                cmp("image", NqlOperator.NE, new Null()),
                eq("featured", new Bool(true))));
    }

    @Test
    void parenthesesGroupAndAGroupOfOneIsItsContent() {
        assertThat(Nql.parse("(status:published)")).isEqualTo(eq("status", literal("published")));
        assertThat(Nql.parse("(page:false+status:published)"))
                .isEqualTo(and(eq("page", new Bool(false)), eq("status", literal("published"))));
        assertThat(Nql.parse("(page:false,(status:published+featured:true))")).isEqualTo(or(
                eq("page", new Bool(false)),
                and(eq("status", literal("published")), eq("featured", new Bool(true)))));
        assertThat(Nql.parse("author:-joe+(tag:photo,image:-null,featured:true)")).isEqualTo(and(
                cmp("author", NqlOperator.NE, literal("joe")),
                or(eq("tag", literal("photo")), cmp("image", NqlOperator.NE, new Null()), eq("featured", new Bool(true)))));
        assertThat(Nql.parse("(tag:photo,image:-null,featured:true),author:-joe")).isEqualTo(or(
                or(eq("tag", literal("photo")), cmp("image", NqlOperator.NE, new Null()), eq("featured", new Bool(true))),
                cmp("author", NqlOperator.NE, literal("joe"))));
    }

    @Test
    void parsesGhostsComboExample() {
        assertThat(Nql.parse("name:sample,(name:-sample+created_at:<='2016-03-03'),"
                + "(name:-sample+(created_at:'2016-03-03',created_at:'2016-03-04'))")).isEqualTo(or(
                eq("name", literal("sample")),
                and(cmp("name", NqlOperator.NE, literal("sample")), cmp("created_at", NqlOperator.LTE, string("2016-03-03"))),
                and(cmp("name", NqlOperator.NE, literal("sample")),
                        or(eq("created_at", string("2016-03-03")), eq("created_at", string("2016-03-04"))))));
    }

    @Test
    void parsesInListsAmongOtherConditions() {
        assertThat(Nql.parse("author:-joe+tag:[photo,video,magic,'audio']+post.count:>5+post.count:<100")).isEqualTo(and(
                cmp("author", NqlOperator.NE, literal("joe")),
                cmp("tag", NqlOperator.IN, list(literal("photo"), literal("video"), literal("magic"), string("audio"))),
                cmp("post.count", NqlOperator.GT, integer(5)),
                cmp("post.count", NqlOperator.LT, integer(100))));
    }

    @Test
    void whitespaceBetweenTokensIsIgnoredButNotInsideStrings() {
        assertThat(Nql.parse("count: -5")).isEqualTo(Nql.parse("count:-5"));
        assertThat(Nql.parse("author: -joe + tag: [photo, video]")).isEqualTo(Nql.parse("author:-joe+tag:[photo,video]"));
        assertThat(Nql.parse("author:'Hello World'")).isNotEqualTo(Nql.parse("author:'HelloWorld'"));
    }

    @Test
    void malformedFiltersAreRejectedAsInGhost() {
        for (String filter : List.of("tag:'My Tag'-", "'My Tag':tag", "5>:tag", "count:3+", ",count:3", "id:5,(count:3",
                "count:3)", "id:5(count:3)", "id:[test", "id:test,ing]", "a :1", "a:1 b:2", "a:>-5", "a:[1,]", "a:b:c",
                "a:now-1d)")) {
            assertThatThrownBy(() -> Nql.parse(filter)).as(filter).isInstanceOf(NqlException.class);
        }
    }

    @Test
    void malformedFiltersSayWhatWasExpectedWhere() {
        assertRejected("title:", "Unexpected end of filter, expected a value");
        assertRejected("title:+featured:true", "Unexpected \"+\" at character 7, expected a value");
        assertRejected("featured:true+", "Unexpected end of filter, expected a field name with \":\" or \"(\"");
        assertRejected(",featured:true", "Unexpected \",\" at character 1, expected a field name with \":\" or \"(\"");
        assertRejected("(featured:true", "Unexpected end of filter, expected \"+\", \",\" or \")\"");
        assertRejected("featured:true)", "Unexpected \")\" at character 14, expected \"+\", \",\" or the end of the filter");
        assertRejected("(featured:true))", "Unexpected \")\" at character 16, expected \"+\", \",\" or the end of the filter");
        assertRejected("()", "Unexpected \")\" at character 2, expected a field name with \":\" or \"(\"");
        assertRejected("tag:[news", "Unexpected end of filter, expected \",\", \"+\" or \"]\"");
        assertRejected("tag:[]", "Unexpected \"]\" at character 6, expected a value");
        assertRejected("a:b:c", "Unexpected \"b:\" at character 3, expected a value");
        assertRejected("title:'unterminated", "Unterminated string starting at character 7");
    }

    @Test
    void emptyAndOverlongFiltersAreRejected() {
        assertRejected("", "Filter is empty");
        assertRejected("   ", "Filter is empty");
        String longest = "title:'" + "x".repeat(Nql.MAX_LENGTH - 8) + "'";
        assertThat(longest).hasSize(Nql.MAX_LENGTH);
        assertThatCode(() -> Nql.parse(longest)).doesNotThrowAnyException();
        assertRejected(longest + " ", "Filter is too long: 8001 characters, at most 8000");
    }

    @Test
    void nestingIsCappedSoHostileInputCannotExhaustTheStack() {
        String deepest = "(".repeat(Nql.MAX_DEPTH) + "a:1" + ")".repeat(Nql.MAX_DEPTH);
        assertThat(Nql.parse(deepest)).isEqualTo(eq("a", integer(1)));
        String tooDeep = "(".repeat(Nql.MAX_DEPTH + 1) + "a:1" + ")".repeat(Nql.MAX_DEPTH + 1);
        assertRejected(tooDeep, "Too many nested parentheses at character 33; at most 32 levels");
        assertThatThrownBy(() -> Nql.parse("(".repeat(Nql.MAX_LENGTH))).isInstanceOf(NqlException.class);
    }

    @Test
    void longFlatFiltersParseWithoutRecursion() {
        String manyTerms = String.join(",", java.util.Collections.nCopies(1_000, "id:1"));
        assertThat(Nql.parse(manyTerms)).isInstanceOfSatisfying(Or.class, or -> assertThat(or.operands()).hasSize(1_000));
        String longLiteral = "slug:" + "ab".repeat(3_990);
        assertThat(Nql.parse(longLiteral)).isEqualTo(eq("slug", literal("ab".repeat(3_990))));
    }

    @Test
    void injectionAttemptsStayValuesOrAreRejected() {
        assertThat(Nql.parse("title:'x\\' or 1=1--'")).isEqualTo(eq("title", string("x' or 1=1--")));
        assertThatThrownBy(() -> Nql.parse("title:'x'' or 1=1--'")).isInstanceOf(NqlException.class);
        assertThatThrownBy(() -> Nql.parse("title:x' or '1'='1")).isInstanceOf(NqlException.class);
        assertThatThrownBy(() -> Nql.parse("p.headline);drop table x;--:1")).isInstanceOf(NqlException.class);
        assertThat(Nql.parse("slug:x;delete")).isEqualTo(eq("slug", literal("x;delete")));
    }
}
