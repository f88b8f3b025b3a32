package org.masthead.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.masthead.content.EditableArticle;
import org.masthead.content.Publishing;
import org.masthead.support.Stories;
import org.masthead.content.ArticleContent;
import org.masthead.content.Author;
import org.masthead.content.Authors;
import org.masthead.content.Section;
import org.masthead.content.Sections;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.ReaderClient;
import org.masthead.system.SiteSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plain-text fields reach a feed reader as text in every feed format. Feed readers treat RSS titles and
 * descriptions as HTML and decode them once, so markup typed into a headline must arrive escaped twice.
 */
@EmptySiteTest
class FeedTextTests {

    static final String MARKUP = "<img src=x onerror=alert(1)> Fish &amp; <b>chips</b>";

    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired Publishing publishing;
    @Autowired SiteSettings settings;
    @LocalServerPort int port;

    SiteSettings.Editable before;

    @AfterEach
    void restoreSettings() {
        if (before != null) {
            settings.save(before);
        }
    }

    @Test
    void markupInAnyPlainTextFieldArrivesAtAFeedReaderAsText() throws Exception {
        before = settings.editable();
        settings.save(new SiteSettings.Editable("Site " + MARKUP, "Tagline " + MARKUP, "en", null, "News " + MARKUP));
        String unique = UUID.randomUUID().toString().substring(0, 6);
        Section section = sections.create("Desk " + unique + " " + MARKUP, "About " + MARKUP, 30);
        Author author = authors.create("Writer " + unique + " " + MARKUP, "Job " + MARKUP, "Bio " + MARKUP, null, List.of());
        String tag = "Tag " + unique + " <i>x</i> &amp;"; // tags are short: a little markup is enough
        // the newest, so every feed lists it
        new Stories(publishing).publish(ArticleContent.markdown("Headline " + unique + " " + MARKUP, null, "Standfirst " + MARKUP,
                section.id(), List.of(author.id()), List.of(tag), "A body.", null, "en"), Instant.now());

        ReaderClient reader = new ReaderClient(port);
        String tagSlug = org.masthead.text.Slugs.slugify(tag);
        List<String> families = List.of("/feed", section.url() + "/feed", author.url() + "/feed", "/tags/" + tagSlug + "/feed");
        for (String family : families) {
            for (String textValue : rssTexts(reader, family + ".xml")) {
                assertShownAsText(family + ".xml", textValue);
            }
            for (String textValue : atomTexts(reader, family + ".atom")) {
                assertShownAsText(family + ".atom", textValue);
            }
            JsonNode json = JsonMapper.builder().build().readTree(body(reader, family + ".json"));
            assertThat(json.get("title").asText()).contains(MARKUP); // JSON Feed titles are plain text by definition
            JsonNode mine = null;
            for (JsonNode item : json.get("items")) {
                if (item.get("title").asText().startsWith("Headline " + unique)) {
                    mine = item;
                }
            }
            assertThat(mine).as(family + ".json").isNotNull();
            assertThat(mine.get("title").asText()).endsWith(MARKUP);
            assertThat(mine.get("summary").asText()).isEqualTo("Standfirst " + MARKUP);
        }
    }

    /** What a feed reader shows for an HTML-typed value: decoded once, it must hold no element and read as typed. */
    private static void assertShownAsText(String feed, String html) {
        var body = Jsoup.parseBodyFragment(html).body();
        assertThat(body.children()).as(feed + ": " + html).isEmpty();
        if (body.text().contains("Fish")) {
            assertThat(body.text()).as(feed).contains(MARKUP);
        }
    }

    /** Every RSS channel and item title and description: feed readers read them as HTML. */
    private List<String> rssTexts(ReaderClient reader, String path) throws Exception {
        org.w3c.dom.Document xml = parse(body(reader, path));
        List<String> values = new ArrayList<>();
        for (String name : List.of("title", "description")) {
            NodeList nodes = xml.getElementsByTagName(name);
            for (int i = 0; i < nodes.getLength(); i++) {
                values.add(nodes.item(i).getTextContent());
            }
        }
        assertThat(values).as(path).isNotEmpty();
        return values;
    }

    /** Atom says how to read each text construct: only {@code type="html"} values are decoded as HTML. */
    private List<String> atomTexts(ReaderClient reader, String path) throws Exception {
        org.w3c.dom.Document xml = parse(body(reader, path));
        List<String> values = new ArrayList<>();
        for (String name : List.of("title", "subtitle", "summary", "name")) {
            NodeList nodes = xml.getElementsByTagNameNS("http://www.w3.org/2005/Atom", name);
            for (int i = 0; i < nodes.getLength(); i++) {
                Element element = (Element) nodes.item(i);
                String type = element.getAttribute("type");
                assertThat(type).as(path + " " + name).isIn("", "text", "html");
                values.add(type.equals("html") ? element.getTextContent()
                        : org.springframework.web.util.HtmlUtils.htmlEscape(element.getTextContent()));
            }
        }
        return values;
    }

    private static String body(ReaderClient reader, String path) {
        HttpResponse<String> response = reader.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static org.w3c.dom.Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }
}
