package org.masthead.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.api.integrations.Integration;
import org.masthead.api.integrations.Integrations;
import org.masthead.content.Actor;
import org.masthead.content.ArticleHistory;
import org.masthead.content.ArticleStatus;
import org.masthead.content.Author;
import org.masthead.content.Authors;
import org.masthead.content.Publishing;
import org.masthead.content.Section;
import org.masthead.content.Sections;
import org.masthead.identity.StaffAccounts;
import org.masthead.identity.StaffMember;
import org.masthead.identity.StaffRole;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.GhostClient;
import org.masthead.support.GhostClient.Answer;
import org.masthead.media.UploadTestsSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The Admin API over HTTP (reference §2): Ghost's token rules and their exact errors, posts and pages through the
 * one write path (revision, audit entry naming the integration, workflow rules for its role), Ghost's
 * {@code updated_at} collision rule, relations by name, slug, id or email, tags, users, site and image uploads.
 */
@EmptySiteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiContractTests {

    @LocalServerPort int port;
    @Autowired Integrations integrations;
    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired StaffAccounts staff;
    @Autowired Publishing publishing;
    @Autowired ArticleHistory history;
    @Autowired JdbcClient jdbc;

    GhostClient ghost;
    String unique;
    Integration editorApp;
    Integration draftsOnly;
    Integration reporterApp;
    Section desk;
    Author byline;
    StaffMember writer;

    @BeforeAll
    void integrations() {
        ghost = new GhostClient(port);
        unique = UUID.randomUUID().toString().substring(0, 6);
        desk = sections.create("Wire " + unique, "", 0);
        byline = authors.create("Api Writer " + unique, "Reporter", "", null, List.of());
        writer = staff.create("api-writer-" + unique + "@test", "Api Writer " + unique, "correct horse battery",
                StaffRole.REPORTER, byline.id());
        editorApp = integrations.create("Editor app " + unique, "", Actor.Role.EDITOR, 1L);
        draftsOnly = integrations.create("Drafts app " + unique, "", Actor.Role.CONTRIBUTOR, 1L);
        reporterApp = integrations.create("Reporter app " + unique, "", Actor.Role.REPORTER, 1L);
    }

    private Map<String, Object> post(Map<String, Object> fields) {
        return Map.of("posts", List.of(fields));
    }

    private JsonNode created(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("posts").path(0);
    }

    // --- tokens

    @Test
    void withoutATokenTheAdminApiRefusesAsGhostDoes() {
        Answer answer = ghost.admin((String) null, "GET", "posts/", null);
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.error().path("type").asString()).isEqualTo("NoPermissionError");
        assertThat(answer.error().path("message").asString()).isEqualTo("Authorization failed");
    }

    @Test
    void malformedAndForgedTokensGetGhostsCodes() {
        Answer badScheme = ghost.get("/ghost/api/admin/posts/", "Authorization", "Bearer abc");
        assertThat(badScheme.status()).isEqualTo(401);
        assertThat(badScheme.error().path("code").asString()).isEqualTo("INVALID_AUTH_HEADER");

        Answer undecodable = ghost.admin("not.a.jwt", "GET", "posts/", null);
        assertThat(undecodable.status()).isEqualTo(400);
        assertThat(undecodable.error().path("code").asString()).isEqualTo("INVALID_JWT");

        Answer noKid = ghost.admin(GhostClient.token(null, editorApp.adminSecret(), Instant.now(), "/admin/"), "GET", "posts/", null);
        assertThat(noKid.status()).isEqualTo(400);
        assertThat(noKid.error().path("code").asString()).isEqualTo("MISSING_ADMIN_API_KID");

        Answer unknownKid = ghost.admin(GhostClient.token("0123456789abcdef01234567", editorApp.adminSecret(), Instant.now(),
                "/admin/"), "GET", "posts/", null);
        assertThat(unknownKid.status()).isEqualTo(401);
        assertThat(unknownKid.error().path("code").asString()).isEqualTo("UNKNOWN_ADMIN_API_KEY");

        String otherSecret = HexFormat.of().formatHex(new byte[32]);
        Answer forged = ghost.admin(GhostClient.token(editorApp.adminKeyId(), otherSecret, Instant.now(), "/admin/"), "GET",
                "posts/", null);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.error().path("code").asString()).isEqualTo("INVALID_JWT");
        assertThat(forged.error().path("message").asString()).startsWith("Invalid token:");
    }

    @Test
    void aTokenLivesFiveMinutesFromIatAndMustBeMeantForAdmin() {
        Answer old = ghost.admin(GhostClient.token(editorApp.adminKeyId(), editorApp.adminSecret(),
                Instant.now().minusSeconds(360), "/admin/"), "GET", "posts/", null);
        assertThat(old.status()).isEqualTo(401);
        assertThat(old.error().path("message").asString()).isEqualTo("Invalid token: maxAge exceeded");

        Answer noIat = ghost.admin(GhostClient.token(editorApp.adminKeyId(), editorApp.adminSecret(), null, "/admin/"), "GET",
                "posts/", null);
        assertThat(noIat.error().path("message").asString()).isEqualTo("Invalid token: iat required when maxAge is specified");

        Answer noAudience = ghost.admin(GhostClient.token(editorApp.adminKeyId(), editorApp.adminSecret(), Instant.now(), null),
                "GET", "posts/", null);
        assertThat(noAudience.status()).isEqualTo(401);
        assertThat(noAudience.error().path("message").asString()).startsWith("Invalid token: jwt audience invalid");

        Answer versioned = ghost.admin(GhostClient.token(editorApp.adminKeyId(), editorApp.adminSecret(), Instant.now(),
                "/v4/admin/"), "GET", "posts/", null);
        assertThat(versioned.status()).isEqualTo(200);
    }

    @Test
    void aContentKeyIsNoAdminKey() {
        Answer answer = ghost.admin(GhostClient.token(editorApp.contentKey(), editorApp.adminSecret(), Instant.now(), "/admin/"),
                "GET", "posts/", null);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.error().path("code").asString()).isEqualTo("INVALID_API_KEY_TYPE");
    }

    @Test
    void aRegeneratedKeyStopsTheOldTokensAtOnce() {
        Integration app = integrations.create("Rotating " + unique, "", Actor.Role.EDITOR, 1L);
        assertThat(ghost.admin(app, "GET", "posts/?limit=1", null).status()).isEqualTo(200);
        Integration rotated = integrations.regenerateAdminKey(app.id());
        assertThat(ghost.admin(app, "GET", "posts/?limit=1", null).status()).isEqualTo(401);
        assertThat(ghost.admin(rotated, "GET", "posts/?limit=1", null).status()).isEqualTo(200);
        integrations.delete(app.id());
        assertThat(ghost.admin(rotated, "GET", "posts/?limit=1", null).status()).isEqualTo(401);
    }

    @Test
    void theSiteIsOpenToAnyClient() {
        Answer site = ghost.get("/ghost/api/admin/site/");
        assertThat(site.status()).isEqualTo(200);
        assertThat(site.json().path("site").path("version").asString()).isEqualTo("6.0");
        assertThat(site.json().path("site").path("url").asString()).endsWith("/");
    }

    // --- posts

    @Test
    void addingAPostFromHtmlKeepsItAsADraftWithARevisionAndTheIntegrationInTheAuditLog() {
        JsonNode post = created(ghost.admin(editorApp, "POST", "posts/?source=html", post(Map.of(
                "title", "From the wire " + unique,
                "html", "<p>First paragraph with <a href=\"https://example.org\">a link</a>.</p><h2>More</h2><p>Second.</p>",
                "tags", List.of("Wire " + unique, Map.of("name", "Brand new " + unique)),
                "authors", List.of(writer.email()),
                "custom_excerpt", "The wire's summary.",
                "featured", true))));

        assertThat(post.path("status").asString()).isEqualTo("draft");
        assertThat(post.path("slug").asString()).isEqualTo("from-the-wire-" + unique);
        assertThat(post.path("custom_excerpt").asString()).isEqualTo("The wire's summary.");
        assertThat(post.path("featured").asBoolean()).isTrue();
        assertThat(post.path("lexical").asString()).contains("\"root\"").contains("First paragraph");
        assertThat(post.path("mobiledoc").isNull()).isTrue();
        assertThat(post.path("authors").path(0).path("email").asString()).isEqualTo(writer.email());
        assertThat(post.path("authors").path(0).path("roles").path(0).path("name").asString()).isEqualTo("Author");
        assertThat(post.path("tags")).extracting(tag -> tag.path("name").asString())
                .containsExactly("Wire " + unique, "Brand new " + unique);
        assertThat(post.path("section").path("slug").asString()).isEqualTo(desk.slug());
        assertThat(post.path("created_at").asString()).endsWith("Z");

        long id = jdbc.sql("select id from content_post where public_id = ?").param(post.path("id").asString())
                .query(Long.class).single();
        assertThat(history.revisions(id)).singleElement().satisfies(revision ->
                assertThat(revision.actorName()).isEqualTo("Editor app " + unique));
        assertThat(jdbc.sql("select actor_kind || ':' || actor_name from audit_log where article_id = ?").param(id)
                .query(String.class).list()).containsExactly("integration:Editor app " + unique);
    }

    @Test
    void htmlWithoutSourceHtmlIsRefusedRatherThanDropped() {
        Answer answer = ghost.admin(editorApp, "POST", "posts/", post(Map.of("title", "No source " + unique, "html", "<p>x</p>")));
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.error().path("type").asString()).isEqualTo("ValidationError");
        assertThat(answer.error().path("property").asString()).isEqualTo("html");
        assertThat(answer.error().path("message").asString()).isEqualTo("Validation error, cannot save post.");
    }

    @Test
    void aPostNeedsATitleAndTheRootKey() {
        Answer untitled = ghost.admin(editorApp, "POST", "posts/", post(Map.of("custom_excerpt", "x")));
        assertThat(untitled.status()).isEqualTo(422);
        assertThat(untitled.error().path("property").asString()).isEqualTo("title");

        Answer noRoot = ghost.admin(editorApp, "POST", "posts/", Map.of("title", "x"));
        assertThat(noRoot.status()).isEqualTo(422);
        assertThat(noRoot.error().path("context").asString()).isEqualTo("No root key ('posts') provided.");

        Answer notJson = ghost.admin(editorApp, "POST", "posts/", "{not json");
        assertThat(notJson.status()).isEqualTo(400);
    }

    @Test
    void lexicalRoundTripsThroughTheAdminApi() {
        String lexical = """
                {"root":{"children":[{"children":[{"detail":0,"format":1,"mode":"normal","style":"","text":"Bold start",
                "type":"text","version":1},{"detail":0,"format":0,"mode":"normal","style":"","text":" and the rest.",
                "type":"text","version":1}],"direction":"ltr","format":"","indent":0,"type":"paragraph","version":1}],
                "direction":"ltr","format":"","indent":0,"type":"root","version":1}}
                """;
        JsonNode post = created(ghost.admin(editorApp, "POST", "posts/?formats=html,lexical",
                post(Map.of("title", "Lexical " + unique, "lexical", lexical))));
        assertThat(post.path("html").asString()).isEqualTo("<p><strong>Bold start</strong> and the rest.</p>");
        assertThat(post.path("lexical").asString()).contains("Bold start");
    }

    @Test
    void publishingNeedsTheRoleTheAdministratorGranted() {
        Answer refused = ghost.admin(draftsOnly, "POST", "posts/?source=html", post(Map.of("title", "Eager " + unique,
                "html", "<p>Now.</p>", "status", "published", "authors", List.of(writer.email()))));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.error().path("type").asString()).isEqualTo("NoPermissionError");
        assertThat(jdbc.sql("select count(*) from content_post where headline = ?").param("Eager " + unique)
                .query(Long.class).single()).isZero();

        JsonNode draft = created(ghost.admin(draftsOnly, "POST", "posts/?source=html", post(Map.of("title", "Patient " + unique,
                "html", "<p>Later.</p>", "authors", List.of(writer.email())))));
        assertThat(draft.path("status").asString()).isEqualTo("draft");
        Answer publish = ghost.admin(draftsOnly, "PUT", "posts/" + draft.path("id").asString() + "/", post(Map.of(
                "status", "published", "updated_at", draft.path("updated_at").asString())));
        assertThat(publish.status()).isEqualTo(403);

        JsonNode own = created(ghost.admin(reporterApp, "POST", "posts/?source=html", post(Map.of("title", "Reported " + unique,
                "html", "<p>Now.</p>", "status", "published", "authors", List.of(writer.email())))));
        assertThat(own.path("status").asString()).isEqualTo("published");
        Answer others = ghost.admin(reporterApp, "PUT", "posts/" + draft.path("id").asString() + "/", post(Map.of(
                "title", "Taken over", "updated_at", draft.path("updated_at").asString())));
        assertThat(others.status()).isEqualTo(403);
    }

    @Test
    void aDraftsOnlyIntegrationSeesOnlyWhatItWrote() {
        created(ghost.admin(editorApp, "POST", "posts/", post(Map.of("title", "Editor's own " + unique))));
        JsonNode mine = created(ghost.admin(draftsOnly, "POST", "posts/", post(Map.of("title", "Mine " + unique))));
        Answer listed = ghost.admin(draftsOnly, "GET", "posts/?limit=all&fields=title", null);
        assertThat(listed.body()).contains("Mine " + unique).doesNotContain("Editor's own " + unique);
        assertThat(ghost.admin(draftsOnly, "GET", "posts/" + mine.path("id").asString() + "/", null).status()).isEqualTo(200);
    }

    @Test
    void publishingSchedulingAndUnpublishingFollowGhostsStatuses() {
        JsonNode draft = created(ghost.admin(editorApp, "POST", "posts/?source=html", post(Map.of("title", "Lifecycle " + unique,
                "html", "<p>Body.</p>", "authors", List.of(Map.of("slug", byline.slug()))))));
        String id = draft.path("id").asString();

        Instant later = Instant.now().plusSeconds(7_200).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        JsonNode scheduled = edit(id, Map.of("status", "scheduled", "published_at", later.toString(),
                "updated_at", draft.path("updated_at").asString()));
        assertThat(scheduled.path("status").asString()).isEqualTo("scheduled");
        assertThat(scheduled.path("published_at").asString()).isEqualTo(later.toString().replace("Z", ".000Z"));

        JsonNode published = edit(id, Map.of("status", "published", "updated_at", scheduled.path("updated_at").asString()));
        assertThat(published.path("status").asString()).isEqualTo("published");
        assertThat(ghost.content(editorApp, "posts/" + id + "/", "").status()).isEqualTo(200);

        JsonNode unpublished = edit(id, Map.of("status", "draft", "updated_at", published.path("updated_at").asString()));
        assertThat(unpublished.path("status").asString()).isEqualTo("draft");
        assertThat(ghost.content(editorApp, "posts/" + id + "/", "").status()).isEqualTo(404);

        Answer backwards = ghost.admin(editorApp, "PUT", "posts/" + id + "/", post(Map.of("status", "scheduled",
                "published_at", "2020-01-01T00:00:00.000Z", "updated_at", unpublished.path("updated_at").asString())));
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.error().path("property").asString()).isEqualTo("published_at");
    }

    @Test
    void aPostPublishedElsewhereFirstKeepsItsEarlierDate() {
        JsonNode post = created(ghost.admin(editorApp, "POST", "posts/?source=html", post(Map.of("title", "Republished " + unique,
                "html", "<p>Syndicated.</p>", "status", "published", "published_at", "2025-06-01T08:00:00.000Z",
                "canonical_url", "https://origin.example/story", "authors", List.of(writer.email())))));
        assertThat(post.path("published_at").asString()).isEqualTo("2025-06-01T08:00:00.000Z");
        assertThat(post.path("canonical_url").asString()).isEqualTo("https://origin.example/story");
        String page = ghost.get("/articles/" + post.path("slug").asString()).body();
        assertThat(page).contains("<link rel=\"canonical\" href=\"https://origin.example/story\">");
    }

    private JsonNode edit(String id, Map<String, Object> fields) {
        Answer answer = ghost.admin(editorApp, "PUT", "posts/" + id + "/", post(fields));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().path("posts").path(0);
    }

    @Test
    void aStaleUpdatedAtIsACollisionUnlessNothingChanges() {
        JsonNode draft = created(ghost.admin(editorApp, "POST", "posts/", post(Map.of("title", "Contested " + unique))));
        String id = draft.path("id").asString();
        String seen = draft.path("updated_at").asString();
        JsonNode first = edit(id, Map.of("title", "Contested, first " + unique, "updated_at", seen));

        Answer second = ghost.admin(editorApp, "PUT", "posts/" + id + "/", post(Map.of("title", "Contested, second " + unique,
                "updated_at", seen)));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.error().path("type").asString()).isEqualTo("UpdateCollisionError");
        assertThat(second.error().path("code").asString()).isEqualTo("UPDATE_COLLISION");
        assertThat(second.error().path("message").asString()).isEqualTo("Saving failed! Someone else is editing this post.");
        assertThat(second.error().path("details").path("clientUpdatedAt").asString()).isEqualTo(seen);
        assertThat(second.error().path("details").path("serverUpdatedAt").asString())
                .isEqualTo(first.path("updated_at").asString());
        assertThat(ghost.admin(editorApp, "GET", "posts/" + id + "/", null).json().path("posts").path(0).path("title")
                .asString()).isEqualTo("Contested, first " + unique);

        Answer unchanged = ghost.admin(editorApp, "PUT", "posts/" + id + "/", post(Map.of("title", "Contested, first " + unique,
                "updated_at", seen)));
        assertThat(unchanged.status()).isEqualTo(200);

        Answer missing = ghost.admin(editorApp, "PUT", "posts/" + id + "/", post(Map.of("title", "No token")));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.error().path("property").asString()).isEqualTo("updated_at");
    }

    @Test
    void relationsAreReplacedOnEditAndUnknownAuthorsAreRefused() {
        JsonNode draft = created(ghost.admin(editorApp, "POST", "posts/", post(Map.of("title", "Tagged " + unique,
                "tags", List.of("One " + unique, "Two " + unique)))));
        JsonNode edited = edit(draft.path("id").asString(), Map.of("tags", List.of(Map.of("slug", "two-" + unique)),
                "updated_at", draft.path("updated_at").asString()));
        assertThat(edited.path("tags")).extracting(tag -> tag.path("slug").asString()).containsExactly("two-" + unique);

        Answer nobody = ghost.admin(editorApp, "POST", "posts/", post(Map.of("title", "Ghostwritten " + unique,
                "authors", List.of("nobody-" + unique + "@nowhere.test"))));
        assertThat(nobody.status()).isEqualTo(422);
        assertThat(nobody.error().path("property").asString()).isEqualTo("authors");
    }

    @Test
    void deletingAPostAnswersNoContentAndItIsGone() {
        JsonNode draft = created(ghost.admin(editorApp, "POST", "posts/", post(Map.of("title", "Short-lived " + unique))));
        String id = draft.path("id").asString();
        Answer deleted = ghost.admin(editorApp, "DELETE", "posts/" + id + "/", null);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        Answer again = ghost.admin(editorApp, "GET", "posts/" + id + "/", null);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.error().path("message").asString()).isEqualTo("Resource not found error, cannot read post.");
    }

    @Test
    void browsingFiltersByStatusInGhostsWords() {
        created(ghost.admin(editorApp, "POST", "posts/", post(Map.of("title", "Status draft " + unique))));
        Answer drafts = ghost.admin(editorApp, "GET", "posts/?filter=" + java.net.URLEncoder.encode("status:draft+title:~'"
                + "status draft " + unique + "'", java.nio.charset.StandardCharsets.UTF_8), null);
        assertThat(drafts.json().path("posts")).hasSize(1);
        assertThat(drafts.json().path("posts").path(0).path("status").asString()).isEqualTo("draft");
    }

    @Test
    void pagesAreWrittenThroughTheirOwnResource() {
        Answer created = ghost.admin(editorApp, "POST", "pages/?source=html", Map.of("pages", List.of(Map.of(
                "title", "Contact " + unique, "html", "<p>Write to us.</p>", "status", "published"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode page = created.json().path("pages").path(0);
        assertThat(page.path("status").asString()).isEqualTo("published");
        assertThat(page.path("url").asString()).endsWith("/contact-" + unique);
        assertThat(ghost.get("/contact-" + unique).status()).isEqualTo(200);
        assertThat(ghost.admin(editorApp, "GET", "posts/" + page.path("id").asString() + "/", null).status()).isEqualTo(404);
    }

    @Test
    void codeInjectionAndMembersOnlyVisibilityAreRefusedNotSilentlyDropped() {
        Answer injected = ghost.admin(editorApp, "POST", "posts/", post(Map.of("title", "Injected " + unique,
                "codeinjection_head", "<script>alert(1)</script>")));
        assertThat(injected.status()).isEqualTo(422);
        assertThat(injected.error().path("property").asString()).isEqualTo("codeinjection_head");
        Answer members = ghost.admin(editorApp, "POST", "posts/", post(Map.of("title", "Paywalled " + unique,
                "visibility", "paid")));
        assertThat(members.status()).isEqualTo(422);
    }

    // --- images, tags, users

    @Test
    void anUploadedImageBecomesTheFeatureImageWithItsCredit() {
        Answer upload = ghost.upload(editorApp, "images/upload/", "harbour.jpg", UploadTestsSupport.jpeg(640, 480),
                Map.of("purpose", "image", "ref", "harbour-ref"));
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        String url = upload.json().path("images").path(0).path("url").asString();
        assertThat(url).startsWith("http://localhost:8080/media/").endsWith(".jpg");
        assertThat(upload.json().path("images").path(0).path("ref").asString()).isEqualTo("harbour-ref");

        JsonNode post = created(ghost.admin(editorApp, "POST", "posts/?source=html", post(Map.of("title", "Pictured " + unique,
                "html", "<p>With a picture.</p>", "feature_image", url, "feature_image_alt", "Cranes at dusk",
                "feature_image_caption", "<b>Cranes</b> at the port", "feature_image_credit", "Photo: Wire",
                "status", "published", "authors", List.of(writer.email())))));
        assertThat(post.path("feature_image").asString()).isEqualTo(url);
        assertThat(post.path("feature_image_caption").asString()).isEqualTo("Cranes at the port");
        assertThat(post.path("feature_image_credit").asString()).isEqualTo("Photo: Wire");
        assertThat(post.path("reading_time").asInt()).isZero();

        Answer elsewhere = ghost.admin(editorApp, "POST", "posts/", post(Map.of("title", "Hotlinked " + unique,
                "feature_image", "https://images.example/cat.jpg")));
        assertThat(elsewhere.status()).isEqualTo(422);
        assertThat(elsewhere.error().path("property").asString()).isEqualTo("feature_image");
    }

    @Test
    void aProfileImageMustBeSquareAndAFileIsRequired() {
        Answer oblong = ghost.upload(editorApp, "images/upload/", "face.jpg", UploadTestsSupport.jpeg(300, 200),
                Map.of("purpose", "profile_image"));
        assertThat(oblong.status()).isEqualTo(422);
        Answer notAnImage = ghost.upload(editorApp, "images/upload/", "notes.txt", "just text".getBytes(), Map.of());
        assertThat(notAnImage.status()).isEqualTo(415);
        assertThat(notAnImage.error().path("message").asString()).isEqualTo("Unsupported media error, cannot upload image.");
    }

    @Test
    void tagsAreManagedByEditorIntegrations() {
        Answer added = ghost.admin(editorApp, "POST", "tags/", Map.of("tags", List.of(Map.of("name", "Ports " + unique,
                "description", "Harbours and shipping."))));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        JsonNode tag = added.json().path("tags").path(0);
        assertThat(tag.path("slug").asString()).isEqualTo("ports-" + unique);
        String id = tag.path("id").asString();

        Answer edited = ghost.admin(editorApp, "PUT", "tags/" + id + "/", Map.of("tags", List.of(Map.of("name", "Ports and docks " + unique))));
        assertThat(edited.json().path("tags").path(0).path("name").asString()).isEqualTo("Ports and docks " + unique);
        assertThat(edited.json().path("tags").path(0).path("description").asString()).isEqualTo("Harbours and shipping.");

        Answer refused = ghost.admin(draftsOnly, "DELETE", "tags/" + id + "/", null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(ghost.admin(editorApp, "DELETE", "tags/" + id + "/", null).status()).isEqualTo(204);
        assertThat(ghost.admin(editorApp, "GET", "tags/" + id + "/", null).status()).isEqualTo(404);
        Answer internal = ghost.admin(editorApp, "POST", "tags/", Map.of("tags", List.of(Map.of("name", "#internal-" + unique))));
        assertThat(internal.json().path("tags").path(0).path("visibility").asString()).isEqualTo("internal");
        assertThat(internal.json().path("tags").path(0).path("slug").asString()).isEqualTo("hash-internal-" + unique);
    }

    @Test
    void usersAreTheBylinesWithTheirAccountsEmailAndRole() {
        Answer byEmail = ghost.admin(editorApp, "GET", "users/email/" + writer.email() + "/", null);
        assertThat(byEmail.status()).as(byEmail.body()).isEqualTo(200);
        JsonNode user = byEmail.json().path("users").path(0);
        assertThat(user.path("slug").asString()).isEqualTo(byline.slug());
        assertThat(user.path("roles").path(0).path("name").asString()).isEqualTo("Author");
        assertThat(user.path("status").asString()).isEqualTo("active");
        Answer bySlug = ghost.admin(editorApp, "GET", "users/slug/" + byline.slug() + "/", null);
        assertThat(bySlug.json().path("users").path(0).path("email").asString()).isEqualTo(writer.email());
        assertThat(ghost.admin(editorApp, "GET", "users/?limit=all", null).json().path("users").size()).isPositive();
    }

    @Test
    void aStaffSessionIsNoCredentialForTheAdminApi() {
        org.masthead.support.NewsroomClient newsroom = new org.masthead.support.NewsroomClient(port);
        newsroom.signIn(writer.email(), "correct horse battery");
        java.net.http.HttpResponse<String> answer = newsroom.get("/ghost/api/admin/posts/");
        assertThat(answer.statusCode()).isEqualTo(403);
    }

    @Test
    void theStatusOfAPostInReviewReadsAsDraft() {
        Answer created = ghost.admin(editorApp, "POST", "posts/", post(Map.of("title", "In review " + unique)));
        String id = created(created).path("id").asString();
        long articleId = jdbc.sql("select id from content_post where public_id = ?").param(id).query(Long.class).single();
        var article = publishing.view(Actor.system("test"), articleId);
        publishing.revise(Actor.system("test"), new Publishing.Revise(articleId, article.version(),
                article.content().withSlug(article.slug()).withAuthors(List.of(byline.id())), "", Publishing.Then.KEEP));
        var current = publishing.view(Actor.system("test"), articleId);
        var withSection = new org.masthead.content.ArticleContent(current.content().headline(), current.slug(), null,
                desk.id(), List.of(byline.id()), List.of(), current.content().bodySource(), current.content().bodyFormat(),
                null, "en");
        current = publishing.revise(Actor.system("test"), new Publishing.Revise(articleId, current.version(), withSection, "",
                new Publishing.Then.SubmitForReview("")));
        assertThat(current.status()).isEqualTo(ArticleStatus.IN_REVIEW);
        assertThat(ghost.admin(editorApp, "GET", "posts/" + id + "/", null).json().path("posts").path(0).path("status")
                .asString()).isEqualTo("draft");
    }
}
