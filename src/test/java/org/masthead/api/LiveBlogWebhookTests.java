package org.masthead.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import org.masthead.support.WebhookReceiver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks for a live blog's entries, against a real HTTP server: every change readers see owes
 * {@code post.published.edited} with the post and the entry ({@code live_entry}), in the order the changes were
 * made; an entry waiting for an editor owes nothing until it is approved.
 */
@EmptySiteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveBlogWebhookTests {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @LocalServerPort int port;
    @Autowired Integrations integrations;
    @Autowired LiveBlogs liveBlogs;
    @Autowired Publishing publishing;
    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired StaffAccounts accounts;

    GhostClient ghost;
    WebhookReceiver receiver;
    Integration app;
    Staff staff;
    Actor reporter;
    Actor editor;
    String unique;
    EditableArticle blog;

    @BeforeAll
    void setUp() throws Exception {
        ghost = new GhostClient(port);
        receiver = WebhookReceiver.start();
        staff = Staff.create(sections, authors, accounts);
        reporter = Staff.actor(staff.reporter());
        editor = Staff.actor(staff.editor());
        app = integrations.create("Live hooks " + UUID.randomUUID().toString().substring(0, 6), "", Actor.Role.EDITOR, 1L);
    }

    @AfterAll
    void tearDown() {
        integrations.delete(app.id()); // its webhooks go with it: later tests in this context owe them nothing
        receiver.close();
    }

    @BeforeEach
    void liveBlog() {
        unique = UUID.randomUUID().toString().substring(0, 8);
        blog = new Stories(publishing).publish(Stories.content("Hooked live " + unique, staff.section().id(),
                List.of(staff.byline().id()), List.of(), "What we know so far."), Instant.now().minusSeconds(3600));
        liveBlogs.start(editor, blog.id());
    }

    private void register(String event, String path) {
        Answer answer = ghost.admin(app, "POST", "webhooks/", Map.of("webhooks", List.of(Map.of("event", event,
                "target_url", receiver.url(path), "name", "live " + path))));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }

    private LiveBlogs.Entry post(Actor actor, String title, String text, boolean keyEvent) {
        return liveBlogs.add(actor, blog.id(), new LiveBlogs.EntryContent(title, text, BodyFormat.MARKDOWN, keyEvent,
                false, List.of()));
    }

    private List<JsonNode> payloads(String path, int count) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> receiver.callsTo(path).size() >= count);
        return receiver.callsTo(path).stream().map(call -> GhostClient.JSON.readTree(call.bodyText())).toList();
    }

    @Test
    void addingEditingAndDeletingAnEntryEachDeliverPostPublishedEditedWithTheEntry() {
        String path = "/live-" + unique;
        register("post.published.edited", path);
        LiveBlogs.Entry entry = post(reporter, "Arrivals", "Delegations arrive at the **palace**.", true);
        liveBlogs.edit(reporter, entry.id(), entry.version(), new LiveBlogs.EntryContent("Arrivals", "Delegations arrived.",
                BodyFormat.MARKDOWN, true, false, List.of()));
        liveBlogs.delete(editor, entry.id());

        List<JsonNode> calls = payloads(path, 3);
        assertThat(calls).hasSize(3);
        JsonNode added = calls.get(0);
        assertThat(added.path("event").asString()).isEqualTo("post.published.edited");
        JsonNode current = added.path("post").path("current");
        assertThat(current.path("slug").asString()).isEqualTo(blog.slug());
        assertThat(current.path("status").asString()).isEqualTo("published");
        assertThat(current.path("html").asString()).contains("What we know so far.");
        assertThat(added.path("post").path("previous").isObject()).isTrue();
        JsonNode addedEntry = added.path("live_entry");
        assertThat(addedEntry.path("id").asLong()).isEqualTo(entry.id());
        assertThat(addedEntry.path("kind").asString()).isEqualTo("added");
        assertThat(addedEntry.path("title").asString()).isEqualTo("Arrivals");
        assertThat(addedEntry.path("html").asString()).contains("Delegations arrive at the <strong>palace</strong>.");
        assertThat(addedEntry.path("published_at").asString()).endsWith("Z");
        assertThat(addedEntry.path("key_event").asBoolean()).isTrue();
        assertThat(addedEntry.path("pinned").asBoolean()).isFalse();

        JsonNode edited = calls.get(1).path("live_entry");
        assertThat(edited.path("kind").asString()).isEqualTo("edited");
        assertThat(edited.path("html").asString()).contains("Delegations arrived.");

        JsonNode deleted = calls.get(2).path("live_entry");
        assertThat(deleted.path("kind").asString()).isEqualTo("deleted");
        assertThat(deleted.path("id").asLong()).isEqualTo(entry.id());
        assertThat(deleted.propertyNames()).containsExactlyInAnyOrder("id", "kind");
        assertThat(calls.get(2).path("post").path("current").path("id").asString())
                .isEqualTo(current.path("id").asString());
    }

    @Test
    void anEntryWaitingForAnEditorOwesNothingUntilItIsApproved() {
        String path = "/approved-" + unique;
        register("post.published.edited", path);
        LiveBlogs.Entry waiting = post(Staff.actor(staff.contributor()), "", "From the contributor.", false);
        assertThat(waiting.isPublished()).isFalse();
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(() -> receiver.callsTo(path).isEmpty());

        liveBlogs.approve(editor, waiting.id());
        JsonNode entry = payloads(path, 1).get(0).path("live_entry");
        assertThat(entry.path("id").asLong()).isEqualTo(waiting.id());
        assertThat(entry.path("kind").asString()).isEqualTo("added");
        assertThat(entry.path("title").isNull()).isTrue();
        assertThat(entry.path("html").asString()).contains("From the contributor.");
    }

    @Test
    void anEntryChangesTheSite() {
        String path = "/site-" + unique;
        register("site.changed", path);
        post(reporter, "", "Something readers see.", false);
        assertThat(payloads(path, 1).get(0).path("event").asString()).isEqualTo("site.changed");
    }
}
