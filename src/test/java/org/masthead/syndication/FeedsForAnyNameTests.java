package org.masthead.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import org.junit.jupiter.api.Test;
import org.masthead.content.EditableArticle;
import org.masthead.content.Publishing;
import org.masthead.support.Stories;
import org.masthead.content.ArticleContent;
import org.masthead.content.Author;
import org.masthead.content.Authors;
import org.masthead.identity.StaffAccounts;
import org.masthead.content.Section;
import org.masthead.content.Sections;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.Staff;
import org.masthead.support.NewsroomClient;
import org.masthead.support.ReaderClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@EmptySiteTest
class FeedsForAnyNameTests {

    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired Publishing publishing;
    @Autowired StaffAccounts accounts;
    @LocalServerPort int port;

    private EditableArticle publish(Section section, Author author, String headline, Instant at) {
        return new Stories(publishing).publish(ArticleContent.markdown(headline, null, null, section.id(), List.of(author.id()),
                List.of("Q&A"), "Body with <b>bold</b> & more.", null, "en"), at);
    }

    @Test
    void feedsStayValidWhateverNamesAndHeadlinesContain() throws Exception {
        String unique = java.util.UUID.randomUUID().toString().substring(0, 6);
        Section section = sections.create("Q&A <Desk> " + unique, "Questions & answers", 9);
        Author author = authors.create("Smith & <Jones> 🎉 " + unique, "Reporter", "", null, List.of());
        String headline = "Q&A: \"<script>alert(1)</script>\" & talks 🎉 " + unique;
        String pasted = headline + "\u000B\u0008"; // control characters from a paste, which XML cannot carry
        publish(section, author, pasted, Instant.parse("2024-05-01T10:00:00Z"));
        ReaderClient reader = new ReaderClient(port);

        for (String format : List.of("xml", "atom")) {
            HttpResponse<String> response = reader.get(author.url() + "/feed." + format);
            assertThat(response.statusCode()).isEqualTo(200);
            DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(response.body())));
            SyndFeed feed = new SyndFeedInput().build(new StringReader(response.body()));
            // RSS titles are HTML to feed readers, which decode them once; Atom's are text
            java.util.function.UnaryOperator<String> asShown = format.equals("xml")
                    ? org.springframework.web.util.HtmlUtils::htmlUnescape : value -> value;
            assertThat(asShown.apply(feed.getTitle())).endsWith(author.name());
            assertThat(asShown.apply(feed.getEntries().get(0).getTitle())).isEqualTo(headline);
            assertThat(reader.get(section.url() + "/feed." + format).body()).doesNotContain("<script>");
        }
        JsonNode json = JsonMapper.builder().build().readTree(reader.get(author.url() + "/feed.json").body());
        assertThat(json.get("items").get(0).get("title").asText()).isEqualTo(headline);
        assertThat(json.get("items").get(0).get("authors").get(0).get("name").asText()).isEqualTo(author.name());
        assertThat(reader.get("/tags/q-a/feed.xml").statusCode()).isEqualTo(200);
    }

    @Test
    void theGoogleNewsSitemapListsOnlyTheLast48Hours() throws Exception {
        String unique = java.util.UUID.randomUUID().toString().substring(0, 6);
        Section section = sections.create("News desk " + unique, "", 9);
        Author author = authors.create("News writer " + unique, "Reporter", "", null, List.of());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        publish(section, author, "Fresh story " + unique, now.minus(Duration.ofHours(1)));
        publish(section, author, "Day-old story " + unique, now.minus(Duration.ofHours(47)));
        publish(section, author, "Too old story " + unique, now.minus(Duration.ofHours(49)));

        String sitemap = new ReaderClient(port).get("/sitemaps/news.xml").body();
        var document = parse(sitemap);
        var titles = document.getElementsByTagNameNS(SitemapController.NEWS, "title");
        List<String> listed = new java.util.ArrayList<>();
        for (int i = 0; i < titles.getLength(); i++) {
            listed.add(titles.item(i).getTextContent());
        }
        assertThat(listed).contains("Fresh story " + unique, "Day-old story " + unique).doesNotContain("Too old story " + unique);
        assertThat(listed.size()).isLessThanOrEqualTo(1000);
        assertThat(document.getElementsByTagNameNS(SitemapController.NEWS, "name").item(0).getTextContent()).isEqualTo("The Masthead Daily");
        assertThat(document.getElementsByTagNameNS(SitemapController.NEWS, "language").item(0).getTextContent()).isEqualTo("en");
        assertThat(document.getElementsByTagNameNS(SitemapController.NEWS, "publication_date").item(0).getTextContent()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
    }

    @Test
    void administratorsChangeTheSiteIdentityAndReadersSeeIt() {
        Staff staff = Staff.create(sections, authors, accounts);
        NewsroomClient admin = NewsroomClient.signedIn(port, staff.administrator().email(), Staff.PASSWORD);
        assertThat(admin.post("/admin/settings", Map.of("name", "The Harbour Herald", "tagline", "News from the quay",
                "language", "en-GB", "publicationName", "Harbour Herald")).statusCode()).isEqualTo(302);
        assertThat(admin.post("/admin/settings", Map.of("name", "X", "language", "not a language!")).statusCode()).isEqualTo(422);
        var home = new ReaderClient(port).page("/?settings");
        assertThat(home.title()).isEqualTo("The Harbour Herald");
        assertThat(home.selectFirst("html").attr("lang")).isEqualTo("en-GB");
        assertThat(NewsroomClient.signedIn(port, staff.editor().email(), Staff.PASSWORD).get("/admin/settings").statusCode())
                .isEqualTo(403);
        admin.post("/admin/settings", Map.of("name", "", "tagline", "", "language", "", "publicationName", ""));
        assertThat(new ReaderClient(port).page("/?reset").title()).isEqualTo("The Masthead Daily");
    }

    private static org.w3c.dom.Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }
}
