package org.masthead.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.content.ArticleContent;
import org.masthead.content.EditableArticle;
import org.masthead.content.Publishing;
import org.masthead.content.Author;
import org.masthead.content.Authors;
import org.masthead.content.Section;
import org.masthead.content.Sections;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.ReaderClient;
import org.masthead.support.Listeners;
import org.masthead.support.Stories;
import org.masthead.support.Words;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Relevance, syntax, languages, snippets and hostile input, on a fixture set of this test's own. */
@EmptySiteTest
class SearchTests {

    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired Publishing publishing;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @LocalServerPort int port;

    ReaderClient reader;
    String token; // a made-up word only this test's articles contain
    Section section;
    Author author;
    Stories stories;

    @BeforeEach
    void fixtures() {
        reader = new ReaderClient(port);
        token = "zorbl" + Words.randomLetters(6);
        section = sections.create("Search desk " + token, "", 20);
        author = authors.create("Searcher " + token, "Reporter", "", null, List.of());
        stories = new Stories(publishing);
    }

    /** Published, and in the search index (its listener runs after the commit). */
    private EditableArticle publish(String headline, String body, String language, Instant at) {
        EditableArticle article = stories.publish(ArticleContent.markdown(headline, null, null, section.id(),
                List.of(author.id()), List.of(), body, null, language), at);
        Listeners.awaitAll(jdbc);
        return article;
    }

    /** The word with its last letter changed — to one it is not already, as the tokens' letters are random. */
    private static String misspelled(String word) {
        return word.substring(0, word.length() - 1) + (word.endsWith("q") ? "x" : "q");
    }

    private Document search(String query) {
        return reader.page("/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    }

    private List<String> headlines(Document page) {
        return page.select(".search-result h3 a").eachText();
    }

    @Test
    void aHeadlineMatchRanksAboveABodyOnlyMatch() {
        publish("Nothing special " + token + " here", "The harbour bridge was mentioned once.", "en", Instant.parse("2025-03-02T10:00:00Z"));
        publish("Harbour bridge reopens " + token, "Repairs are finished.", "en", Instant.parse("2025-03-01T10:00:00Z"));
        List<String> results = headlines(search("bridge " + token));
        assertThat(results).hasSize(2);
        assertThat(results.get(0)).startsWith("Harbour bridge reopens");
        // newest first puts the body-only match on top instead
        Document newest = reader.page("/search?sort=newest&q=" + URLEncoder.encode("bridge " + token, StandardCharsets.UTF_8));
        assertThat(headlines(newest).get(0)).startsWith("Nothing special");
    }

    @Test
    void phrasesExclusionsAndOrWorkLikeAWebSearch() {
        publish("Peace talks resume " + token, "The peace talks resume on Monday.", "en", Instant.parse("2025-04-01T10:00:00Z"));
        publish("Talks about peace " + token, "They talks about peace later.", "en", Instant.parse("2025-04-02T10:00:00Z"));
        publish("Ferry schedule " + token, "The ferry sails at noon.", "en", Instant.parse("2025-04-03T10:00:00Z"));
        assertThat(headlines(search("\"peace talks\" " + token))).containsExactly("Peace talks resume " + token);
        assertThat(headlines(search("peace -resume " + token))).containsExactly("Talks about peace " + token);
        // OR binds looser than the implied AND, so the section filter keeps other tests' ferries out
        assertThat(headlines(reader.page("/search?section=" + section.slug() + "&q=ferry+OR+resume")))
                .containsExactlyInAnyOrder("Peace talks resume " + token, "Ferry schedule " + token);
        assertThat(headlines(search("talk " + token))).hasSize(2); // English stemming: talk finds talks
    }

    @Test
    void ukrainianArticlesAreFoundByCyrillicQueries() {
        publish("Переговори у Женеві " + token, "Україна прагне провести ще один раунд мирних переговорів у лютому.", "uk",
                Instant.parse("2025-05-01T10:00:00Z"));
        assertThat(headlines(search("мирних переговорів " + token))).containsExactly("Переговори у Женеві " + token);
        assertThat(headlines(search("Женеві"))).contains("Переговори у Женеві " + token);
    }

    @Test
    void snippetsMarkTheMatchedWordsAndEscapeEverythingElse() {
        publish("Snippet story " + token, "Before the <b>bold</b> part, the lighthouse keeper retired after forty years.",
                "en", Instant.parse("2025-06-01T10:00:00Z"));
        Document page = search("lighthouse " + token);
        var snippet = page.selectFirst(".search-result__snippet");
        assertThat(snippet.select("mark").eachText()).contains("lighthouse");
        assertThat(snippet.select("b")).isEmpty();
    }

    @Test
    void filtersBySectionAuthorAndDateRange() {
        publish("Filtered story " + token, "Inside the range.", "en", Instant.parse("2025-07-10T10:00:00Z"));
        publish("Filtered older " + token, "Outside the range.", "en", Instant.parse("2025-06-10T10:00:00Z"));
        Document page = reader.page("/search?q=" + token + "&section=" + section.slug() + "&author=" + author.slug()
                + "&from=2025-07-01&to=2025-07-31");
        assertThat(headlines(page)).containsExactly("Filtered story " + token);
        assertThat(headlines(reader.page("/search?q=" + token + "&section=politics-nowhere"))).hasSize(2);
    }

    @Test
    void resultsPageByKeysetWithoutRepeats() {
        for (int i = 0; i < 13; i++) {
            publish("Paged " + token + " number " + i, "Same words " + token, "en", Instant.parse("2025-08-01T10:00:00Z").plusSeconds(i));
        }
        Document first = search(token);
        assertThat(headlines(first)).hasSize(10);
        Document second = reader.page(first.selectFirst("a[rel=next]").attr("href"));
        assertThat(headlines(second)).hasSize(3).doesNotContainAnyElementsOf(headlines(first));
    }

    @Test
    void aMisspelledQueryThatFindsNothingSuggestsAKnownWord() {
        publish("Lighthouse keeper " + token + " retires", "Forty years.", "en", Instant.parse("2025-09-01T10:00:00Z"));
        Document page = search("lighthuose");
        assertThat(page.select(".search-result")).isEmpty();
        assertThat(page.selectFirst("a.suggestion").text()).isEqualTo("lighthouse");
        assertThat(headlines(reader.page(page.selectFirst("a.suggestion").attr("href")))).isNotEmpty();
    }

    @Test
    void draftsNeverLeakThroughDidYouMean() {
        stories.draft(ArticleContent.markdown("Embargoed quintessentially " + token, null, null, section.id(),
                List.of(author.id()), List.of(), "Secret.", null, "en"));
        Listeners.awaitAll(jdbc);
        Document page = search("quintessentialy");
        assertThat(page.select("a.suggestion")).isEmpty();
        assertThat(page.text()).doesNotContain("quintessentially");
    }

    @Test
    void hostileQueriesGetANormalPageNeverAServerError() {
        List<String> hostile = List.of("!!!", "\"", "\"unbalanced quotes", "'; drop table article; --", "%_\\", "a".repeat(10_000),
                "-", "OR", "\"\"", "<script>alert(1)</script>", "((((", "&&||!!", "\u0000", "🎉🎉", "the", "ab\"c\"d -\"e");
        for (String query : hostile) {
            HttpResponse<String> response = reader.get("/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
            String shown = query.length() > 40 ? query.substring(0, 40) + "…" : query;
            assertThat(response.statusCode()).as(shown).isEqualTo(200);
            assertThat(response.body()).as(shown).doesNotContain("Exception", "<script>alert(1)</script>");
        }
        assertThat(reader.get("/search?q=" + "a".repeat(10_000)).body()).contains("limited to 300 characters");
        assertThat(reader.get("/search?q=%21%21%21").body()).contains("Type words to search for");
        assertThat(reader.get("/search?q=x&from=yesterday").body()).contains("Dates must look like");
        assertThat(reader.get("/search?q=x&before=bogus").statusCode()).isEqualTo(400);
        assertThat(reader.get("/search?q=x&from=%2B999999999-12-31").body()).contains("Dates must");
        assertThat(reader.get("/search?q=x&to=0001-01-01").body()).contains("between the years 1900 and 9999");
    }

    @Test
    void didYouMeanForgetsWordsOfWithdrawnAndReHeadlinedStories() {
        String word = "quorvant" + token.substring(5); // letters only, unique to this test
        EditableArticle withdrawn = publish("Story about " + word + " " + token, "Plain body.", "en", Instant.parse("2025-11-01T10:00:00Z"));
        String typo = misspelled(word);
        assertThat(search(typo).selectFirst("a.suggestion")).isNotNull();
        stories.unpublish(withdrawn);
        Listeners.awaitAll(jdbc);
        assertThat(search(typo).select("a.suggestion")).isEmpty();

        String other = "zelmarine" + token.substring(5);
        EditableArticle renamed = publish("Story about " + other + " " + token, "Plain body.", "en", Instant.parse("2025-11-03T10:00:00Z"));
        String otherTypo = misspelled(other);
        assertThat(search(otherTypo).selectFirst("a.suggestion")).isNotNull();
        stories.revise(renamed, ArticleContent.markdown("A different headline " + token, renamed.slug(), null, section.id(),
                List.of(author.id()), List.of(), "Plain body.", null, "en"));
        Listeners.awaitAll(jdbc);
        assertThat(search(otherTypo).select("a.suggestion")).isEmpty();
    }

    @Test
    void didYouMeanKnowsWordsFromTheWholePublishedText() {
        String word = "plimsovian" + token.substring(5);
        publish("An ordinary headline " + token, "Deep in the body the name " + word + " appears once.", "en",
                Instant.parse("2025-12-01T10:00:00Z"));
        Document page = search(misspelled(word));
        assertThat(page.selectFirst("a.suggestion")).isNotNull();
        assertThat(page.selectFirst("a.suggestion").text()).isEqualTo(word);
    }
}
