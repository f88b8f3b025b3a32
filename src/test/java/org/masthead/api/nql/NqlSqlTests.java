package org.masthead.api.nql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.masthead.api.nql.FilterField.Column;
import org.masthead.api.nql.FilterField.Related;

class NqlSqlTests {

    private static final String TAGGED =
            "select 1 from content_post_tag x join content_tag t on t.id = x.tag_id where x.article_id = p.id";

    private static final FilterField TAG_SLUG = new Related(TAGGED, "t.slug", ValueType.TEXT);

    /** A posts field map as the API defines one: columns, a relation, and aliases sharing an entry. */
    private static final Map<String, FilterField> POSTS = Map.of(
            "title", new Column("p.headline", ValueType.TEXT),
            "slug", new Column("p.slug", ValueType.TEXT),
            "meta_title", new Column("nullif(p.meta_title, '')", ValueType.TEXT),
            "featured", new Column("p.featured", ValueType.BOOLEAN),
            "reading_time", new Column("p.reading_minutes", ValueType.INTEGER),
            "published_at", new Column("p.published_at", ValueType.TIMESTAMP),
            "tag", TAG_SLUG,
            "tags", TAG_SLUG,
            "tags.slug", TAG_SLUG,
            "tags.name", new Related(TAGGED, "t.name", ValueType.TEXT));

    /** The last Sunday of March: Kyiv moves its clocks that night, which must not shift UTC arithmetic. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-31T12:34:56.789Z"), ZoneId.of("Europe/Kyiv"));

    private static SqlCondition compile(String filter) {
        return NqlSql.compile(Nql.parse(filter), POSTS, CLOCK);
    }

    private static void assertCompiles(String filter, String sql, Object... params) {
        SqlCondition condition = compile(filter);
        assertThat(condition.sql()).as(filter).isEqualTo(sql);
        assertThat(condition.params()).as(filter).containsExactly(params);
    }

    private static void assertRejected(String filter, String message) {
        assertThatThrownBy(() -> compile(filter)).isInstanceOf(NqlException.class).hasMessage(message);
    }

    private static String exists(String predicate) {
        return "exists (" + TAGGED + " and " + predicate + ")";
    }

    private static OffsetDateTime utc(String iso) {
        return OffsetDateTime.parse(iso);
    }

    @Test
    void aComparisonBindsItsValueAsAParameter() {
        assertCompiles("title:'Peace talks'", "(p.headline = ?)", "Peace talks");
        assertCompiles("slug:-draft", "(p.slug <> ?)", "draft");
    }

    @Test
    void rangeOperatorsCompileToSqlComparisons() {
        assertCompiles("reading_time:>5", "(p.reading_minutes > ?)", 5L);
        assertCompiles("reading_time:>=5", "(p.reading_minutes >= ?)", 5L);
        assertCompiles("reading_time:<5", "(p.reading_minutes < ?)", 5L);
        assertCompiles("reading_time:<=5", "(p.reading_minutes <= ?)", 5L);
    }

    @Test
    void inAndNotInExpandOnePlaceholderPerValue() {
        assertCompiles("slug:[one,two,'three']", "(p.slug in (?, ?, ?))", "one", "two", "three");
        assertCompiles("slug:-[one,two]", "(p.slug not in (?, ?))", "one", "two");
        assertCompiles("reading_time:[1, 2]", "(p.reading_minutes in (?, ?))", 1L, 2L);
    }

    @Test
    void allOfOnAColumnIsOneEqualityPerValue() {
        assertCompiles("slug:[one+two]", "(p.slug = ? and p.slug = ?)", "one", "two");
    }

    @Test
    void theContainsFamilyIsCaseInsensitiveLike() {
        assertCompiles("title:~'peace'", "(p.headline ilike ? escape '\\')", "%peace%");
        assertCompiles("title:-~'peace'", "(p.headline not ilike ? escape '\\')", "%peace%");
        assertCompiles("title:~^'peace'", "(p.headline ilike ? escape '\\')", "peace%");
        assertCompiles("title:-~^'peace'", "(p.headline not ilike ? escape '\\')", "peace%");
        assertCompiles("title:~$'peace'", "(p.headline ilike ? escape '\\')", "%peace");
        assertCompiles("title:-~$'peace'", "(p.headline not ilike ? escape '\\')", "%peace");
    }

    @Test
    void likeWildcardsAndBackslashesInTheValueMatchLiterally() {
        assertCompiles("title:~'50%_off'", "(p.headline ilike ? escape '\\')", "%50\\%\\_off%");
        assertCompiles("title:~'a\\b'", "(p.headline ilike ? escape '\\')", "%a\\\\b%");
        assertCompiles("title:~'it\\'s'", "(p.headline ilike ? escape '\\')", "%it's%");
    }

    @Test
    void theContainsFamilyWorksOnTextFieldsOnly() {
        assertRejected("published_at:~'2024'", "\"published_at\" is not text and cannot be searched with :~");
        assertRejected("featured:-~'tr'", "\"featured\" is not text and cannot be searched with :-~");
    }

    @Test
    void theContainsFamilyNeedsAQuotedStringEvenWhenTheTreeIsBuiltByHand() {
        NqlExpression unquoted = new NqlExpression.Comparison("title", NqlOperator.CONTAINS, new NqlValue.Text("x", false));
        assertThatThrownBy(() -> NqlSql.compile(unquoted, POSTS, CLOCK))
                .isInstanceOf(NqlException.class)
                .hasMessage("\"title\" takes a single-quoted string after :~");
    }

    @Test
    void nullIsIsNullAndNotNullIsIsNotNull() {
        assertCompiles("meta_title:null", "(nullif(p.meta_title, '') is null)");
        assertCompiles("meta_title:-null", "(nullif(p.meta_title, '') is not null)");
        assertCompiles("published_at:Null", "(p.published_at is null)");
    }

    @Test
    void nullWorksOnlyWithEqualsAndNotEquals() {
        assertRejected("published_at:>null", "\"published_at\" can only be compared to null with : or :-");
        assertRejected("slug:[null,one]", "\"slug\" cannot take null in a list");
    }

    @Test
    void booleanFieldsTakeTrueOrFalseOnly() {
        assertCompiles("featured:true", "(p.featured = ?)", true);
        assertCompiles("featured:FALSE", "(p.featured = ?)", false);
        assertCompiles("featured:-true", "(p.featured <> ?)", true);
        assertRejected("featured:yes", "\"featured\" takes true or false");
        assertRejected("featured:'true'", "\"featured\" takes true or false");
        assertRejected("featured:1", "\"featured\" takes true or false");
    }

    @Test
    void integerFieldsTakeWholeNumbersAlsoQuotedSoTheyCanBeNegative() {
        assertCompiles("reading_time:>'-3'", "(p.reading_minutes > ?)", -3L);
        assertRejected("reading_time:abc", "\"reading_time\" takes a whole number");
        assertRejected("reading_time:true", "\"reading_time\" takes a whole number");
        assertRejected("reading_time:now-1d", "\"reading_time\" takes a whole number");
    }

    @Test
    void textFieldsTakeNumbersAsTheirDigitsButNotBooleans() {
        assertCompiles("slug:2024", "(p.slug = ?)", "2024");
        assertRejected("title:true", "\"title\" takes text, not true or false; quote the word to match it, e.g. 'true'");
    }

    @Test
    void timestampFieldsTakeDatesInTheFormsClientsWriteAndBindUtc() {
        assertCompiles("published_at:>'2024-01-01 10:00:00'", "(p.published_at > ?)", utc("2024-01-01T10:00:00Z"));
        assertCompiles("published_at:>=2024-01-01", "(p.published_at >= ?)", utc("2024-01-01T00:00:00Z"));
        assertCompiles("published_at:<'2024-01-01T10:00:00Z'", "(p.published_at < ?)", utc("2024-01-01T10:00:00Z"));
        assertCompiles("published_at:<2024-01-01T10:00:00Z", "(p.published_at < ?)", utc("2024-01-01T10:00:00Z"));
        assertCompiles("published_at:<'2024-01-01T10:00:00.000+02:00'", "(p.published_at < ?)",
                utc("2024-01-01T08:00:00Z"));
    }

    @Test
    void timestampFieldsRefuseWhatIsNotADate() {
        String message = "\"published_at\" takes a date such as '2024-01-01 10:00:00' or now-7d";
        assertRejected("published_at:>'2024-02-30'", message);
        assertRejected("published_at:>yesterday", message);
        assertRejected("published_at:>2024", message);
        assertRejected("published_at:true", message);
    }

    @Test
    void relativeDatesResolveInUtcToWholeSeconds() {
        assertCompiles("published_at:[now-30d,now-1d,now-1w,now-1M,now-1y,now+2h,now-5m,now+10s]",
                "(p.published_at in (?, ?, ?, ?, ?, ?, ?, ?))",
                utc("2024-03-01T12:34:56Z"),
                utc("2024-03-30T12:34:56Z"),
                utc("2024-03-24T12:34:56Z"),
                utc("2024-02-29T12:34:56Z"),
                utc("2023-03-31T12:34:56Z"),
                utc("2024-03-31T14:34:56Z"),
                utc("2024-03-31T12:29:56Z"),
                utc("2024-03-31T12:35:06Z"));
    }

    @Test
    void aRelativeDateComparedWithTextIsGhostsSqlDateString() {
        assertCompiles("slug:>now-1d", "(p.slug > ?)", "2024-03-30 12:34:56");
    }

    @Test
    void aRelativeDateOutOfRangeIsRefused() {
        assertRejected("published_at:>now-999999999999y", "Relative date now-999999999999y is out of range");
    }

    @Test
    void andBindsTighterThanOrAndGroupsKeepTheirParentheses() {
        assertCompiles("featured:true+slug:a-b,reading_time:>5",
                "((p.featured = ? and p.slug = ?) or p.reading_minutes > ?)", true, "a-b", 5L);
        assertCompiles("featured:true+(slug:one,slug:two)",
                "(p.featured = ? and (p.slug = ? or p.slug = ?))", true, "one", "two");
    }

    @Test
    void aRelationIsMatchedByExists() {
        assertCompiles("tag:news", "(" + exists("t.slug = ?") + ")", "news");
        assertCompiles("tags:[news,world]", "(" + exists("t.slug in (?, ?)") + ")", "news", "world");
        assertCompiles("tags.slug:>m", "(" + exists("t.slug > ?") + ")", "m");
        assertCompiles("tags.name:~'ukr'", "(" + exists("t.name ilike ? escape '\\'") + ")", "%ukr%");
    }

    @Test
    void aNegatedRelationMeansNoRelatedRowMatches() {
        assertCompiles("tag:-news", "(not " + exists("t.slug = ?") + ")", "news");
        assertCompiles("tags.slug:-[news,world]", "(not " + exists("t.slug in (?, ?)") + ")", "news", "world");
        assertCompiles("tags.name:-~'ukr'", "(not " + exists("t.name ilike ? escape '\\'") + ")", "%ukr%");
        assertCompiles("tags.name:-~^'ukr'", "(not " + exists("t.name ilike ? escape '\\'") + ")", "ukr%");
    }

    @Test
    void allOfOnARelationNeedsARelatedRowPerValue() {
        assertCompiles("tag:[news+world]", "(" + exists("t.slug = ?") + " and " + exists("t.slug = ?") + ")",
                "news", "world");
        assertCompiles("featured:true,tag:[news+world]",
                "(p.featured = ? or (" + exists("t.slug = ?") + " and " + exists("t.slug = ?") + "))",
                true, "news", "world");
    }

    @Test
    void aRelationIsNullWhenItHasNoValue() {
        assertCompiles("tag:null", "(not " + exists("t.slug is not null") + ")");
        assertCompiles("tag:-null", "(" + exists("t.slug is not null") + ")");
    }

    @Test
    void parametersFollowThePlaceholdersInOrder() {
        assertCompiles("tag:news+(title:~'war',reading_time:[1,2])+published_at:>now-1d",
                "(" + exists("t.slug = ?") + " and (p.headline ilike ? escape '\\' or p.reading_minutes in (?, ?))"
                        + " and p.published_at > ?)",
                "news", "%war%", 1L, 2L, utc("2024-03-30T12:34:56Z"));
    }

    @Test
    void unknownFieldsAreRefusedByTheirExactName() {
        assertRejected("foo:1", "Unknown filter field \"foo\"");
        assertRejected("Title:x", "Unknown filter field \"Title\"");
        assertRejected("featured:true+(slug:one,p.headline:xx)", "Unknown filter field \"p.headline\"");
    }

    @Test
    void anEmptyListIsRefused() {
        NqlValue.ListOf empty = new NqlValue.ListOf(List.of());
        for (NqlOperator operator : List.of(NqlOperator.IN, NqlOperator.NOT_IN, NqlOperator.ALL)) {
            NqlExpression filter = new NqlExpression.Comparison("slug", operator, empty);
            assertThatThrownBy(() -> NqlSql.compile(filter, POSTS, CLOCK))
                    .isInstanceOf(NqlException.class)
                    .hasMessage("\"slug\" needs at least one value in [ ]");
        }
    }

    @Test
    void injectionAttemptsEndUpOnlyInParameters() {
        assertCompiles("title:'x\\' or 1=1--'", "(p.headline = ?)", "x' or 1=1--");
        assertCompiles("slug:[one,'two); drop table content_article; --']", "(p.slug in (?, ?))",
                "one", "two); drop table content_article; --");
        assertCompiles("slug:x;delete", "(p.slug = ?)", "x;delete");
        assertCompiles("title:~'%'", "(p.headline ilike ? escape '\\')", "%\\%%");
        assertThatThrownBy(() -> compile("title:'x'' or 1=1--'")).isInstanceOf(NqlException.class);
        assertThatThrownBy(() -> compile("slug:x) or (1=1")).isInstanceOf(NqlException.class);
    }

    @Test
    void fieldSqlWithAQuestionMarkIsRefusedBecauseJdbcWouldReadItAsAParameter() {
        assertThatThrownBy(() -> new Column("p.data ? 'x'", ValueType.TEXT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Related("select 1 from t where t.a = ?", "t.b", ValueType.TEXT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
