package org.masthead.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.api.integrations.Integration;
import org.masthead.api.integrations.Integrations;
import org.masthead.api.webhooks.Webhooks;
import org.masthead.content.Actor;
import org.masthead.content.ArticleContent;
import org.masthead.content.ArticleKind;
import org.masthead.content.Author;
import org.masthead.content.Authors;
import org.masthead.content.Publishing;
import org.masthead.content.Section;
import org.masthead.content.Sections;
import org.masthead.content.Tags;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.GhostClient;
import org.masthead.support.GhostClient.Answer;
import org.masthead.support.Stories;
import org.masthead.support.WebhookReceiver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks against a real HTTP server started here: Ghost's events and payloads, the signature checked by an
 * implementation of the test's own, delivery after the change commits with retries after failures, one
 * article's calls in order, 410 switching a webhook off, resending from the log, and silence during imports.
 */
@EmptySiteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookDeliveryTests {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @LocalServerPort int port;
    @Autowired Integrations integrations;
    @Autowired Webhooks webhooks;
    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired Publishing publishing;
    @Autowired Tags tags;
    @Autowired org.masthead.content.ArchiveImports archiveImports;

    GhostClient ghost;
    WebhookReceiver receiver;
    Integration app;
    String unique;
    Section desk;
    Author byline;

    @BeforeAll
    void setUp() throws Exception {
        ghost = new GhostClient(port);
        receiver = WebhookReceiver.start();
        unique = UUID.randomUUID().toString().substring(0, 6);
        desk = sections.create("Hooks " + unique, "", 0);
        byline = authors.create("Hook Writer " + unique, "", "", null, List.of());
        app = integrations.create("Hooks app " + unique, "", Actor.Role.EDITOR, 1L);
    }

    @AfterAll
    void tearDown() {
        integrations.delete(app.id()); // its webhooks go with it: later tests in this context owe them nothing
        receiver.close();
    }

    /** A webhook registered through the Admin API, as an integration does. */
    private JsonNode register(String event, String path, String secret) {
        Answer answer = ghost.admin(app, "POST", "webhooks/", Map.of("webhooks", List.of(Map.of("event", event,
                "target_url", receiver.url(path), "name", "test " + path, "secret", secret))));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("webhooks").path(0);
    }

    private JsonNode addPost(String title, String status) {
        Answer answer = ghost.admin(app, "POST", "posts/?source=html", Map.of("posts", List.of(Map.of("title", title,
                "html", "<p>" + title + " text.</p>", "status", status, "authors", List.of(Map.of("slug", byline.slug())),
                "section", desk.slug()))));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("posts").path(0);
    }

    private JsonNode editPost(JsonNode post, Map<String, Object> fields) {
        Map<String, Object> body = new java.util.HashMap<>(fields);
        body.put("updated_at", post.path("updated_at").asString());
        Answer answer = ghost.admin(app, "PUT", "posts/" + post.path("id").asString() + "/", Map.of("posts", List.of(body)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().path("posts").path(0);
    }

    private List<WebhookReceiver.Call> calls(String path, int count) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> receiver.callsTo(path).size() >= count);
        return receiver.callsTo(path);
    }

    @Test
    void publishingSendsGhostsPayloadSignedWithTheWebhooksSecret() throws Exception {
        register("post.published", "/published-" + unique, "s3cret-" + unique);
        JsonNode draft = addPost("Signed " + unique, "draft");
        editPost(draft, Map.of("status", "published"));

        WebhookReceiver.Call call = calls("/published-" + unique, 1).get(0);
        assertThat(call.header("Content-Type")).isEqualTo("application/json");
        assertThat(call.header("Content-Version")).isEqualTo("v6.0");
        assertThat(call.header("User-Agent")).startsWith("Masthead/");
        assertThat(verify(call.header("X-Ghost-Signature"), call.body(), "s3cret-" + unique)).isTrue();
        assertThat(verify(call.header("X-Ghost-Signature"), call.body(), "wrong")).isFalse();

        JsonNode payload = GhostClient.JSON.readTree(call.bodyText());
        assertThat(payload.path("event").asString()).isEqualTo("post.published");
        JsonNode current = payload.path("post").path("current");
        assertThat(current.path("title").asString()).isEqualTo("Signed " + unique);
        assertThat(current.path("status").asString()).isEqualTo("published");
        assertThat(current.path("html").asString()).contains("Signed " + unique + " text.");
        assertThat(current.path("plaintext").asString()).isEqualTo("Signed " + unique + " text.");
        assertThat(current.path("authors").path(0).path("slug").asString()).isEqualTo(byline.slug());
        assertThat(current.path("published_at").asString()).endsWith("Z");
        JsonNode previous = payload.path("post").path("previous");
        assertThat(previous.path("status").asString()).isEqualTo("draft");
        assertThat(previous.path("published_at").isNull()).isTrue();
        assertThat(previous.has("title")).as("unchanged fields are not in previous").isFalse();
        assertThat(previous.has("updated_at")).isTrue();
    }

    /** X-Ghost-Signature: sha256=<hex>, t=<ms>; hex = HMAC-SHA256(secret, body + t). Written here, not borrowed. */
    private static boolean verify(String header, byte[] body, String secret) throws Exception {
        String[] parts = header.split(", ");
        String expected = parts[0].substring("sha256=".length());
        String timestamp = parts[1].substring("t=".length());
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] signed = new byte[body.length + timestamp.length()];
        System.arraycopy(body, 0, signed, 0, body.length);
        System.arraycopy(timestamp.getBytes(StandardCharsets.US_ASCII), 0, signed, body.length, timestamp.length());
        byte[] actual = hmac.doFinal(signed);
        return MessageDigest.isEqual(actual, HexFormat.of().parseHex(expected))
                && Math.abs(Long.parseLong(timestamp) - System.currentTimeMillis()) < 60_000;
    }

    @Test
    void addedAndEditedAndDeletedCarryGhostsCurrentAndPrevious() throws Exception {
        register("post.added", "/added-" + unique, "");
        register("post.edited", "/edited-" + unique, "");
        register("post.deleted", "/deleted-" + unique, "");
        JsonNode post = addPost("Lifecycle hook " + unique, "draft");
        JsonNode edited = editPost(post, Map.of("title", "Lifecycle hook, renamed " + unique));
        assertThat(ghost.admin(app, "DELETE", "posts/" + post.path("id").asString() + "/", null).status()).isEqualTo(204);

        JsonNode added = GhostClient.JSON.readTree(calls("/added-" + unique, 1).get(0).bodyText());
        assertThat(added.path("post").path("previous").isEmpty()).isTrue();
        assertThat(added.path("post").path("current").path("id").asString()).isEqualTo(post.path("id").asString());
        assertThat(calls("/added-" + unique, 1).get(0).header("X-Ghost-Signature")).as("no secret, no signature").isNull();

        JsonNode change = GhostClient.JSON.readTree(calls("/edited-" + unique, 1).get(0).bodyText());
        assertThat(change.path("post").path("previous").path("title").asString()).isEqualTo("Lifecycle hook " + unique);
        assertThat(change.path("post").path("current").path("title").asString()).isEqualTo("Lifecycle hook, renamed " + unique);
        assertThat(change.path("post").path("current").path("updated_at").asString())
                .isEqualTo(edited.path("updated_at").asString());

        JsonNode deleted = GhostClient.JSON.readTree(calls("/deleted-" + unique, 1).get(0).bodyText());
        assertThat(deleted.path("post").path("current").isEmpty()).isTrue();
        assertThat(deleted.path("post").path("previous").path("title").asString()).isEqualTo("Lifecycle hook, renamed " + unique);
    }

    @Test
    void aTargetAnsweringWithErrorsIsRetriedUntilItAccepts() {
        JsonNode hook = register("post.added", "/flaky-" + unique, "");
        receiver.answerNext("/flaky-" + unique, 500, 503);
        addPost("Retried " + unique, "draft");

        List<WebhookReceiver.Call> calls = calls("/flaky-" + unique, 3);
        assertThat(calls).hasSize(3);
        assertThat(calls.get(2).bodyText()).isEqualTo(calls.get(0).bodyText());
        Webhooks.Webhook stored = webhooks.findByPublicId(hook.path("id").asString()).orElseThrow();
        await().atMost(PATIENCE).until(() -> webhooks.deliveries(stored.id(), null, 10).get(0).status().equals("delivered"));
        Webhooks.Delivery delivery = webhooks.deliveries(stored.id(), null, 10).get(0);
        assertThat(delivery.attempts()).isEqualTo(3);
        assertThat(delivery.responseStatus()).isEqualTo(200);
        assertThat(delivery.latencyMs()).isNotNull();
        assertThat(delivery.responseExcerpt()).contains("received");
    }

    @Test
    void oneArticlesCallsArriveInTheOrderTheChangesWereMade() {
        register("post.edited", "/ordered-" + unique, "");
        receiver.answerNext("/ordered-" + unique, 500); // the first call fails: the later ones must wait for its retry
        JsonNode post = addPost("Ordered 0 " + unique, "draft");
        for (int i = 1; i <= 4; i++) {
            post = editPost(post, Map.of("title", "Ordered " + i + " " + unique));
        }
        List<WebhookReceiver.Call> calls = calls("/ordered-" + unique, 5);
        List<String> titles = new ArrayList<>();
        calls.forEach(call -> titles.add(GhostClient.JSON.readTree(call.bodyText()).path("post").path("current")
                .path("title").asString()));
        assertThat(titles).containsExactly("Ordered 1 " + unique, "Ordered 1 " + unique, "Ordered 2 " + unique,
                "Ordered 3 " + unique, "Ordered 4 " + unique);
    }

    @Test
    void a410SwitchesTheWebhookOffAndSaysWhy() {
        JsonNode hook = register("post.added", "/gone-" + unique, "");
        receiver.answerNext("/gone-" + unique, 410);
        addPost("Gone " + unique, "draft");
        calls("/gone-" + unique, 1);
        Webhooks.Webhook stored = webhooks.findByPublicId(hook.path("id").asString()).orElseThrow();
        await().atMost(PATIENCE).until(() -> !webhooks.find(stored.id()).orElseThrow().active());
        assertThat(webhooks.find(stored.id()).orElseThrow().disabledReason()).contains("410");

        addPost("Gone again " + unique, "draft");
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2)).until(() -> receiver.callsTo("/gone-" + unique).size() == 1);
    }

    @Test
    void aDeliveryCanBeResentFromTheLog() {
        JsonNode hook = register("post.added", "/resend-" + unique, "key-" + unique);
        addPost("Resent " + unique, "draft");
        calls("/resend-" + unique, 1);
        Webhooks.Webhook stored = webhooks.findByPublicId(hook.path("id").asString()).orElseThrow();
        await().atMost(PATIENCE).until(() -> webhooks.deliveries(stored.id(), null, 10).get(0).status().equals("delivered"));
        webhooks.resend(webhooks.deliveries(stored.id(), null, 10).get(0).id());

        List<WebhookReceiver.Call> calls = calls("/resend-" + unique, 2);
        assertThat(calls.get(1).bodyText()).isEqualTo(calls.get(0).bodyText());
        assertThat(webhooks.deliveries(stored.id(), null, 10).get(0).resentFrom()).isNotNull();
    }

    @Test
    void importsFireNothing() {
        register("post.added", "/imported-" + unique, "");
        publishing.publishDated(Actor.importer("test archive"), new Publishing.PublishDated(ArticleKind.ARTICLE,
                ArticleContent.markdown("Imported " + unique, null, null, desk.id(), List.of(byline.id()), List.of(),
                        "From the archive.", null, "en"), Instant.parse("2020-05-01T10:00:00Z"), true));
        addPost("Not imported " + unique, "draft");
        List<WebhookReceiver.Call> calls = calls("/imported-" + unique, 1);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> receiver.callsTo("/imported-" + unique).size() == 1);
        assertThat(calls.get(0).bodyText()).contains("Not imported " + unique).doesNotContain("Imported " + unique);
    }

    @Test
    void tagsABulkImportCreatesAreAddedOneByOneToWebhooks() {
        register("tag.added", "/bulk-tags-" + unique, "");
        Actor importer = Actor.importer("test archive");
        List<String> names = List.of("Bulk harbour " + unique, "Bulk ferries " + unique);
        archiveImports.write(importer, "test archive", List.of(archiveImports.prepare(importer,
                new org.masthead.content.ArchiveImports.Incoming("bulk-tags:" + unique, ArticleKind.ARTICLE,
                        ArticleContent.markdown("Bulk tagged " + unique, null, null, desk.id(), List.of(byline.id()),
                                names, "From the archive.", null, "en"),
                        org.masthead.content.ArticleStatus.PUBLISHED, Instant.parse("2020-05-01T10:00:00Z"),
                        Instant.parse("2020-05-01T10:00:00Z"), Instant.parse("2020-05-01T10:00:00Z"), null, List.of()))));
        List<String> added = calls("/bulk-tags-" + unique, 2).stream()
                .map(call -> GhostClient.JSON.readTree(call.bodyText()).path("tag").path("current").path("name").asString())
                .toList();
        assertThat(added).containsExactlyInAnyOrderElementsOf(names);
    }

    @Test
    void pagesTagsAndTheSiteFireTheirOwnEvents() {
        register("page.published", "/page-" + unique, "");
        register("tag.edited", "/tag-" + unique, "");
        register("site.changed", "/site-" + unique, "");
        Answer page = ghost.admin(app, "POST", "pages/?source=html", Map.of("pages", List.of(Map.of(
                "title", "Hooked page " + unique, "html", "<p>Page.</p>", "status", "published"))));
        assertThat(page.status()).isEqualTo(201);
        var tag = tags.create(Actor.system("test"), "Hooked " + unique, "", "");
        tags.update(Actor.system("test"), tag.id(), "Hooked, renamed " + unique, tag.slug(), "Now described.");

        JsonNode pagePayload = GhostClient.JSON.readTree(calls("/page-" + unique, 1).get(0).bodyText());
        assertThat(pagePayload.path("page").path("current").path("title").asString()).isEqualTo("Hooked page " + unique);
        JsonNode tagPayload = GhostClient.JSON.readTree(calls("/tag-" + unique, 1).get(0).bodyText());
        assertThat(tagPayload.path("tag").path("current").path("name").asString()).isEqualTo("Hooked, renamed " + unique);
        assertThat(tagPayload.path("tag").path("previous").path("name").asString()).isEqualTo("Hooked " + unique);
        assertThat(tagPayload.path("tag").path("previous").path("description").isNull()).isTrue();
        assertThat(calls("/site-" + unique, 1).get(0).bodyText()).isEqualTo("{\"event\":\"site.changed\"}");
    }

    @Test
    void webhooksNeedAKnownEventAndAnHttpTarget() {
        Answer unknownEvent = ghost.admin(app, "POST", "webhooks/", Map.of("webhooks", List.of(Map.of("event", "post.exploded",
                "target_url", receiver.url("/x")))));
        assertThat(unknownEvent.status()).isEqualTo(422);
        assertThat(unknownEvent.error().path("property").asString()).isEqualTo("event");
        Answer ftp = ghost.admin(app, "POST", "webhooks/", Map.of("webhooks", List.of(Map.of("event", "post.added",
                "target_url", "ftp://example.org/hook"))));
        assertThat(ftp.status()).isEqualTo(422);
        assertThat(ftp.error().path("property").asString()).isEqualTo("target_url");

        Integration draftsOnly = integrations.create("Drafts hooks " + unique, "", Actor.Role.CONTRIBUTOR, 1L);
        Answer refused = ghost.admin(draftsOnly, "POST", "webhooks/", Map.of("webhooks", List.of(Map.of("event", "post.added",
                "target_url", receiver.url("/x")))));
        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void anIntegrationEditsAndDeletesItsOwnWebhooks() {
        JsonNode hook = register("post.added", "/editable-" + unique, "");
        String id = hook.path("id").asString();
        Answer edited = ghost.admin(app, "PUT", "webhooks/" + id + "/", Map.of("webhooks", List.of(Map.of("event", "post.edited"))));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().path("webhooks").path(0).path("event").asString()).isEqualTo("post.edited");
        assertThat(edited.json().path("webhooks").path(0).path("target_url").asString()).isEqualTo(receiver.url("/editable-" + unique));

        Integration other = integrations.create("Other hooks " + unique, "", Actor.Role.EDITOR, 1L);
        assertThat(ghost.admin(other, "DELETE", "webhooks/" + id + "/", null).status()).isEqualTo(404);
        assertThat(ghost.admin(app, "DELETE", "webhooks/" + id + "/", null).status()).isEqualTo(204);
    }
}
