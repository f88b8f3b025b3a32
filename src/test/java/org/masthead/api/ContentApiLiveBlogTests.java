package org.masthead.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.api.integrations.Integration;
import org.masthead.api.integrations.Integrations;
import org.masthead.body.BodyFormat;
import org.masthead.content.Actor;
import org.masthead.content.Authors;
import org.masthead.content.EditableArticle;
import org.masthead.content.LiveBlogs;
import org.masthead.content.Publishing;
import org.masthead.content.Sections;
import org.masthead.identity.StaffAccounts;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.GhostClient;
import org.masthead.support.GhostClient.Answer;
import org.masthead.support.Staff;
import org.masthead.support.Stories;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Live blogs through the Content API: the post's {@code html} carries the article and then its published entries,
 * newest first, and Masthead's {@code live} object its coverage, entry count and key events; an ordinary post has
 * neither. Browsing finds the live blogs of a page without a query per post.
 */
@EmptySiteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentApiLiveBlogTests {

    @LocalServerPort int port;
    @Autowired LiveBlogs liveBlogs;
    @Autowired Publishing publishing;
    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired StaffAccounts accounts;
    @Autowired Integrations integrations;

    GhostClient ghost;
    Integration app;
    Staff staff;
    Actor reporter;
    Actor editor;
    String unique;
    String tag;
    EditableArticle blog;
    EditableArticle ordinary;

    @BeforeAll
    void newsroom() {
        ghost = new GhostClient(port);
        staff = Staff.create(sections, authors, accounts);
        reporter = Staff.actor(staff.reporter());
        editor = Staff.actor(staff.editor());
        app = integrations.create("Live API app " + UUID.randomUUID().toString().substring(0, 6), "",
                Actor.Role.CONTRIBUTOR, 1L);
    }

    @AfterAll
    void tearDown() {
        integrations.delete(app.id());
    }

    @BeforeEach
    void stories() {
        unique = UUID.randomUUID().toString().substring(0, 8);
        tag = "Live api " + unique;
        Stories stories = new Stories(publishing);
        ordinary = stories.publish(Stories.content("Ordinary " + unique, staff.section().id(),
                List.of(staff.byline().id()), List.of(tag), "Nothing live here."), Instant.now().minusSeconds(7200));
        blog = stories.publish(Stories.content("Talks live " + unique, staff.section().id(),
                List.of(staff.byline().id()), List.of(tag), "What we know so far."), Instant.now().minusSeconds(3600));
        liveBlogs.start(editor, blog.id());
    }

    private LiveBlogs.Entry post(Actor actor, String title, String text, boolean keyEvent) {
        return liveBlogs.add(actor, blog.id(), new LiveBlogs.EntryContent(title, text, BodyFormat.MARKDOWN, keyEvent,
                false, List.of()));
    }

    private JsonNode read(EditableArticle article, String query) {
        Answer answer = ghost.content(app, "posts/slug/" + article.slug() + "/", query);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().path("posts").path(0);
    }

    private static List<String> entryIds(String html) {
        List<String> ids = new ArrayList<>();
        for (Element article : Jsoup.parseBodyFragment(html).select("article[id^=entry-]")) {
            ids.add(article.id());
        }
        return ids;
    }

    @Test
    void aLiveBlogReadBySlugCarriesItsEntriesNewestFirstInHtmlAndItsCoverageInLive() {
        LiveBlogs.Entry first = post(reporter, "Arrivals <b>&</b> greetings", "Delegations arrive at the **palace**.", true);
        LiveBlogs.Entry second = post(reporter, "", "Talks begin behind closed doors.", false);
        LiveBlogs.Entry third = post(reporter, "Statement", "A first statement is expected at noon.", true);
        // a contributor's entry waits for an editor: readers, and so the API, do not see it
        LiveBlogs.Entry waiting = post(Staff.actor(staff.contributor()), "", "Not yet approved.", false);
        assertThat(waiting.isPublished()).isFalse();

        JsonNode post = read(blog, "");
        JsonNode live = post.path("live");
        assertThat(live.isObject()).as(post.toString()).isTrue();
        assertThat(live.path("running").asBoolean()).isTrue();
        assertThat(live.path("entries_count").asInt()).isEqualTo(3);
        assertThat(live.path("coverage_start").asString()).endsWith("+00:00");
        assertThat(live.path("coverage_end").isNull()).isTrue();
        assertThat(live.path("latest_entry_at").asString()).endsWith("+00:00");
        JsonNode keyEvents = live.path("key_events");
        assertThat(keyEvents).hasSize(2);
        assertThat(keyEvents.get(0).path("id").asLong()).isEqualTo(third.id());
        assertThat(keyEvents.get(0).path("title").asString()).isEqualTo("Statement");
        assertThat(keyEvents.get(0).path("published_at").asString()).endsWith("+00:00");
        assertThat(keyEvents.get(1).path("id").asLong()).isEqualTo(first.id());
        assertThat(keyEvents.get(1).path("title").asString()).isEqualTo("Arrivals <b>&</b> greetings");

        String html = post.path("html").asString();
        assertThat(html).startsWith("<p>What we know so far.");
        assertThat(html.indexOf("What we know so far.")).as("the article first").isLessThan(html.indexOf("<article"));
        assertThat(entryIds(html)).containsExactly("entry-" + third.id(), "entry-" + second.id(), "entry-" + first.id());
        Document body = Jsoup.parseBodyFragment(html);
        Element newest = body.getElementById("entry-" + third.id());
        assertThat(newest.select("time").attr("datetime")).isNotBlank();
        assertThat(newest.select("h2").text()).isEqualTo("Statement");
        assertThat(newest.text()).contains("A first statement is expected at noon.");
        Element untitled = body.getElementById("entry-" + second.id());
        assertThat(untitled.select("h2")).isEmpty();
        Element oldest = body.getElementById("entry-" + first.id());
        assertThat(oldest.select("h2").text()).as("a title is text, escaped in html").isEqualTo("Arrivals <b>&</b> greetings");
        assertThat(oldest.select("h2 b")).isEmpty();
        assertThat(oldest.select("strong").text()).isEqualTo("palace");
        assertThat(html).doesNotContain("Not yet approved.");

        // the same post by id, and an entry later: the cached answer is evicted by the post's own key
        String id = post.path("id").asString();
        JsonNode byId = ghost.content(app, "posts/" + id + "/", "").json().path("posts").path(0);
        assertThat(byId.path("live").path("entries_count").asInt()).isEqualTo(3);
        LiveBlogs.Entry fourth = post(reporter, "", "Breaking: a fourth update.", false);
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            JsonNode again = read(blog, "");
            assertThat(again.path("live").path("entries_count").asInt()).isEqualTo(4);
            assertThat(entryIds(again.path("html").asString()).get(0)).isEqualTo("entry-" + fourth.id());
        });
    }

    @Test
    void anOrdinaryPostHasNoLiveObjectAndItsOwnHtml() {
        post(reporter, "", "Only the live blog has entries.", false);
        JsonNode post = read(ordinary, "");
        assertThat(post.has("live")).isFalse();
        assertThat(post.path("html").asString()).contains("<p>Nothing live here.</p>").doesNotContain("<article");
    }

    @Test
    void browsingShowsLiveOnlyOnLiveBlogsAndFieldsAndFormatsChooseWhatIsRead() {
        LiveBlogs.Entry entry = post(reporter, "Update", "Talks resume after lunch.", true);
        String filter = "filter=" + URLEncoder.encode("tag:" + org.masthead.text.Slugs.slugify(tag), StandardCharsets.UTF_8);

        JsonNode posts = ghost.content(app, "posts/", filter).json().path("posts");
        assertThat(posts).hasSize(2);
        assertThat(posts.get(0).path("slug").asString()).isEqualTo(blog.slug());
        assertThat(posts.get(0).path("live").path("entries_count").asInt()).isEqualTo(1);
        assertThat(entryIds(posts.get(0).path("html").asString())).containsExactly("entry-" + entry.id());
        assertThat(posts.get(1).path("slug").asString()).isEqualTo(ordinary.slug());
        assertThat(posts.get(1).has("live")).isFalse();

        // fields: only what is named; live without html still names the key events
        JsonNode chosen = ghost.content(app, "posts/", filter + "&fields=title,live").json().path("posts").path(0);
        assertThat(chosen.propertyNames()).containsExactlyInAnyOrder("title", "live");
        assertThat(chosen.path("live").path("key_events").path(0).path("id").asLong()).isEqualTo(entry.id());
        JsonNode titles = ghost.content(app, "posts/", filter + "&fields=title").json().path("posts").path(0);
        assertThat(titles.propertyNames()).containsExactly("title");

        // plaintext only: no html to put entries in, the live object all the same
        JsonNode plain = read(blog, "formats=plaintext");
        assertThat(plain.has("html")).isFalse();
        assertThat(plain.path("live").path("entries_count").asInt()).isEqualTo(1);
    }

    @Test
    void anEndedLiveBlogSaysWhenItsCoverageEnded() {
        post(reporter, "", "The last word.", false);
        liveBlogs.end(editor, blog.id());
        JsonNode live = read(blog, "").path("live");
        assertThat(live.path("running").asBoolean()).isFalse();
        assertThat(live.path("coverage_end").asString()).endsWith("+00:00");
        assertThat(live.path("entries_count").asInt()).isEqualTo(1);
        assertThat(live.path("key_events")).isEmpty();
    }
}
