package org.masthead.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.body.BodyFormat;
import org.masthead.content.Actor;
import org.masthead.content.Authors;
import org.masthead.content.EditableArticle;
import org.masthead.content.LiveBlogs;
import org.masthead.content.Publishing;
import org.masthead.content.Sections;
import org.masthead.identity.StaffAccounts;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.ReaderClient;
import org.masthead.support.Staff;
import org.masthead.support.Stories;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A live blog's own RSS, Atom and JSON feeds: its entries newest first, each linking to its place on the page,
 * with a guid of its own, its html and bylines; plain text arriving as text; no such feed for an ordinary article.
 */
@EmptySiteTest
class LiveBlogFeedsTests {

    static final String MARKUP = "<img src=x onerror=alert(1)> Fish &amp; <b>chips</b>";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired LiveBlogs liveBlogs;
    @Autowired Publishing publishing;
    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired StaffAccounts accounts;
    @LocalServerPort int port;

    Staff staff;
    Actor reporter;
    Actor editor;
    EditableArticle article;
    ReaderClient reader;
    String feed;

    @BeforeEach
    void liveBlog() {
        staff = Staff.create(sections, authors, accounts);
        reporter = Staff.actor(staff.reporter());
        editor = Staff.actor(staff.editor());
        String unique = UUID.randomUUID().toString().substring(0, 8);
        article = new Stories(publishing).publish(Stories.content("Feeds live " + unique, staff.section().id(),
                List.of(staff.byline().id()), List.of(), "What we know so far."), Instant.now().minusSeconds(3600));
        liveBlogs.start(editor, article.id());
        reader = new ReaderClient(port);
        feed = "/articles/" + article.slug() + "/feed";
    }

    private LiveBlogs.Entry post(String title, String text, boolean keyEvent) {
        return liveBlogs.add(reporter, article.id(), new LiveBlogs.EntryContent(title, text, BodyFormat.MARKDOWN, keyEvent,
                false, List.of()));
    }

    /** A title as a feed reader shows it: RSS titles are HTML, decoded once; Atom's here are type="text". */
    private static String shown(String extension, String title) {
        return extension.equals("xml") ? Jsoup.parseBodyFragment(title).body().text() : title;
    }

    private static String link(LiveBlogs.Entry entry) {
        return "?entry=" + entry.id() + "#entry-" + entry.id();
    }

    @Test
    void everyFormatListsTheEntriesNewestFirstWithAnchoredLinksOwnGuidsHtmlAndBylines() throws Exception {
        LiveBlogs.Entry first = post("Arrivals", "Delegations arrive at the **palace**.", true);
        String longText = "The foreign ministers met for three hours this morning and agreed on a text that both "
                + "delegations will now take back to their capitals for approval.";
        LiveBlogs.Entry second = post("", longText, false);
        LiveBlogs.Entry third = post("Statement", "A first statement is expected at noon.", false);
        List<LiveBlogs.Entry> newestFirst = List.of(third, second, first);

        for (String extension : List.of("xml", "atom")) {
            HttpResponse<String> response = reader.get(feed + "." + extension);
            assertThat(response.statusCode()).as(extension).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith(extension.equals("xml") ? "application/rss+xml" : "application/atom+xml");
            assertThat(response.headers().firstValue("Surrogate-Key").orElseThrow().split(" "))
                    .contains("article-" + article.id());
            assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=5");
            SyndFeed parsed = new SyndFeedInput().build(new StringReader(response.body()));
            // RSS has one link; Atom lists its own address (rel=self) beside the page (rel=alternate)
            assertThat(java.util.stream.Stream.concat(java.util.stream.Stream.of(parsed.getLink()),
                    parsed.getLinks().stream().map(com.rometools.rome.feed.synd.SyndLink::getHref)))
                    .anyMatch(href -> href != null && href.endsWith("/articles/" + article.slug()));
            List<SyndEntry> items = parsed.getEntries();
            assertThat(items).as(extension).hasSize(3);
            for (int i = 0; i < 3; i++) {
                LiveBlogs.Entry entry = newestFirst.get(i);
                SyndEntry item = items.get(i);
                assertThat(item.getLink()).as(extension).endsWith("/articles/" + article.slug() + link(entry));
                assertThat(item.getUri()).as(extension).isEqualTo("tag:localhost,2026:live-entry:" + entry.id());
                assertThat(item.getPublishedDate().toInstant()).isEqualTo(entry.publishedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
                assertThat(item.getContents().get(0).getValue()).contains(entry.bodyHtml().strip());
                String authors = extension.equals("atom") ? item.getAuthors().get(0).getName() : item.getAuthor();
                assertThat(authors).isEqualTo(staff.byline().name());
            }
            assertThat(shown(extension, items.get(0).getTitle())).isEqualTo("Statement");
            assertThat(items.get(2).getContents().get(0).getValue()).contains("<strong>palace</strong>");
            String untitled = shown(extension, items.get(1).getTitle());
            assertThat(untitled).startsWith("The foreign ministers met").endsWith("…");
            assertThat(untitled.length()).isLessThanOrEqualTo(100);
            assertThat(longText).startsWith(untitled.substring(0, untitled.length() - 1));
        }

        HttpResponse<String> json = reader.get(feed + ".json");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/feed+json");
        JsonNode document = JSON.readTree(json.body());
        assertThat(document.path("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(document.path("feed_url").asString()).endsWith(feed + ".json");
        assertThat(document.path("home_page_url").asString()).endsWith("/articles/" + article.slug());
        JsonNode items = document.path("items");
        assertThat(items).hasSize(3);
        for (int i = 0; i < 3; i++) {
            LiveBlogs.Entry entry = newestFirst.get(i);
            JsonNode item = items.get(i);
            assertThat(item.path("id").asString()).isEqualTo("tag:localhost,2026:live-entry:" + entry.id());
            assertThat(item.path("url").asString()).endsWith("/articles/" + article.slug() + link(entry));
            assertThat(item.path("content_html").asString()).isEqualTo(entry.bodyHtml());
            assertThat(item.path("date_published").asString()).isNotBlank();
            assertThat(item.path("date_modified").asString()).isNotBlank();
            assertThat(item.path("authors").path(0).path("name").asString()).isEqualTo(staff.byline().name());
        }
        assertThat(items.get(0).path("title").asString()).isEqualTo("Statement");
        assertThat(items.get(1).path("title").asString()).startsWith("The foreign ministers met").endsWith("…");
        assertThat(items.get(2).path("tags").toString()).contains("Key event");
    }

    @Test
    void anEntryTitleWithMarkupArrivesAsTextInEveryFormat() throws Exception {
        post("Title " + MARKUP, "An entry about the menu.", false);

        // RSS has no text type: readers decode titles and descriptions as HTML, so they must hold no element
        org.w3c.dom.Document rss = xml(body(feed + ".xml"));
        List<String> rssTexts = new ArrayList<>();
        for (String name : List.of("title", "description")) {
            NodeList nodes = rss.getElementsByTagName(name);
            for (int i = 0; i < nodes.getLength(); i++) {
                rssTexts.add(nodes.item(i).getTextContent());
            }
        }
        assertThat(rssTexts).anySatisfy(value -> assertThat(Jsoup.parseBodyFragment(value).body().text())
                .isEqualTo("Title " + MARKUP));
        for (String value : rssTexts) {
            assertThat(Jsoup.parseBodyFragment(value).body().children()).as(value).isEmpty();
        }

        // Atom says type="text": the value is the text itself
        org.w3c.dom.Document atom = xml(body(feed + ".atom"));
        NodeList titles = atom.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title");
        List<String> atomTitles = new ArrayList<>();
        for (int i = 0; i < titles.getLength(); i++) {
            Element title = (Element) titles.item(i);
            assertThat(title.getAttribute("type")).isIn("", "text");
            atomTitles.add(title.getTextContent());
        }
        assertThat(atomTitles).contains("Title " + MARKUP);

        JsonNode json = JSON.readTree(body(feed + ".json"));
        assertThat(json.path("items").path(0).path("title").asString()).isEqualTo("Title " + MARKUP);
    }

    @Test
    void theFeedsHoldTheFiftyNewestEntriesAndFollowDeletions() throws Exception {
        List<LiveBlogs.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 52; i++) {
            entries.add(post("", "Update number " + i + ".", false));
        }
        JsonNode items = JSON.readTree(body(feed + ".json")).path("items");
        assertThat(items).hasSize(50);
        assertThat(items.get(0).path("title").asString()).isEqualTo("Update number 51.");
        assertThat(items.get(49).path("title").asString()).isEqualTo("Update number 2.");

        LiveBlogs.Entry newest = entries.get(51);
        liveBlogs.delete(editor, newest.id());
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            JsonNode after = JSON.readTree(body(feed + ".json")).path("items");
            assertThat(after.get(0).path("title").asString()).isEqualTo("Update number 50.");
            assertThat(after.toString()).doesNotContain("live-entry:" + newest.id() + "\"");
        });
    }

    @Test
    void anOrdinaryArticleOrAnUnknownSlugHasNoLiveFeed() {
        EditableArticle ordinary = new Stories(publishing).publish(Stories.content("Ordinary " + article.slug(),
                staff.section().id(), List.of(staff.byline().id()), List.of(), "Nothing live here."), Instant.now());
        for (String extension : List.of("xml", "atom", "json")) {
            assertThat(reader.get("/articles/" + ordinary.slug() + "/feed." + extension).statusCode()).as(extension)
                    .isEqualTo(404);
            assertThat(reader.get("/articles/no-such-story-" + article.slug() + "/feed." + extension).statusCode())
                    .isEqualTo(404);
        }
        assertThat(reader.get("/articles/" + ordinary.slug()).statusCode()).isEqualTo(200);
    }

    @Test
    void anEndedLiveBlogKeepsItsFeedsAsAnArchive() throws Exception {
        LiveBlogs.Entry last = post("Last word", "The talks are over.", false);
        liveBlogs.end(editor, article.id());
        HttpResponse<String> response = reader.get(feed + ".atom");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).doesNotContain("s-maxage=5,");
        SyndFeed parsed = new SyndFeedInput().build(new StringReader(response.body()));
        assertThat(parsed.getEntries()).extracting(SyndEntry::getUri).containsExactly("tag:localhost,2026:live-entry:" + last.id());
    }

    private String body(String path) {
        HttpResponse<String> response = reader.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static org.w3c.dom.Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    }
}
