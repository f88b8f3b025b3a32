package org.masthead.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.api.integrations.Integration;
import org.masthead.api.integrations.Integrations;
import org.masthead.content.Actor;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.GhostClient;
import org.masthead.support.GhostClient.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Ghost's {@code /db/} endpoint of the Admin API: an Editor integration imports an export sent as the multipart
 * {@code importfile} field and gets Ghost's {@code {"db":[],"problems":[…]}}, or downloads the site as a Ghost export;
 * other roles are refused, and a missing or unreadable file is a validation error that names the problem. Every export
 * sent here is made for the test (its own site address, ids, uuids and slugs), so it meets no other import.
 */
@EmptySiteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminDatabaseApiTests {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort int port;
    @Autowired Integrations integrations;
    @Autowired JdbcClient jdbc;

    GhostClient ghost;
    Integration editorApp;
    Integration contributorApp;

    @BeforeAll
    void integrations() {
        ghost = new GhostClient(port);
        String unique = hex(3);
        editorApp = integrations.create("Db editor " + unique, "", Actor.Role.EDITOR, 1L);
        contributorApp = integrations.create("Db contributor " + unique, "", Actor.Role.CONTRIBUTOR, 1L);
    }

    @Test
    void anEditorIntegrationImportsAGhostExportAndHearsOfItsProblems() {
        Export export = new Export();

        Answer answer = importFile(editorApp, "ghost-export.json", export.json().getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("db").isArray()).isTrue();
        assertThat(answer.json().path("db").size()).isZero();
        JsonNode problems = answer.json().path("problems");
        assertThat(problems.isArray()).isTrue();
        // the second post takes the first one's slug: Ghost's importer skips it, and so does this one, saying so
        assertThat(problems).anySatisfy(problem -> {
            assertThat(problem.path("message").asString()).startsWith("skipped duplicate slug:")
                    .contains("Second copy " + export.unique);
            assertThat(problem.path("help").asString()).isEqualTo("Import");
        });

        Answer published = ghost.admin(editorApp, "GET", "posts/" + export.publishedId + "/", null);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        JsonNode post = published.json().path("posts").path(0);
        assertThat(post.path("id").asString()).isEqualTo(export.publishedId);
        assertThat(post.path("title").asString()).isEqualTo("Arrived through the API " + export.unique);
        assertThat(post.path("slug").asString()).isEqualTo("arrived-" + export.unique);
        assertThat(post.path("status").asString()).isEqualTo("published");
        assertThat(post.path("published_at").asString()).startsWith("2025-05-01T10:00:00");

        assertThat(jdbc.sql("select status from article where public_id = ?").param(export.draftId).query(String.class)
                .single()).isEqualTo("draft");
        assertThat(jdbc.sql("select count(*) from article where public_id = ?").param(export.copyId).query(Long.class)
                .single()).isZero();
        assertThat(importedFrom(export)).isEqualTo(2);
    }

    @Test
    void aContributorIntegrationMayNotImportOrExport() {
        Export export = new Export();

        Answer refused = importFile(contributorApp, "ghost-export.json", export.json().getBytes(StandardCharsets.UTF_8));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.error().path("type").asString()).isEqualTo("NoPermissionError");
        assertThat(importedFrom(export)).isZero();

        Answer download = ghost.admin(contributorApp, "GET", "db/", null);
        assertThat(download.status()).isEqualTo(403);
        assertThat(download.error().path("type").asString()).isEqualTo("NoPermissionError");
    }

    @Test
    void withoutAnImportfileTheRequestIsAValidationError() {
        Export export = new Export();

        // the export sent as "file", the field images use, not "importfile"
        Answer answer = ghost.upload(editorApp, "db/", "ghost-export.json", export.json().getBytes(StandardCharsets.UTF_8),
                Map.of());

        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        assertThat(answer.error().path("type").asString()).isEqualTo("ValidationError");
        assertThat(answer.error().path("property").asString()).isEqualTo("importfile");
        assertThat(importedFrom(export)).isZero();
    }

    @Test
    void aFileThatIsNoArchiveIsAValidationErrorNamingTheProblem() {
        Answer text = importFile(editorApp, "notes.txt", "Just some notes, not an export.".getBytes(StandardCharsets.UTF_8));

        assertThat(text.status()).as(text.body()).isEqualTo(422);
        assertThat(text.error().path("type").asString()).isEqualTo("ValidationError");
        assertThat(text.error().path("property").asString()).isEqualTo("importfile");
        assertThat(text.error().path("message").asString())
                .isEqualTo("The file is neither a WordPress export (WXR, XML) nor a Ghost export (JSON).");

        Answer otherJson = importFile(editorApp, "posts.json", "{\"posts\": []}".getBytes(StandardCharsets.UTF_8));
        assertThat(otherJson.status()).isEqualTo(422);
        assertThat(otherJson.error().path("message").asString()).startsWith("This is not a Ghost export:")
                .contains("\"data\"");

        Export export = new Export();
        String json = export.json();
        Answer cut = importFile(editorApp, "cut.json", json.substring(0, json.length() / 2).getBytes(StandardCharsets.UTF_8));
        assertThat(cut.status()).isEqualTo(422);
        assertThat(cut.error().path("message").asString()).contains("truncated");
        assertThat(importedFrom(export)).isZero();
    }

    @Test
    void anEditorIntegrationDownloadsTheSiteAsAGhostExport() {
        Export export = new Export();
        assertThat(importFile(editorApp, "ghost-export.json", export.json().getBytes(StandardCharsets.UTF_8)).status())
                .isEqualTo(200);

        Answer download = ghost.admin(editorApp, "GET", "db/", null);

        assertThat(download.status()).as(download.body()).isEqualTo(200);
        assertThat(download.header("Content-Type")).startsWith("application/json");
        assertThat(download.header("Content-Disposition")).startsWith("attachment");
        JsonNode db = download.json().path("db").path(0);
        assertThat(db.path("meta").path("version").asString()).isEqualTo("6.0.0");
        assertThat(db.path("data").path("posts")).filteredOn(post -> post.path("id").asString().equals(export.publishedId))
                .singleElement().satisfies(post -> {
                    assertThat(post.path("title").asString()).isEqualTo("Arrived through the API " + export.unique);
                    assertThat(post.path("slug").asString()).isEqualTo("arrived-" + export.unique);
                    assertThat(post.path("status").asString()).isEqualTo("published");
                    assertThat(post.path("html").asString()).contains("Arrived through /db/.");
                });
        assertThat(db.path("data").path("posts")).filteredOn(post -> post.path("id").asString().equals(export.draftId))
                .singleElement().satisfies(post -> assertThat(post.path("status").asString()).isEqualTo("draft"));
        assertThat(db.path("data").path("tags")).anySatisfy(tag ->
                assertThat(tag.path("name").asString()).isEqualTo("Imported " + export.unique));
    }

    // --- helpers

    /** How many articles an import of this export made (its keys carry its site's address). */
    private long importedFrom(Export export) {
        return jdbc.sql("select count(*) from article where import_key like ?").param(export.site + "|%")
                .query(Long.class).single();
    }

    /** POST /db/ with the file as the multipart "importfile" field, as Ghost's Admin API client sends an import. */
    private Answer importFile(Integration integration, String fileName, byte[] bytes) {
        String boundary = "----masthead" + UUID.randomUUID();
        byte[] start = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"importfile\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/json\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[start.length + bytes.length + end.length];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(bytes, 0, body, start.length, bytes.length);
        System.arraycopy(end, 0, body, start.length + bytes.length, end.length);
        HttpRequest request = HttpRequest.newBuilder(URI.create(ghost.base() + "/ghost/api/admin/db/"))
                .header("Authorization", "Ghost " + GhostClient.token(integration, Instant.now()))
                .header("Accept-Version", "v6.0")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode json = text != null && text.startsWith("{") ? GhostClient.JSON.readTree(text) : null;
            return new Answer(response.statusCode(), response.headers().map(), text, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /**
     * A small Ghost 6 export of a site of its own: a published post with a byline and a tag, a draft, and a third post
     * whose slug the first already has.
     */
    private static final class Export {
        final String unique = hex(4);
        final String site = "https://db-" + unique + ".invalid";
        final String publishedId = hex(12);
        final String draftId = hex(12);
        final String copyId = hex(12);
        final String userId = hex(12);
        final String tagId = hex(12);

        String json() {
            return """
                    {"db": [{"meta": {"exported_on": 1746093600000, "version": "6.0.0"}, "data": {
                      "posts": [
                        {"id": "PUBLISHED", "uuid": "UUID1", "title": "Arrived through the API U", "slug": "arrived-U",
                         "html": "<p>Arrived through /db/.</p>", "mobiledoc": null, "lexical": null, "type": "post",
                         "status": "published", "visibility": "public", "featured": false,
                         "created_at": "2025-05-01T09:00:00.000Z", "updated_at": "2025-05-01T10:00:00.000Z",
                         "published_at": "2025-05-01T10:00:00.000Z", "custom_excerpt": "Sent to /db/."},
                        {"id": "DRAFT", "uuid": "UUID2", "title": "Still a draft U", "slug": "still-a-draft-U",
                         "html": "<p>Not yet.</p>", "type": "post", "status": "draft", "visibility": "public",
                         "created_at": "2025-05-02T09:00:00.000Z", "updated_at": "2025-05-02T09:00:00.000Z",
                         "published_at": null},
                        {"id": "COPY", "uuid": "UUID3", "title": "Second copy U", "slug": "arrived-U",
                         "html": "<p>The same slug again.</p>", "type": "post", "status": "published", "visibility": "public",
                         "created_at": "2025-05-03T09:00:00.000Z", "updated_at": "2025-05-03T09:00:00.000Z",
                         "published_at": "2025-05-03T09:00:00.000Z"}
                      ],
                      "posts_authors": [
                        {"id": "AUTHORLINK1", "post_id": "PUBLISHED", "author_id": "USER", "sort_order": 0},
                        {"id": "AUTHORLINK2", "post_id": "DRAFT", "author_id": "USER", "sort_order": 0}
                      ],
                      "posts_tags": [{"id": "TAGLINK1", "post_id": "PUBLISHED", "tag_id": "TAG", "sort_order": 0}],
                      "tags": [{"id": "TAG", "name": "Imported U", "slug": "imported-U", "visibility": "public"}],
                      "users": [{"id": "USER", "name": "Api Importer U", "slug": "api-importer-U",
                                 "email": "importer-U@example.org", "status": "active"}],
                      "settings": [{"key": "url", "value": "SITE"}, {"key": "title", "value": "Db test U"}]
                    }}]}
                    """.replace("PUBLISHED", publishedId).replace("DRAFT", draftId).replace("COPY", copyId)
                    .replace("AUTHORLINK1", hex(12)).replace("AUTHORLINK2", hex(12)).replace("TAGLINK1", hex(12))
                    .replace("USER", userId).replace("TAG", tagId)
                    .replace("UUID1", UUID.randomUUID().toString()).replace("UUID2", UUID.randomUUID().toString())
                    .replace("UUID3", UUID.randomUUID().toString())
                    .replace("SITE", site).replace(" U\"", " " + unique + "\"").replace("-U\"", "-" + unique + "\"")
                    .replace("importer-U@", "importer-" + unique + "@");
        }
    }
}
