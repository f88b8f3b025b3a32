package org.masthead.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
import org.masthead.support.SseClient;
import org.masthead.support.Staff;
import org.masthead.support.Stories;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A live blog as readers get it: the server-rendered page (newest first, pinned entry, key events, pages of older
 * entries, permalinks, LiveBlogPosting), and the stream that carries every change in order, replayed after
 * Last-Event-ID.
 */
@EmptySiteTest
class LiveCoverageTests {

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

    @BeforeEach
    void liveBlog() {
        staff = Staff.create(sections, authors, accounts);
        reporter = Staff.actor(staff.reporter());
        editor = Staff.actor(staff.editor());
        String unique = UUID.randomUUID().toString().substring(0, 8);
        article = new Stories(publishing).publish(Stories.content("Talks live " + unique, staff.section().id(),
                List.of(staff.byline().id()), List.of(), "What we know so far."), java.time.Instant.now().minusSeconds(3600));
        liveBlogs.start(editor, article.id());
        reader = new ReaderClient(port);
    }

    private LiveBlogs.Entry post(String text, boolean keyEvent) {
        return liveBlogs.add(reporter, article.id(), new LiveBlogs.EntryContent("", text, BodyFormat.MARKDOWN, keyEvent,
                false, List.of()));
    }

    @Test
    void thePageShowsEntriesNewestFirstWithThePinnedOneOnTopKeyEventsAndPermalinks() {
        LiveBlogs.Entry first = post("Delegations arrive at the palace.", true);
        LiveBlogs.Entry second = post("Talks begin behind closed doors.", false);
        LiveBlogs.Entry third = post("A first statement is expected at noon.", false);
        liveBlogs.edit(editor, first.id(), first.version(), new LiveBlogs.EntryContent("Arrivals", first.bodySource(),
                BodyFormat.MARKDOWN, true, true, List.of()));

        HttpResponse<String> response = reader.get("/articles/" + article.slug());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=5");
        Document page = org.jsoup.Jsoup.parse(response.body());
        assertThat(page.select(".live__pinned .live-entry").attr("id")).isEqualTo("entry-" + first.id());
        assertThat(page.select(".live__entries .live-entry").eachAttr("id"))
                .containsExactly("entry-" + third.id(), "entry-" + second.id()); // the pinned one is on top instead
        assertThat(page.select(".key-events__list a").eachText()).containsExactly("Arrivals");
        assertThat(page.select(".key-events__list a").attr("href")).endsWith("?entry=" + first.id() + "#entry-" + first.id());
        assertThat(page.select("#entry-" + third.id() + " time").attr("datetime")).isNotBlank();
        assertThat(page.select("section.live").attr("data-live-stream")).startsWith("/articles/" + article.slug() + "/live?lastEventId=");
        assertThat(page.select(".live-badge").text()).contains("Live");

        JsonNode posting = JSON.readTree(page.select("script[type=application/ld+json]").stream().map(Element::data)
                .filter(json -> json.contains("LiveBlogPosting")).findFirst().orElseThrow());
        assertThat(posting.path("@type").asString()).isEqualTo("LiveBlogPosting");
        assertThat(posting.path("coverageStartTime").asString()).isNotBlank();
        assertThat(posting.path("coverageEndTime").isMissingNode()).isTrue();
        assertThat(posting.path("liveBlogUpdate")).hasSize(3);
        JsonNode update = posting.path("liveBlogUpdate").get(0);
        assertThat(update.path("@type").asString()).isEqualTo("BlogPosting");
        assertThat(update.path("url").asString()).endsWith("/articles/" + article.slug() + "#entry-" + third.id());
        assertThat(update.path("articleBody").asString()).isEqualTo("A first statement is expected at noon.");
        assertThat(update.path("author").get(0).path("name").asString()).isEqualTo(staff.byline().name());
        assertThat(schemaOrgProblems(posting)).isEmpty();
    }

    /**
     * Properties schema.org defines for each type the page uses (its own and inherited, from the schema.org pages of
     * LiveBlogPosting → BlogPosting → SocialMediaPosting → Article → CreativeWork → Thing, and of the types inside):
     * a misspelt or invented property is a problem.
     */
    private static final java.util.Map<String, java.util.Set<String>> SCHEMA_ORG = java.util.Map.of(
            "LiveBlogPosting", java.util.Set.of("@context", "@type", "coverageStartTime", "coverageEndTime", "liveBlogUpdate",
                    "headline", "description", "image", "datePublished", "dateModified", "author", "publisher",
                    "articleSection", "keywords", "inLanguage", "isAccessibleForFree", "mainEntityOfPage", "url",
                    "correction", "articleBody", "name"),
            "BlogPosting", java.util.Set.of("@type", "headline", "url", "datePublished", "dateModified", "articleBody", "author"),
            "Person", java.util.Set.of("@type", "name", "url", "jobTitle"),
            "ImageObject", java.util.Set.of("@type", "url", "width", "height", "caption", "creditText"),
            "Organization", java.util.Set.of("@type", "name", "url", "logo"),
            "NewsMediaOrganization", java.util.Set.of("@type", "name", "url", "logo"),
            "CorrectionComment", java.util.Set.of("@type", "text", "datePublished"));

    private static List<String> schemaOrgProblems(JsonNode node) {
        List<String> problems = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> problems.addAll(schemaOrgProblems(item)));
        } else if (node.isObject() && node.has("@type")) {
            String type = node.path("@type").asString();
            java.util.Set<String> allowed = SCHEMA_ORG.get(type);
            if (allowed == null) {
                problems.add("unexpected type " + type);
            } else {
                node.propertyNames().forEach(property -> {
                    if (!allowed.contains(property)) {
                        problems.add(type + "." + property + " is no schema.org property of " + type);
                    }
                });
            }
            node.properties().forEach(entry -> problems.addAll(schemaOrgProblems(entry.getValue())));
        }
        return problems;
    }

    @Test
    void olderEntriesAreOnFurtherPagesAndAPermalinkOpensThePageHoldingItsEntry() {
        List<LiveBlogs.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            entries.add(post("Update number " + i + ".", false));
        }
        Document latest = reader.page("/articles/" + article.slug());
        assertThat(latest.select(".live__entries .live-entry")).hasSize(20);
        String older = latest.select(".live__older a").attr("href");
        assertThat(older).contains("before=");
        Document second = reader.page(older);
        assertThat(second.select(".live__entries .live-entry").first().attr("id")).isEqualTo("entry-" + entries.get(24).id());
        assertThat(second.select(".live__newer a").text()).contains("20 newer updates");

        LiveBlogs.Entry deep = entries.get(3);
        Document permalink = reader.page("/articles/" + article.slug() + "?entry=" + deep.id());
        assertThat(permalink.select(".live__entries .live-entry").first().attr("id")).isEqualTo("entry-" + deep.id());
        assertThat(permalink.select(".live__older a")).isEmpty(); // entries 3, 2, 1, 0: the first page of its own
    }

    @Test
    void theStreamCarriesEveryChangeInOrderAndReplaysWhatAReaderMissed() throws Exception {
        String path = "/articles/" + article.slug() + "/live";
        String start;
        List<String> ids = new ArrayList<>();
        try (SseClient stream = new SseClient(port, path, null)) {
            assertThat(stream.status()).isEqualTo(200);
            start = stream.next("ready", Duration.ofSeconds(5)).id();
            LiveBlogs.Entry entry = post("Breaking: a statement.", false);
            SseClient.Event added = stream.next("added", Duration.ofSeconds(5));
            assertThat(JSON.readTree(added.data()).path("html").asString()).contains("Breaking: a statement.")
                    .contains("id=\"entry-" + entry.id() + "\"");
            ids.add(added.id());
            liveBlogs.edit(reporter, entry.id(), entry.version(), new LiveBlogs.EntryContent("Statement", "Breaking: the statement.",
                    BodyFormat.MARKDOWN, true, false, List.of()));
            SseClient.Event edited = stream.next("edited", Duration.ofSeconds(5));
            JsonNode editedData = JSON.readTree(edited.data());
            assertThat(editedData.path("html").asString()).contains("Breaking: the statement.");
            assertThat(editedData.path("keyEvents").asString()).contains("Statement");
            ids.add(edited.id());
            liveBlogs.delete(editor, entry.id());
            SseClient.Event deleted = stream.next("deleted", Duration.ofSeconds(5));
            assertThat(JSON.readTree(deleted.data()).path("anchor").asString()).isEqualTo("entry-" + entry.id());
            ids.add(deleted.id());
        }
        assertThat(ids).isSortedAccordingTo((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));

        // offline for a while: two more updates; back with the last id seen, it gets exactly what it missed
        post("While you were away, one.", false);
        post("While you were away, two.", false);
        try (SseClient back = new SseClient(port, path, ids.get(0))) {
            List<String> replayed = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                SseClient.Event event = back.next(Duration.ofSeconds(5));
                replayed.add(event.name() + " " + event.id());
            }
            // the edit of the entry deleted since has nothing left to show: its deletion says it all
            assertThat(replayed.subList(0, 3)).extracting(line -> line.split(" ")[0]).containsExactly("deleted", "added", "added");
            assertThat(back.next(Duration.ofMillis(500))).isNull();
        }
        assertThat(Long.parseLong(start)).isLessThan(Long.parseLong(ids.get(0)));
    }

    @Test
    void anEndedLiveBlogStaysAsAnArchivePageWithoutAStream() {
        post("The last word.", false);
        liveBlogs.end(editor, article.id());
        Document page = reader.page("/articles/" + article.slug());
        assertThat(page.select("section.live").hasAttr("data-live-stream")).isFalse();
        assertThat(page.select(".live__ended").text()).startsWith("This live coverage ended");
        assertThat(page.select(".live-entry")).hasSize(1);
    }
}
