package org.masthead.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.support.DemoSiteTest;
import org.masthead.support.ReaderClient;
import org.springframework.boot.test.web.server.LocalServerPort;

@DemoSiteTest
class ReaderPagesTests {

    static final String SEED_HEADLINE = "Russia stalls once again as Ukraine pushes for new February peace talks";
    static final String SEED_URL = "/articles/russia-stalls-once-again-as-ukraine-pushes-for-new-february-peace-talks";

    @LocalServerPort
    int port;
    ReaderClient reader;

    @BeforeEach
    void client() {
        reader = new ReaderClient(port);
    }

    @Test
    void demoStoriesShowTheRicherBlocks() {
        var front = reader.page("/");
        java.util.List<String> stories = front.select("main a[href^=/articles/]").eachAttr("href").stream().distinct().limit(12).toList();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String story : stories) {
            var body = reader.page(story).selectFirst(".article__body");
            if (body == null) {
                continue;
            }
            if (body.selectFirst("figure.quote figcaption.quote__attribution") != null) seen.add("quote with its speaker");
            if (body.selectFirst("figure.figure .figure__credit") != null) seen.add("photo with credit");
            if (body.selectFirst("figure.embed[data-embed-player] a[href]") != null && body.select("iframe").isEmpty()) seen.add("embed facade");
            if (body.selectFirst("table thead th") != null) seen.add("table");
            if (body.selectFirst("aside.callout .callout__title") != null) seen.add("fact box");
        }
        assertThat(seen).containsExactlyInAnyOrder("quote with its speaker", "photo with credit", "embed facade", "table",
                "fact box");
    }

    @Test
    void articlePageShowsWhatTheSeedPageShows() {
        Document page = reader.page(SEED_URL);

        assertThat(page.select("html").attr("lang")).isEqualTo("en");
        assertThat(page.title()).startsWith(SEED_HEADLINE);
        Element article = page.selectFirst("main article.article");
        assertThat(article.selectFirst(".kicker a").text()).isEqualTo("Politics");
        assertThat(article.selectFirst(".kicker a").attr("href")).isEqualTo("/sections/politics");
        assertThat(article.select("h1")).hasSize(1);
        assertThat(article.selectFirst("h1").text()).isEqualTo(SEED_HEADLINE);
        assertThat(article.selectFirst("header time").attr("datetime")).isEqualTo("2026-02-20T13:47:00Z");
        assertThat(article.selectFirst(".reading-time").text()).isEqualTo("2 min read");

        Element figure = article.selectFirst("figure.lead-image");
        assertThat(figure.selectFirst("img").attr("alt")).isEqualTo(SEED_HEADLINE);
        assertThat(figure.selectFirst("img").attr("src")).matches("/media/[0-9a-f]{32}\\.jpg");
        assertThat(figure.selectFirst("figcaption .caption").text())
                .isEqualTo("Kremlin spokesperson Dmitry Peskov in Moscow on April 25, 2024.");
        assertThat(figure.selectFirst("figcaption .credit").ownText()).isEqualTo("Alexander Nemenov / Getty Images");

        Elements paragraphs = article.select(".article__body > p");
        assertThat(paragraphs).hasSize(9);
        assertThat(paragraphs.get(0).text()).startsWith("Ukraine aims to hold another round of peace talks in February");
        assertThat(paragraphs.get(5).text()).isEqualTo("\"No, I can't confirm that,\" he said. \"Once an agreement is reached, we will inform you.\"");

        Element authorBox = article.selectFirst(".author-box");
        assertThat(authorBox.selectFirst("img.avatar").attr("alt")).isEqualTo("Tim Zadorozhnyy");
        assertThat(authorBox.selectFirst(".author-box__name a").text()).isEqualTo("Tim Zadorozhnyy");
        assertThat(authorBox.selectFirst(".author-box__name a").attr("href")).isEqualTo("/authors/tim-zadorozhnyy");
        assertThat(authorBox.selectFirst(".author-box__role").text()).isEqualTo("Reporter");
        assertThat(authorBox.selectFirst(".author-box__bio").text()).startsWith("Tim Zadorozhnyy is the reporter for the Kyiv Independent")
                .endsWith("Tim is fluent in English, Ukrainian, and Russian.");
        assertThat(authorBox.selectFirst("a.read-more").attr("href")).isEqualTo("/authors/tim-zadorozhnyy");
        assertThat(authorBox.selectFirst("a.read-more").text()).startsWith("Read more");

        Element feed = page.selectFirst("aside.news-feed");
        assertThat(feed.selectFirst("h2").text()).isEqualTo("News Feed");
        assertThat(feed.select("li.feed-item")).hasSize(10);
        assertThat(feed.selectFirst("li.feed-item time").hasAttr("datetime")).isTrue();
        assertThat(feed.selectFirst("a.show-more").text()).isEqualTo("Show More");
        assertThat(feed.selectFirst("a.show-more").attr("href")).matches("/news-feed\\?before=\\d+\\.\\d+");
    }

    @Test
    void everyPageHasLandmarksASkipLinkAndOneMainHeading() {
        for (String path : List.of("/", SEED_URL, "/sections/politics", "/authors/tim-zadorozhnyy", "/news-feed")) {
            Document page = reader.page(path);
            assertThat(page.select("html").attr("lang")).as(path).isEqualTo("en");
            assertThat(page.selectFirst("a.skip-link").attr("href")).as(path).isEqualTo("#main");
            assertThat(page.select("main#main")).as(path).hasSize(1);
            assertThat(page.select("header.site-header")).as(path).hasSize(1);
            assertThat(page.select("nav[aria-label]")).as(path).isNotEmpty();
            assertThat(page.select("footer")).as(path).isNotEmpty();
            assertThat(page.select("h1")).as(path).hasSize(1);
            assertThat(page.select("img:not([alt])")).as(path + ": images without alt").isEmpty();
            assertThat(page.selectFirst("link[rel=canonical]").attr("href")).as(path).endsWith(path.equals("/") ? "/" : path);
        }
    }

    @Test
    void homeLeadsWithTheNewestStoryThenSecondaryStoriesAndARailForEverySectionWithoutRepeats() {
        Document home = reader.page("/");
        assertThat(home.selectFirst(".lead-story h2 a").text()).isEqualTo(SEED_HEADLINE);
        assertThat(home.select(".top-stories article.card")).hasSize(3);
        assertThat(home.select(".section-block h2").eachText())
                .containsExactly("Politics", "Business", "Culture", "Science", "World");
        home.select(".section-block").forEach(block -> {
            assertThat(block.select("article.card--rail-lead")).hasSize(1);
            assertThat(block.select("article.card--compact")).hasSize(3);
            assertThat(block.select("article.card--compact img, article.card--compact .card__standfirst")).isEmpty();
            assertThat(block.select(".kicker")).as("the rail's heading names the section").isEmpty();
        });
        List<String> stories = home.select(".front-top article.card h2 a, .front-sections article.card h3 a").eachAttr("href");
        assertThat(stories).hasSize(1 + 3 + 5 * 4).doesNotHaveDuplicates();
        // the News Feed comes right after the top stories in the page, so a phone reaches it early
        assertThat(home.selectFirst(".front-top + aside.news-feed + .front-sections")).isNotNull();
        assertThat(home.select("aside.news-feed li.feed-item")).hasSize(10);
        assertThat(home.select("nav.site-nav a").eachText())
                .containsExactly("Home", "Politics", "Business", "Culture", "Science", "World", "News Feed", "Search");
    }

    @Test
    void showMoreContinuesTheNewsFeedWithOlderItemsAndNoRepeats() {
        Document article = reader.page(SEED_URL);
        List<String> firstItems = article.select("aside.news-feed li.feed-item a").eachAttr("href");
        Element showMore = article.selectFirst("a.show-more");

        Document next = reader.page(showMore.attr("href"));
        List<String> nextItems = next.select("li.feed-item a").eachAttr("href");
        assertThat(nextItems).hasSize(20).doesNotContainAnyElementsOf(firstItems);

        // the fragment the script appends holds the same items, and says where to continue
        HttpResponse<String> fragment = reader.get(showMore.attr("data-show-more"));
        assertThat(fragment.statusCode()).isEqualTo(200);
        Document items = Jsoup.parse(fragment.body());
        assertThat(items.select("ol[data-news-feed] > li.feed-item a").eachAttr("href")).isEqualTo(nextItems);
        assertThat(items.selectFirst("ol").attr("data-next-page")).startsWith("/news-feed?before=");
        assertThat(items.selectFirst("ol").attr("data-next-fragment")).startsWith("/news-feed/items?before=");
    }

    @Test
    void theNewsFeedPagesThroughEveryPublishedArticleOnce() {
        List<String> seen = new ArrayList<>();
        String path = "/news-feed";
        while (path != null) {
            Document page = reader.page(path);
            seen.addAll(page.select("li.feed-item a").eachAttr("href"));
            Element next = page.selectFirst("a.show-more");
            path = next == null ? null : next.attr("href");
        }
        assertThat(seen).hasSize(74).doesNotHaveDuplicates().contains(SEED_URL);
    }

    @Test
    void sectionAndAuthorPagesPaginateByKeyset() {
        for (String start : List.of("/sections/politics", "/sections/world", "/authors/tim-zadorozhnyy", "/authors/ines-moreau")) {
            Document first = reader.page(start);
            List<String> firstItems = first.select("article.card .card__title a").eachAttr("href");
            assertThat(firstItems).as(start).hasSize(12);
            Element older = first.selectFirst("nav.pager a[rel=next]");
            assertThat(older).as(start + " has a second page").isNotNull();
            assertThat(older.attr("href")).startsWith(start + "?before=");
            Document second = reader.page(older.attr("href"));
            List<String> secondItems = second.select("article.card .card__title a").eachAttr("href");
            assertThat(secondItems).as(start).isNotEmpty().doesNotContainAnyElementsOf(firstItems);
            assertThat(second.selectFirst("nav.pager a:not([rel])").attr("href")).isEqualTo(start);
        }
    }

    @Test
    void sectionPageListsOnlyItsOwnArticlesLeadingWithTheNewestAndNoRepeatedSectionLabel() {
        Document politics = reader.page("/sections/politics");
        assertThat(politics.selectFirst("h1").text()).isEqualTo("Politics");
        assertThat(politics.selectFirst(".card-list > article:first-child").hasClass("lead-story")).isTrue();
        assertThat(politics.select("article.card h2 a").eachText()).first().isEqualTo(SEED_HEADLINE);
        assertThat(politics.select("article.card .kicker")).as("every card would say Politics under a Politics heading").isEmpty();
        List<String> stories = politics.select("article.card h2 a").eachAttr("href");
        assertThat(stories).hasSize(12);
        for (String story : stories) {
            assertThat(reader.page(story).selectFirst("main article .kicker a").text()).as(story).isEqualTo("Politics");
        }
    }

    @Test
    void authorPageShowsTheProfileAndListsTheSeedArticle() {
        Document author = reader.page("/authors/tim-zadorozhnyy");
        assertThat(author.selectFirst("h1").text()).isEqualTo("Tim Zadorozhnyy");
        assertThat(author.selectFirst(".profile__role").text()).isEqualTo("Reporter");
        assertThat(author.selectFirst(".profile__bio").text()).startsWith("Tim Zadorozhnyy is the reporter");
        assertThat(author.select("article.card h3 a").eachText()).contains(SEED_HEADLINE);
    }

    @Test
    void unknownAddressesAnswer404WithTheReaderErrorPage() {
        for (String path : List.of("/no-such-page", "/articles/no-such-article", "/sections/no-such-section",
                "/authors/nobody", "/media/0123456789abcdef0123456789abcdef.jpg", "/media/passwd",
                "/assets/missing.css", "/articles/")) {
            HttpResponse<String> response = reader.get(path, "Accept", "text/html");
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).contains("Page not found", "<main").doesNotContain("Exception", "at org.", "Whitelabel");
        }
    }

    @Test
    void pathTricksNeverReachTheFileSystem() {
        for (String path : List.of("/media/..%2F..%2Fetc%2Fpasswd", "/media/%2e%2e/%2e%2e/etc/passwd", "/assets/../application.properties", "/media/..")) {
            HttpResponse<String> response = reader.get(path);
            assertThat(response.statusCode()).as(path).isBetween(400, 404);
            assertThat(response.body()).as(path).doesNotContain("root:", "spring.");
        }
    }

    @Test
    void aMalformedPageLinkIsABadRequestThatSaysWhatIsWrong() {
        for (String path : List.of("/news-feed?before=abc", "/sections/politics?before=1.2.3",
                "/authors/tim-zadorozhnyy?before=-1.5", "/news-feed/items?before=x")) {
            HttpResponse<String> response = reader.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.body()).as(path).contains("The page link is not valid").doesNotContain("Exception");
        }
    }

    @Test
    void publicPagesAreCacheableAndRevalidateWith304() {
        for (String path : List.of("/", SEED_URL, "/sections/politics", "/authors/tim-zadorozhnyy", "/news-feed")) {
            HttpResponse<String> first = reader.get(path);
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            assertThat(first.headers().firstValue("Cache-Control")).as(path)
                    .hasValue("public, max-age=60, s-maxage=300, stale-while-revalidate=60, stale-if-error=86400");
            String etag = first.headers().firstValue("ETag").orElseThrow();
            String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();

            HttpResponse<String> byEtag = reader.get(path, "If-None-Match", etag);
            assertThat(byEtag.statusCode()).as(path).isEqualTo(304);
            assertThat(byEtag.body()).isEmpty();

            HttpResponse<String> byDate = reader.get(path, "If-Modified-Since", lastModified);
            assertThat(byDate.statusCode()).as(path).isEqualTo(304);

            assertThat(reader.get(path, "If-None-Match", "W/\"stale\"").statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void pagesAreSentGzipCompressed() throws IOException {
        HttpResponse<byte[]> response = reader.getBytes(SEED_URL, "Accept-Encoding", "gzip");
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            String html = new String(gzip.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(html).contains("<h1 class=\"article__headline\">" + SEED_HEADLINE + "</h1>");
            assertThat(response.body().length).isLessThan(html.length() / 2);
        }
    }

    @Test
    void mediaFilesAreServedWithImmutableCaching() {
        Document article = reader.page(SEED_URL);
        Set<String> images = new HashSet<>(article.select("figure.lead-image img, .author-box img").eachAttr("src"));
        assertThat(images).hasSize(2);
        for (String src : images) {
            HttpResponse<byte[]> image = reader.getBytes(src);
            assertThat(image.statusCode()).isEqualTo(200);
            assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
            assertThat(image.headers().firstValue("Cache-Control")).hasValueSatisfying(value ->
                    assertThat(value).contains("max-age=31536000", "public", "immutable"));
            assertThat(image.body()).startsWith((byte) 0xFF, (byte) 0xD8); // JPEG magic bytes
        }
    }

    @Test
    void manyConcurrentReadersAreAllServedWhileThePoolIsSmallerThanTheCrowd() throws Exception {
        int readers = 64; // four times the connection pool: a request holding two connections would deadlock here
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < readers; i++) {
            String path = i % 2 == 0 ? SEED_URL : "/";
            responses.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> response : responses) {
            assertThat(response.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void healthReportsTheDatabase() {
        HttpResponse<String> health = reader.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"db\":{\"status\":\"UP\"");
    }
}
