package org.masthead.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import nu.validator.client.EmbeddedValidator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.support.DemoSiteTest;
import org.masthead.support.ReaderClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Feeds, sitemaps, structured data and caching on the demo site, parsed back by real parsers. */
@DemoSiteTest
class DistributionTests {

    static final String SEED_URL = "/articles/russia-stalls-once-again-as-ukraine-pushes-for-new-february-peace-talks";
    static final String SEED_HEADLINE = "Russia stalls once again as Ukraine pushes for new February peace talks";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    ReaderClient reader;

    @BeforeEach
    void client() {
        reader = new ReaderClient(port);
    }

    private SyndFeed parse(String path) throws Exception {
        HttpResponse<String> response = reader.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return new SyndFeedInput().build(new StringReader(response.body()));
    }

    @Test
    void rssAndAtomFeedsParseWithItemsDatesAuthorsLinksAndImages() throws Exception {
        for (String path : List.of("/feed.xml", "/feed.atom")) {
            SyndFeed feed = parse(path);
            assertThat(feed.getTitle()).isEqualTo("The Masthead Daily");
            assertThat(feed.getEntries()).as(path).hasSize(50);
            SyndEntry first = feed.getEntries().get(0);
            assertThat(first.getTitle()).isEqualTo(SEED_HEADLINE);
            assertThat(first.getLink()).isEqualTo("http://localhost:8080" + SEED_URL);
            assertThat(first.getUri()).isEqualTo("tag:localhost,2026:article:73");
            assertThat(first.getPublishedDate().toInstant()).hasToString("2026-02-20T13:47:00Z");
            assertThat(first.getContents().get(0).getValue()).contains("<p>Ukraine aims to hold another round");
            assertThat(first.getCategories()).extracting(category -> category.getName()).contains("Politics", "Ukraine");
            assertThat(first.getEnclosures()).singleElement().satisfies(enclosure -> {
                assertThat(enclosure.getType()).isEqualTo("image/jpeg");
                assertThat(enclosure.getLength()).isPositive();
            });
            String authors = path.endsWith(".atom") ? first.getAuthors().get(0).getName() : first.getAuthor();
            assertThat(authors).isEqualTo("Tim Zadorozhnyy");
        }
        HttpResponse<String> rss = reader.get("/feed.xml");
        assertThat(rss.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/rss+xml");
        assertThat(rss.body()).contains("<pubDate>Fri, 20 Feb 2026 13:47:00 GMT</pubDate>", "<content:encoded>");
        HttpResponse<String> atom = reader.get("/feed.atom");
        assertThat(atom.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
        assertThat(atom.body()).contains("<updated>2026-02-20T13:47:00Z</updated>", "rel=\"self\"");
    }

    @Test
    void jsonFeedHasTheRequiredFieldsOfVersion1Point1() throws Exception {
        HttpResponse<String> response = reader.get("/feed.json");
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/feed+json");
        JsonNode feed = JSON.readTree(response.body());
        assertThat(feed.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.get("title").asText()).isEqualTo("The Masthead Daily");
        assertThat(feed.get("items")).hasSize(50);
        for (JsonNode item : feed.get("items")) {
            assertThat(item.hasNonNull("id")).isTrue();
            assertThat(item.has("content_html") || item.has("content_text")).isTrue();
        }
        JsonNode first = feed.get("items").get(0);
        assertThat(first.get("title").asText()).isEqualTo(SEED_HEADLINE);
        assertThat(first.get("date_published").asText()).isEqualTo("2026-02-20T13:47:00Z");
        assertThat(first.get("authors").get(0).get("name").asText()).isEqualTo("Tim Zadorozhnyy");
        assertThat(first.get("image").asText()).startsWith("http://localhost:8080/media/");
        assertThat(first.get("tags").toString()).contains("Politics", "Peace talks");
    }

    @Test
    void sectionAuthorAndTagFeedsCoverOnlyTheirArticlesAndPagesLinkToThem() throws Exception {
        SyndFeed politics = parse("/sections/politics/feed.atom");
        assertThat(politics.getEntries()).isNotEmpty().allSatisfy(entry ->
                assertThat(entry.getCategories().get(0).getName()).isEqualTo("Politics"));
        SyndFeed author = parse("/authors/tim-zadorozhnyy/feed.xml");
        assertThat(author.getEntries()).isNotEmpty().allSatisfy(entry -> assertThat(entry.getAuthor()).contains("Tim Zadorozhnyy"));
        SyndFeed tag = parse("/tags/ukraine/feed.xml");
        assertThat(tag.getEntries()).extracting(SyndEntry::getTitle).containsExactly(SEED_HEADLINE);
        assertThat(reader.get("/tags/no-such-tag/feed.xml").statusCode()).isEqualTo(404);

        Document section = reader.page("/sections/politics");
        assertThat(section.select("link[rel=alternate]").eachAttr("href")).contains(
                "http://localhost:8080/sections/politics/feed.xml", "http://localhost:8080/sections/politics/feed.atom",
                "http://localhost:8080/sections/politics/feed.json", "http://localhost:8080/feed.xml");
        assertThat(reader.page("/authors/tim-zadorozhnyy").select("link[type=application/atom+xml]").eachAttr("href"))
                .contains("http://localhost:8080/authors/tim-zadorozhnyy/feed.atom");
    }

    @Test
    void theSitemapIndexListsChildSitemapsThatAllResolve() throws Exception {
        HttpResponse<String> index = reader.get("/sitemap.xml");
        assertThat(index.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/xml");
        var document = xml(index.body());
        var locations = document.getElementsByTagNameNS(SitemapController.SITEMAP, "loc");
        assertThat(locations.getLength()).isEqualTo(4); // sections, authors, news, Feb 2026
        int articleUrls = 0;
        for (int i = 0; i < locations.getLength(); i++) {
            String child = locations.item(i).getTextContent().replace("http://localhost:8080", "");
            HttpResponse<String> response = reader.get(child);
            assertThat(response.statusCode()).as(child).isEqualTo(200);
            var childXml = xml(response.body());
            if (child.startsWith("/sitemaps/articles-")) {
                articleUrls += childXml.getElementsByTagNameNS(SitemapController.SITEMAP, "url").getLength();
                assertThat(childXml.getElementsByTagNameNS(SitemapController.IMAGE, "loc").getLength()).isEqualTo(74);
                assertThat(response.body()).contains("<lastmod>2026-02-20T13:47:00Z</lastmod>");
            }
        }
        assertThat(articleUrls).isEqualTo(74);
        assertThat(reader.get("/sitemaps/articles-1999-01.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void robotsNamesTheSitemapsAndKeepsCrawlersOutOfTheNewsroomAndApi() {
        HttpResponse<String> robots = reader.get("/robots.txt");
        assertThat(robots.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(robots.body()).contains("User-agent: *", "Disallow: /admin", "Disallow: /api/",
                "Sitemap: http://localhost:8080/sitemap.xml", "Sitemap: http://localhost:8080/sitemaps/news.xml");
    }

    @Test
    void theArticlePageDescribesItselfAsANewsArticleWithBreadcrumbsAndSocialCards() throws Exception {
        Document page = reader.page(SEED_URL);
        List<JsonNode> documents = page.select("script[type=application/ld+json]").stream()
                .map(script -> JSON.readTree(script.data())).toList();
        JsonNode article = documents.stream().filter(node -> node.get("@type").asText().equals("NewsArticle")).findFirst().orElseThrow();
        assertThat(article.get("headline").asText()).isEqualTo(SEED_HEADLINE);
        assertThat(article.get("description").asText()).startsWith("Ukraine aims to hold another round");
        assertThat(article.get("datePublished").asText()).isEqualTo("2026-02-20T13:47:00Z");
        assertThat(article.get("dateModified").asText()).isEqualTo("2026-02-20T13:47:00Z");
        assertThat(article.get("image")).isNotEmpty().allSatisfy(image -> assertThat(image.get("width").asInt()).isGreaterThanOrEqualTo(1200));
        JsonNode author = article.get("author").get(0);
        assertThat(author.get("@type").asText()).isEqualTo("Person");
        assertThat(author.get("name").asText()).isEqualTo("Tim Zadorozhnyy");
        assertThat(author.get("url").asText()).isEqualTo("http://localhost:8080/authors/tim-zadorozhnyy");
        assertThat(author.get("jobTitle").asText()).isEqualTo("Reporter");
        assertThat(article.get("publisher").get("@type").asText()).isEqualTo("NewsMediaOrganization");
        assertThat(article.get("publisher").get("name").asText()).isEqualTo("The Masthead Daily");
        assertThat(article.get("articleSection").asText()).isEqualTo("Politics");
        assertThat(article.get("keywords").toString()).contains("Peace talks", "Russia", "Ukraine");
        assertThat(article.get("isAccessibleForFree").asBoolean()).isTrue();
        assertThat(article.get("mainEntityOfPage").asText()).isEqualTo("http://localhost:8080" + SEED_URL);

        JsonNode breadcrumbs = documents.stream().filter(node -> node.get("@type").asText().equals("BreadcrumbList")).findFirst().orElseThrow();
        assertThat(breadcrumbs.get("itemListElement")).extracting(item -> item.get("name").asText())
                .containsExactly("The Masthead Daily", "Politics", SEED_HEADLINE);

        Map<String, String> og = new java.util.HashMap<>();
        page.select("meta[property]").forEach(meta -> og.putIfAbsent(meta.attr("property"), meta.attr("content")));
        assertThat(og).containsEntry("og:type", "article").containsEntry("og:title", SEED_HEADLINE)
                .containsEntry("og:url", "http://localhost:8080" + SEED_URL).containsEntry("og:site_name", "The Masthead Daily")
                .containsEntry("article:published_time", "2026-02-20T13:47:00Z").containsEntry("article:section", "Politics")
                .containsEntry("article:author", "http://localhost:8080/authors/tim-zadorozhnyy")
                .containsKeys("og:image", "og:image:width", "og:image:height", "article:modified_time", "article:tag");
        assertThat(og.get("og:image")).startsWith("http://localhost:8080/media/");
        assertThat(page.selectFirst("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");
        assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo("http://localhost:8080" + SEED_URL);
    }

    @Test
    void homeAndAuthorPagesCarryWebsiteSearchAndProfileData() throws Exception {
        JsonNode website = JSON.readTree(reader.page("/").selectFirst("script[type=application/ld+json]").data());
        assertThat(website.get("@type").asText()).isEqualTo("WebSite");
        assertThat(website.get("potentialAction").get("target").asText()).isEqualTo("http://localhost:8080/search?q={search_term_string}");
        assertThat(website.get("potentialAction").get("query-input").asText()).isEqualTo("required name=search_term_string");
        JsonNode profile = JSON.readTree(reader.page("/authors/tim-zadorozhnyy").selectFirst("script[type=application/ld+json]").data());
        assertThat(profile.get("@type").asText()).isEqualTo("ProfilePage");
        assertThat(profile.get("mainEntity").get("@type").asText()).isEqualTo("Person");
        assertThat(profile.get("mainEntity").get("jobTitle").asText()).isEqualTo("Reporter");
    }

    @Test
    void publicPagesAndFeedsAreCdnCacheableWithStrongValidatorsAndSurrogateKeys() {
        Map<String, String> routes = Map.of(
                "/", "home", SEED_URL, "article-73", "/sections/politics", "section-", "/authors/tim-zadorozhnyy", "author-",
                "/news-feed", "news-feed", "/feed.xml", "feeds", "/feed.json", "feeds", "/sitemap.xml", "sitemaps");
        routes.forEach((path, key) -> {
            HttpResponse<String> first = reader.get(path, "Accept-Encoding", "gzip");
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).as(path)
                    .contains("public", "max-age=", "s-maxage=", "stale-while-revalidate=", "stale-if-error=");
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertThat(etag).as(path + " strong validator").startsWith("\"");
            assertThat(first.headers().firstValue("Vary")).as(path).hasValue("Accept-Encoding");
            assertThat(first.headers().firstValue("Surrogate-Key").orElseThrow()).as(path).contains(key);
            assertThat(first.headers().firstValue("Cache-Tag")).as(path).isPresent();
            assertThat(first.headers().firstValue("Set-Cookie")).as(path + " sets no cookie").isEmpty();
            HttpResponse<String> again = reader.get(path, "Accept-Encoding", "gzip", "If-None-Match", etag);
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            // a gzipped representation has a validator of its own (small responses are sent as they are)
            String identity = reader.get(path).headers().firstValue("ETag").orElseThrow();
            if (first.headers().firstValue("Content-Encoding").isPresent()) {
                assertThat(identity).as(path).isNotEqualTo(etag);
            }
            assertThat(reader.get(path, "If-None-Match", identity).statusCode()).as(path).isEqualTo(304);
        });
    }

    @Test
    void newsroomResponsesAreNeverStored() {
        for (String path : List.of("/admin", "/admin/login", "/admin/articles")) {
            assertThat(reader.get(path).headers().firstValue("Cache-Control")).as(path).hasValue("private, no-store");
        }
    }

    @Test
    void articleHomeSectionAuthorAndLiveBlogPagesAreValidHtml() throws Exception {
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        // the checker does find errors: a page without a title or a closed paragraph fails
        String broken = validator.validate(new ByteArrayInputStream("<!DOCTYPE html><html><body><p><div></p>".getBytes(StandardCharsets.UTF_8)));
        assertThat(broken).contains("\"type\":\"error\"");
        for (String path : List.of(SEED_URL, "/", "/sections/politics", "/authors/tim-zadorozhnyy", "/news-feed",
                "/articles/peace-talks-live-delegations-return-to-geneva-for-a-second-day")) {
            String html = reader.get(path).body();
            String report = validator.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
            JsonNode messages = JSON.readTree(report).get("messages");
            List<String> errors = new java.util.ArrayList<>();
            messages.forEach(message -> {
                if (message.get("type").asText().equals("error")) {
                    errors.add(message.get("message").asText() + " (line " + message.path("lastLine").asText() + ")");
                }
            });
            assertThat(errors).as(path).isEmpty();
        }
    }

    private static org.w3c.dom.Document xml(String body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(body)));
    }
}
