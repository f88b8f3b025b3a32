package org.masthead.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.content.ArticleContent;
import org.masthead.content.Author;
import org.masthead.content.Authors;
import org.masthead.content.EditableArticle;
import org.masthead.content.Publishing;
import org.masthead.content.Section;
import org.masthead.content.Sections;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.Listeners;
import org.masthead.support.Stories;
import org.masthead.support.Words;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Searches read a window of recent stories that widens (a month, a year, everything) only until it holds what the
 * page needs: every match is still found, in order, however far back it lies.
 */
@EmptySiteTest
class SearchWindowTests {

    private static final Instant NEWEST = Instant.parse("2024-06-15T12:00:00Z");

    @Autowired Search search;
    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired Publishing publishing;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    String token;
    List<Long> newestFirst = new ArrayList<>();
    Search.Filters untilNewest;

    @BeforeEach
    void storiesSpreadOverSixYears() {
        token = "windo" + Words.randomLetters(6);
        Section section = sections.create("Window desk " + token, "", 30);
        Author author = authors.create("Window writer " + token, "Reporter", "", null, List.of());
        Stories stories = new Stories(publishing);
        // within a month of the newest, within a year, and older than a year
        for (int daysBack : new int[] {0, 1, 10, 100, 200, 800, 2000}) {
            EditableArticle article = stories.publish(ArticleContent.markdown("Story " + daysBack + " days back " + token,
                    null, null, section.id(), List.of(author.id()), List.of(), "About " + token + ".", null, "en"),
                    NEWEST.minus(Duration.ofDays(daysBack)));
            newestFirst.add(article.id());
        }
        Listeners.awaitAll(jdbc);
        // the windows count back from the newest story before the end of the date range: this test's own
        untilNewest = new Search.Filters(null, null, null, NEWEST.plusSeconds(1));
    }

    /** Every result of the search, page after page by the cursor each page gives; each page checked on the way. */
    private List<Long> everyPage(Search searcher, Search.Filters filters, boolean byDate, int pageSize,
                                 java.util.function.Consumer<Search.Page> eachPage) {
        List<Long> found = new ArrayList<>();
        SearchCursor cursor = null;
        do {
            Search.Page page = searcher.search(token, filters, byDate, cursor, pageSize);
            eachPage.accept(page);
            page.results().forEach(result -> found.add(result.id()));
            cursor = page.next();
        } while (cursor != null);
        return found;
    }

    @Test
    void pagingNewestFirstFindsEveryMatchInOrderAcrossWidenedWindows() {
        List<Long> found = everyPage(search, untilNewest, true, 2, page -> assertThat(page.total()).isEqualTo(7));
        assertThat(found).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void windowsWithMoreMatchesThanFetchedAreOrderedAndCutInTheDatabaseAlike() {
        Search fetchingTwo = new Search(jdbc, transactions, new SimpleMeterRegistry(), Duration.ofSeconds(5), 2);
        // what two fetched matches and one more can tell: more than two
        List<Long> found = everyPage(fetchingTwo, untilNewest, true, 2, page -> assertThat(page.total()).isEqualTo(3));
        assertThat(found).containsExactlyElementsOf(newestFirst);

        List<Long> byRelevance = everyPage(fetchingTwo, untilNewest, false, 3, page -> { });
        assertThat(byRelevance).containsExactlyInAnyOrderElementsOf(newestFirst)
                .isEqualTo(search.search(token, untilNewest, false, null, 10).results().stream().map(SearchResult::id).toList());
    }

    @Test
    void relevanceRanksMatchesFromTheWholeArchiveWhenFewAreRecent() {
        Search.Page page = search.search(token, untilNewest, false, null, 10);
        assertThat(page.total()).isEqualTo(7);
        assertThat(page.results()).extracting(SearchResult::id).containsExactlyInAnyOrderElementsOf(newestFirst);
    }

    @Test
    void aStartDateBoundsTheWindowsWithoutLosingMatchesInsideIt() {
        Search.Filters lastHalfYear = new Search.Filters(null, null, NEWEST.minus(Duration.ofDays(150)), NEWEST.plusSeconds(1));
        List<Long> found = everyPage(search, lastHalfYear, true, 1, page -> assertThat(page.total()).isEqualTo(4));
        assertThat(found).containsExactlyElementsOf(newestFirst.subList(0, 4));
    }

    @Test
    void theIndexAndTheSearchNameAStorysPeriodsAlike() {
        Instant at = Instant.parse("2023-12-31T23:30:00Z");
        String periods = jdbc.sql("select cast(search_period(:at) as text)")
                .param("at", java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC)).query(String.class).single();
        assertThat(periods).isEqualTo("'m202312' " + "'w" + Search.week(at) + "' 'y2023'");
    }

    @Test
    void aSearchStillRunningAtTheStatementTimeoutIsCancelledAndReportedAsTooBroad() {
        Search impatient = new Search(jdbc, transactions, new SimpleMeterRegistry(), Duration.ofMillis(50));
        assertThatThrownBy(() -> impatient.withinTimeout(() -> jdbc.sql("select pg_sleep(2)").query().singleValue()))
                .isInstanceOf(Search.SearchTooBroad.class);
        // the timeout was the transaction's own: the next statement on the pool runs as long as it needs
        assertThat(jdbc.sql("select count(*) from pg_sleep(0.1)").query(Long.class).single()).isEqualTo(1);
    }
}
