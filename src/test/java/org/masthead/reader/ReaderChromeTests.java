package org.masthead.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.support.DemoSiteTest;
import org.masthead.support.Listeners;
import org.masthead.support.ReaderClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What frames every reader page — header search, navigation, footer — and how times and search results read. */
@DemoSiteTest
class ReaderChromeTests {

    static final String SEED_URL = "/articles/russia-stalls-once-again-as-ukraine-pushes-for-new-february-peace-talks";
    static final List<String> EVERY_PAGE_TYPE = List.of("/", SEED_URL, "/sections/politics", "/authors/tim-zadorozhnyy",
            "/tags/ukraine", "/search?q=geneva", "/about", "/news-feed");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    ReaderClient reader;

    @BeforeEach
    void client() {
        reader = new ReaderClient(port);
    }

    @Test
    void everyPageHasASearchBoxInTheHeaderThatSearchesWithoutJavaScript() {
        for (String path : EVERY_PAGE_TYPE) {
            Element form = reader.page(path).selectFirst("header.site-header form[role=search]");
            assertThat(form).as(path).isNotNull();
            assertThat(form.attr("method")).isEqualTo("get");
            assertThat(form.attr("action")).isEqualTo("/search");
            Element input = form.selectFirst("input[type=search][name=q]");
            assertThat(form.selectFirst("label[for=" + input.id() + "]").text()).isEqualTo("Search the site");
            assertThat(form.selectFirst("button[type=submit]").text()).isEqualTo("Search");
        }
        // what the form sends is an ordinary search
        assertThat(reader.page("/search?q=geneva").select("ol.search-results li")).isNotEmpty();
    }

    @Test
    void everyPageHasAFooterWithTheStaticPagesRssAndThePublicationsName() {
        for (String path : EVERY_PAGE_TYPE) {
            Element footer = reader.page(path).selectFirst("footer.site-footer");
            assertThat(footer.select("nav a").eachText()).as(path)
                    .containsExactlyInAnyOrder("About", "Contact", "Corrections policy", "Privacy", "RSS");
            assertThat(footer.selectFirst(".site-footer__name").text()).isEqualTo("The Masthead Daily");
        }
        Element footer = reader.page("/").selectFirst("footer.site-footer");
        for (Element link : footer.select("nav a")) {
            HttpResponse<String> target = reader.get(link.attr("href"));
            assertThat(target.statusCode()).as(link.text()).isEqualTo(200);
        }
        assertThat(footer.selectFirst("nav a:contains(RSS)").attr("href")).isEqualTo("/feed.xml");
    }

    @Test
    void theCurrentSectionIsHighlightedOnItsPageAndOnItsArticles() {
        assertThat(reader.page("/sections/politics").selectFirst("nav.site-nav a[aria-current]").text()).isEqualTo("Politics");
        assertThat(reader.page("/sections/politics").selectFirst("nav.site-nav a[aria-current]").attr("aria-current")).isEqualTo("page");
        Element onArticle = reader.page(SEED_URL).selectFirst("nav.site-nav a[aria-current]");
        assertThat(onArticle.text()).isEqualTo("Politics");
        assertThat(onArticle.attr("aria-current")).isEqualTo("true");

        // the stylesheet draws both the same way
        Document page = reader.page(SEED_URL);
        String css = reader.get(page.selectFirst("link[rel=stylesheet]").attr("href")).body();
        assertThat(declarationsFor(css, ".site-nav a[aria-current=\"true\"]"))
                .isNotBlank()
                .isEqualTo(declarationsFor(css, ".site-nav a[aria-current=\"page\"]"))
                .contains("color: var(--accent)");
    }

    @Test
    void articleTimesNameTheSitesTimeZone() {
        Element meta = reader.page(SEED_URL).selectFirst("main article header .meta");
        Element published = meta.selectFirst("time");
        assertThat(published.attr("datetime")).isEqualTo("2026-02-20T13:47:00Z");
        assertThat(published.text()).isEqualTo("Feb. 20, 2026, 1:47 PM UTC");
        assertThat(meta.select(".updated")).as("the seed was never changed after publication").isEmpty();
    }

    @Test
    void searchSaysHowManyArticlesMatchAndEverySnippetMarksWhereTextIsLeftOut() {
        Listeners.awaitAll(jdbc); // the demo stories are in the search index
        Document first = reader.page("/search?q=regional+budget");
        Matcher heading = Pattern.compile("(\\d+) results? for “regional budget”").matcher(first.selectFirst("#results-heading").text());
        assertThat(heading.matches()).as(first.selectFirst("#results-heading").text()).isTrue();

        List<Element> results = new ArrayList<>(first.select("li.search-result"));
        for (Element more = first.selectFirst("nav.pager a[rel=next]"); more != null; ) {
            Document next = reader.page(more.attr("href"));
            results.addAll(next.select("li.search-result"));
            more = next.selectFirst("nav.pager a[rel=next]");
        }
        assertThat(results).hasSize(Integer.parseInt(heading.group(1))).hasSizeGreaterThan(1);

        for (Element result : results) {
            String snippet = result.selectFirst(".search-result__snippet").text();
            assertThat(snippet).as("cut from a longer story").endsWith("…");
            String story = reader.page(result.selectFirst("h3 a").attr("href")).selectFirst(".article__body").text();
            for (String fragment : snippet.replaceAll("^… |…$", "").split(" … ")) {
                String words = fragment.strip();
                int at = story.indexOf(words);
                assertThat(at).as("“" + words + "” is the story's own text").isNotNegative();
                int after = at + words.length();
                assertThat(after == story.length() || !Character.isLetterOrDigit(story.charAt(after)))
                        .as("“" + words + "” ends on a whole word").isTrue();
                assertThat(at == 0 || !Character.isLetterOrDigit(story.charAt(at - 1)))
                        .as("“" + words + "” starts on a whole word").isTrue();
            }
        }
    }

    @Test
    void aSearchMatchingNothingSaysSo() {
        Document none = reader.page("/search?q=zebracorn");
        assertThat(none.selectFirst("#results-heading").text()).isEqualTo("0 results for “zebracorn”");
    }

    /** The declarations of the rule whose selector list includes this selector, whitespace normalised. */
    private static String declarationsFor(String css, String selector) {
        Matcher rule = Pattern.compile("([^{}]+)\\{([^}]*)\\}").matcher(css.replaceAll("/\\*.*?\\*/", ""));
        while (rule.find()) {
            for (String candidate : rule.group(1).split(",")) {
                if (candidate.strip().equals(selector)) {
                    return rule.group(2).strip().replaceAll("\\s+", " ");
                }
            }
        }
        return "";
    }
}
