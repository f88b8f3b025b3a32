package org.masthead.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.api.integrations.Integration;
import org.masthead.api.integrations.Integrations;
import org.masthead.content.Actor;
import org.masthead.content.ArticleContent;
import org.masthead.content.ArticleKind;
import org.masthead.content.Author;
import org.masthead.content.Authors;
import org.masthead.content.EditableArticle;
import org.masthead.content.Publishing;
import org.masthead.content.Section;
import org.masthead.content.Sections;
import org.masthead.identity.StaffAccounts;
import org.masthead.identity.StaffMember;
import org.masthead.identity.StaffRole;
import org.masthead.media.UploadTestsSupport;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.GhostClient;
import org.masthead.support.GhostClient.Answer;
import org.masthead.support.Stories;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Keeps the OpenAPI description at {@code /ghost/api/openapi.json} true: it is sound OpenAPI 3.1, it documents
 * exactly the API routes the application maps, and real answers — fixtures made through the write path, other
 * tests' articles too, since the context is shared — match the JSON Schemas it declares for each path, method
 * and status. A change to an answer's shape, a new route or a new status fails here until the document says so.
 */
@EmptySiteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDescriptionTests {

    /** The identifier the served document is registered under, so its {@code $ref}s resolve; never fetched. */
    private static final String DOCUMENT = "https://masthead.test/ghost/api/openapi.json";
    private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";
    private static final String CONTENT = "/ghost/api/content/";
    private static final String ADMIN = "/ghost/api/admin/";
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

    @LocalServerPort int port;
    @Autowired Publishing publishing;
    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired StaffAccounts staff;
    @Autowired Integrations integrations;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    GhostClient ghost;
    Answer served;
    JsonNode document;
    SchemaRegistry schemas;
    String unique;
    Integration app;
    Section desk;
    Author writer;
    StaffMember account;
    EditableArticle story;
    EditableArticle page;

    @BeforeAll
    void documentAndNewsroom() {
        ghost = new GhostClient(port);
        served = ghost.get(OpenApiController.PATH);
        assertThat(served.status()).as(served.body()).isEqualTo(200);
        document = served.json();
        // draft 2020-12 as the document's jsonSchemaDialect says; formats asserted, so date-time and uri are checked
        schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, registry -> registry
                .schemas(Map.of(DOCUMENT, served.body()))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

        unique = UUID.randomUUID().toString().substring(0, 6);
        desk = sections.create("Spec desk " + unique, "", 0);
        writer = authors.create("Spec Writer " + unique, "Correspondent", "Writes to the spec.", null,
                List.of(new Author.AuthorLink("X", "https://x.com/specwriter"),
                        new Author.AuthorLink("Site", "https://spec.example/")));
        account = staff.create("spec-writer-" + unique + "@test", "Spec Writer " + unique, "correct horse battery",
                StaffRole.REPORTER, writer.id());
        story = new Stories(publishing).publish(Stories.content("Spec story " + unique, "What the spec says.", desk.id(),
                List.of(writer.id()), List.of("Spec " + unique, "#spec-internal-" + unique), "Words about the **spec**.",
                null, "en"), Instant.parse("2026-01-02T10:00:00Z"));
        page = publishing.publishDated(Stories.SYSTEM, new Publishing.PublishDated(ArticleKind.PAGE,
                ArticleContent.markdown("Spec page " + unique, "spec-page-" + unique, null, null, List.of(), List.of(),
                        "About the spec.", null, "en"), Instant.parse("2026-01-01T09:00:00Z"), false));
        app = integrations.create("Spec app " + unique, "", Actor.Role.EDITOR, 1L);
    }

    @AfterAll
    void tearDown() {
        integrations.delete(app.id()); // with its webhooks: later tests in this context owe them nothing
    }

    // --- the document itself

    @Test
    void theDescriptionIsServedWithoutCredentialsAndCached() {
        assertThat(served.header("Content-Type")).startsWith("application/json");
        assertThat(served.header("Cache-Control")).isEqualTo("public, max-age=300");
        assertThat(document.path("openapi").asString()).isEqualTo("3.1.0");
        assertThat(document.path("jsonSchemaDialect").asString()).isEqualTo(META_SCHEMA);
        assertThat(document.path("info").path("title").asString()).isEqualTo("Masthead Ghost-compatible API");
        assertThat(document.path("info").path("version").asString()).isEqualTo(GhostApi.VERSION);
    }

    @Test
    void theDescriptionIsStructurallySoundOpenApi() {
        List<String> problems = new ArrayList<>();
        unresolvedReferences(document, "#", problems);
        Set<String> operationIds = new HashSet<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            String template = path.getKey();
            if (!template.startsWith("/ghost/api/") || !template.endsWith("/")) {
                problems.add(template + ": not in Ghost's /ghost/api/…/ form, with its trailing slash");
            }
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                if (HTTP_METHODS.contains(entry.getKey())) {
                    String where = entry.getKey().toUpperCase(Locale.ROOT) + " " + template;
                    checkOperation(where, template, path.getValue(), entry.getValue(), operationIds, problems);
                }
            }
        }
        Schema metaSchema = schemas.getSchema(SchemaLocation.of(META_SCHEMA));
        for (Map.Entry<String, JsonNode> schema : document.path("components").path("schemas").properties()) {
            metaSchema.validate(schema.getValue()).forEach(error ->
                    problems.add("components/schemas/" + schema.getKey() + " is no JSON Schema 2020-12: " + error));
        }
        assertThat(problems).isEmpty();
    }

    private void checkOperation(String where, String template, JsonNode pathItem, JsonNode operation,
                                Set<String> operationIds, List<String> problems) {
        if (!operationIds.add(operation.path("operationId").asString(""))) {
            problems.add(where + ": operationId missing or used twice");
        }
        if (!operation.has("security")) {
            problems.add(where + ": says nothing of authentication (an open endpoint says security: [])");
        }
        for (JsonNode requirement : operation.path("security")) {
            requirement.propertyNames().forEach(scheme -> {
                if (!document.path("components").path("securitySchemes").has(scheme)) {
                    problems.add(where + ": unknown security scheme " + scheme);
                }
            });
        }
        if (operation.path("responses").isEmpty()) {
            problems.add(where + ": no responses");
        }
        for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
            JsonNode resolved = resolve(response.getValue());
            if (!response.getKey().matches("[1-5]\\d\\d") || !resolved.has("description")) {
                problems.add(where + " " + response.getKey() + ": not a status code with a description");
            }
            namedJsonSchema(where + " " + response.getKey(), resolved, problems);
        }
        namedJsonSchema(where + " request", resolve(operation.path("requestBody")), problems);
        Set<String> placeholders = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            placeholders.add(matcher.group(1));
        }
        Set<String> declared = new TreeSet<>();
        for (JsonNode parameters : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
            for (JsonNode parameter : parameters) {
                JsonNode resolved = resolve(parameter);
                if ("path".equals(resolved.path("in").asString("")) && resolved.path("required").asBoolean(false)) {
                    declared.add(resolved.path("name").asString(""));
                }
            }
        }
        if (!declared.equals(placeholders)) {
            problems.add(where + ": declares the required path parameters " + declared + " for " + placeholders);
        }
    }

    /** The schema validation below relies on this: a JSON body's schema is a named component. */
    private static void namedJsonSchema(String where, JsonNode responseOrRequest, List<String> problems) {
        JsonNode json = responseOrRequest.path("content").path("application/json");
        if (!json.isMissingNode() && !json.path("schema").path("$ref").asString("").startsWith("#/components/schemas/")) {
            problems.add(where + ": the JSON schema is not a $ref to #/components/schemas/…");
        }
    }

    /** Every {@code $ref} points into this document, at something that is there. */
    private void unresolvedReferences(JsonNode node, String at, List<String> problems) {
        if (node.isObject()) {
            JsonNode reference = node.path("$ref");
            if (reference.isString() && (!reference.asString().startsWith("#/")
                    || document.at(reference.asString().substring(1)).isMissingNode())) {
                problems.add(at + ": $ref " + reference.asString() + " does not resolve");
            }
            for (Map.Entry<String, JsonNode> child : node.properties()) {
                unresolvedReferences(child.getValue(), at + "/" + child.getKey(), problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                unresolvedReferences(node.get(i), at + "/" + i, problems);
            }
        }
    }

    // --- the routes

    @Test
    void everyRoutedEndpointIsDocumented() {
        Set<String> undocumented = new TreeSet<>(routed());
        undocumented.removeAll(documented());
        assertThat(undocumented).as("routed, but missing from the description").isEmpty();
    }

    @Test
    void everyDocumentedEndpointIsRouted() {
        Set<String> unrouted = new TreeSet<>(documented());
        unrouted.removeAll(routed());
        assertThat(unrouted).as("described, but not routed").isEmpty();
    }

    /** Method and path of every API handler, with Ghost's trailing slash and {@code {}} for any placeholder. */
    private Set<String> routed() {
        Set<String> routes = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            for (String pattern : info.getPatternValues()) {
                // the catch-all only answers Ghost's 404/406 for what no endpoint serves; the document is not the API
                if (!pattern.startsWith("/ghost/api/") || pattern.equals("/ghost/api/**")
                        || pattern.equals(OpenApiController.PATH)) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                if (methods.isEmpty()) {
                    routes.add("ANY " + normalised(pattern)); // no OpenAPI operation can say "any method"
                }
                methods.forEach(method -> routes.add(method.name() + " " + normalised(pattern)));
            }
        });
        assertThat(routes).as("the API's routes were found at all").contains("GET " + CONTENT + "posts/");
        return routes;
    }

    private Set<String> documented() {
        Set<String> operations = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            path.getValue().propertyNames().stream().filter(HTTP_METHODS::contains)
                    .forEach(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + normalised(path.getKey())));
        }
        return operations;
    }

    private static String normalised(String path) {
        return path.replaceAll("\\{[^}]*}", "{}").replaceAll("/+$", "") + "/";
    }

    // --- the Content API's answers

    @Test
    void contentApiPostsMatchTheirSchema() {
        String id = contentId("posts", story.slug());
        expect(200, "get", CONTENT + "posts/", ghost.content(app, "posts/", "include=tags,authors,tiers&limit=all"));
        expect(200, "get", CONTENT + "posts/", ghost.content(app, "posts/", "formats=plaintext&filter="
                + encode("slug:" + story.slug())));
        expect(200, "get", CONTENT + "posts/", ghost.content(app, "posts/", "limit=2&page=999"));
        JsonNode read = expect(200, "get", CONTENT + "posts/{id}/", ghost.content(app, "posts/" + id + "/",
                "include=tags,authors&formats=html,plaintext"));
        assertThat(read.path("posts").path(0).path("section").path("slug").asString()).isEqualTo(desk.slug());
        expect(200, "get", CONTENT + "posts/slug/{slug}/", ghost.content(app, "posts/slug/" + story.slug() + "/", ""));
    }

    @Test
    void contentApiPagesMatchTheirSchema() {
        String id = contentId("pages", page.slug());
        expect(200, "get", CONTENT + "pages/", ghost.content(app, "pages/", "include=tags,authors&limit=all"));
        expect(200, "get", CONTENT + "pages/{id}/", ghost.content(app, "pages/" + id + "/", "include=authors"));
        expect(200, "get", CONTENT + "pages/slug/{slug}/", ghost.content(app, "pages/slug/" + page.slug() + "/", ""));
    }

    @Test
    void contentApiAuthorsAndTagsMatchTheirSchemas() {
        JsonNode browsed = expect(200, "get", CONTENT + "authors/", ghost.content(app, "authors/",
                "include=count.posts&limit=all"));
        assertThat(browsed.path("authors").path(0).has("count")).isTrue();
        String authorId = contentId("authors", writer.slug());
        expect(200, "get", CONTENT + "authors/{id}/", ghost.content(app, "authors/" + authorId + "/", "include=count.posts"));
        expect(200, "get", CONTENT + "authors/slug/{slug}/", ghost.content(app, "authors/slug/" + writer.slug() + "/", ""));

        expect(200, "get", CONTENT + "tags/", ghost.content(app, "tags/", "include=count.posts&limit=all"));
        String tagId = contentId("tags", "spec-" + unique);
        expect(200, "get", CONTENT + "tags/{id}/", ghost.content(app, "tags/" + tagId + "/", ""));
        expect(200, "get", CONTENT + "tags/slug/{slug}/", ghost.content(app, "tags/slug/spec-" + unique + "/",
                "include=count.posts"));
    }

    @Test
    void contentApiSettingsAndMembershipListsMatchTheirSchemas() {
        expect(200, "get", CONTENT + "settings/", ghost.content(app, "settings/", ""));
        for (String resource : List.of("tiers", "newsletters", "recommendations")) {
            expect(200, "get", CONTENT + resource + "/", ghost.content(app, resource + "/", ""));
        }
    }

    @Test
    void contentApiErrorsMatchGhostsErrorEnvelope() {
        expect(404, "get", CONTENT + "posts/{id}/", ghost.content(app, "posts/0123456789abcdef01234567/", ""));
        expect(422, "get", CONTENT + "posts/{id}/", ghost.content(app, "posts/not-an-id/", ""));
        expect(400, "get", CONTENT + "posts/", ghost.content(app, "posts/", "filter=" + encode("tag:(")));
        expect(422, "get", CONTENT + "posts/", ghost.content(app, "posts/", "formats=pdf"));
        expect(401, "get", CONTENT + "posts/", ghost.get(CONTENT + "posts/?key=0123456789abcdef0123456789"));
        expect(403, "get", CONTENT + "posts/", ghost.get(CONTENT + "posts/"));
        expect(404, "get", CONTENT + "offers/{id}/", ghost.content(app, "offers/0123456789abcdef01234567/", ""));
    }

    // --- the Admin API's answers, and the requests it accepted

    @Test
    void adminApiPostsMatchTheirSchema() {
        expect(200, "get", ADMIN + "posts/", ghost.admin(app, "GET", "posts/?limit=all", null));
        String picture = expect(201, "post", ADMIN + "images/upload/", ghost.upload(app, "images/upload/", "spec.jpg",
                UploadTestsSupport.jpeg(640, 480), Map.of("ref", "spec.jpg"))).path("images").path(0).path("url").asString();

        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", "Spec wire " + unique);
        fields.put("html", "<p>From the <b>wire</b>.</p>");
        fields.put("custom_excerpt", "The wire's summary.");
        fields.put("tags", List.of("Spec " + unique, Map.of("name", "#spec-wire-" + unique)));
        fields.put("authors", List.of(account.email()));
        fields.put("section", desk.slug());
        fields.put("feature_image", picture);
        fields.put("feature_image_alt", "A test card");
        fields.put("feature_image_credit", "Photo: Spec");
        fields.put("featured", true);
        Map<String, Object> add = Map.of("posts", List.of(fields));
        expectRequest("post", ADMIN + "posts/", add);
        JsonNode post = expect(201, "post", ADMIN + "posts/", ghost.admin(app, "POST", "posts/?source=html", add))
                .path("posts").path(0);
        String id = post.path("id").asString();

        expect(200, "get", ADMIN + "posts/{id}/", ghost.admin(app, "GET", "posts/" + id + "/", null));
        expect(200, "get", ADMIN + "posts/slug/{slug}/", ghost.admin(app, "GET", "posts/slug/" + post.path("slug").asString()
                + "/?formats=html,plaintext,lexical", null));
        Map<String, Object> publish = Map.of("posts", List.of(Map.of("status", "published",
                "updated_at", post.path("updated_at").asString())));
        expectRequest("put", ADMIN + "posts/{id}/", publish);
        JsonNode published = expect(200, "put", ADMIN + "posts/{id}/", ghost.admin(app, "PUT", "posts/" + id + "/", publish));
        assertThat(published.path("posts").path(0).path("status").asString()).isEqualTo("published");

        Map<String, Object> stale = Map.of("posts", List.of(Map.of("title", "Spec wire, again " + unique,
                "updated_at", post.path("updated_at").asString())));
        expect(409, "put", ADMIN + "posts/{id}/", ghost.admin(app, "PUT", "posts/" + id + "/", stale));
        expect(204, "delete", ADMIN + "posts/{id}/", ghost.admin(app, "DELETE", "posts/" + id + "/", null));
        expect(404, "get", ADMIN + "posts/{id}/", ghost.admin(app, "GET", "posts/" + id + "/", null));
    }

    @Test
    void adminApiPagesMatchTheirSchema() {
        Map<String, Object> add = Map.of("pages", List.of(Map.of("title", "Spec contact " + unique,
                "lexical", "{\"root\":{\"children\":[{\"children\":[{\"detail\":0,\"format\":0,\"mode\":\"normal\","
                        + "\"style\":\"\",\"text\":\"Write to us.\",\"type\":\"text\",\"version\":1}],\"direction\":\"ltr\","
                        + "\"format\":\"\",\"indent\":0,\"type\":\"paragraph\",\"version\":1}],\"direction\":\"ltr\","
                        + "\"format\":\"\",\"indent\":0,\"type\":\"root\",\"version\":1}}")));
        expectRequest("post", ADMIN + "pages/", add);
        JsonNode created = expect(201, "post", ADMIN + "pages/", ghost.admin(app, "POST", "pages/", add)).path("pages").path(0);
        String id = created.path("id").asString();

        expect(200, "get", ADMIN + "pages/", ghost.admin(app, "GET", "pages/?limit=all", null));
        expect(200, "get", ADMIN + "pages/{id}/", ghost.admin(app, "GET", "pages/" + id + "/", null));
        expect(200, "get", ADMIN + "pages/slug/{slug}/", ghost.admin(app, "GET", "pages/slug/" + page.slug() + "/", null));
        Map<String, Object> edit = Map.of("pages", List.of(Map.of("custom_excerpt", "How to reach us.",
                "updated_at", created.path("updated_at").asString())));
        expectRequest("put", ADMIN + "pages/{id}/", edit);
        expect(200, "put", ADMIN + "pages/{id}/", ghost.admin(app, "PUT", "pages/" + id + "/", edit));
        expect(204, "delete", ADMIN + "pages/{id}/", ghost.admin(app, "DELETE", "pages/" + id + "/", null));
    }

    @Test
    void adminApiTagsUsersAndSiteMatchTheirSchemas() {
        expect(200, "get", ADMIN + "tags/", ghost.admin(app, "GET", "tags/?limit=all&include=count.posts", null));
        Map<String, Object> add = Map.of("tags", List.of(Map.of("name", "Spec ports " + unique, "description", "Harbours.")));
        expectRequest("post", ADMIN + "tags/", add);
        JsonNode tag = expect(201, "post", ADMIN + "tags/", ghost.admin(app, "POST", "tags/", add)).path("tags").path(0);
        String tagId = tag.path("id").asString();
        expect(200, "get", ADMIN + "tags/{id}/", ghost.admin(app, "GET", "tags/" + tagId + "/?include=count.posts", null));
        expect(200, "get", ADMIN + "tags/slug/{slug}/", ghost.admin(app, "GET", "tags/slug/" + tag.path("slug").asString()
                + "/", null));
        Map<String, Object> edit = Map.of("tags", List.of(Map.of("name", "Spec docks " + unique)));
        expectRequest("put", ADMIN + "tags/{id}/", edit);
        expect(200, "put", ADMIN + "tags/{id}/", ghost.admin(app, "PUT", "tags/" + tagId + "/", edit));
        expect(204, "delete", ADMIN + "tags/{id}/", ghost.admin(app, "DELETE", "tags/" + tagId + "/", null));

        expect(200, "get", ADMIN + "users/", ghost.admin(app, "GET", "users/?limit=all&include=count.posts", null));
        JsonNode user = expect(200, "get", ADMIN + "users/email/{email}/", ghost.admin(app, "GET",
                "users/email/" + account.email() + "/", null)).path("users").path(0);
        assertThat(user.path("job_title").asString()).isEqualTo("Correspondent");
        expect(200, "get", ADMIN + "users/{id}/", ghost.admin(app, "GET", "users/" + user.path("id").asString()
                + "/?include=count.posts", null));
        expect(200, "get", ADMIN + "users/slug/{slug}/", ghost.admin(app, "GET", "users/slug/" + writer.slug() + "/", null));

        expect(200, "get", ADMIN + "site/", ghost.get(ADMIN + "site/"));
    }

    @Test
    void adminApiWebhooksMatchTheirSchema() {
        // a closed port on this machine: allowed by the test site's settings, and never delivered to in this test
        Map<String, Object> add = Map.of("webhooks", List.of(Map.of("event", "tag.added",
                "target_url", "http://127.0.0.1:9/spec-" + unique, "name", "Spec hook", "secret", "s3cret")));
        expectRequest("post", ADMIN + "webhooks/", add);
        String id = expect(201, "post", ADMIN + "webhooks/", ghost.admin(app, "POST", "webhooks/", add))
                .path("webhooks").path(0).path("id").asString();
        Map<String, Object> edit = Map.of("webhooks", List.of(Map.of("event", "tag.deleted", "name", "Spec hook, renamed")));
        expectRequest("put", ADMIN + "webhooks/{id}/", edit);
        expect(200, "put", ADMIN + "webhooks/{id}/", ghost.admin(app, "PUT", "webhooks/" + id + "/", edit));
        expect(204, "delete", ADMIN + "webhooks/{id}/", ghost.admin(app, "DELETE", "webhooks/" + id + "/", null));
        expect(404, "delete", ADMIN + "webhooks/{id}/", ghost.admin(app, "DELETE", "webhooks/" + id + "/", null));
        expect(422, "post", ADMIN + "webhooks/", ghost.admin(app, "POST", "webhooks/", Map.of("webhooks", List.of(Map.of(
                "event", "member.added", "target_url", "http://127.0.0.1:9/spec-" + unique)))));
    }

    @Test
    void adminApiErrorsMatchGhostsErrorEnvelope() {
        expect(403, "get", ADMIN + "posts/", ghost.admin((String) null, "GET", "posts/", null));
        expect(401, "get", ADMIN + "posts/", ghost.get(ADMIN + "posts/", "Authorization", "Bearer abc"));
        expect(400, "get", ADMIN + "posts/", ghost.admin("not.a.jwt", "GET", "posts/", null));
        expect(422, "get", ADMIN + "posts/{id}/", ghost.admin(app, "GET", "posts/not-an-id/", null));
        expect(422, "post", ADMIN + "posts/", ghost.admin(app, "POST", "posts/", Map.of("posts", List.of(Map.of(
                "title", "Hotlinked " + unique, "feature_image", "https://images.example/cat.jpg")))));
        expect(400, "post", ADMIN + "posts/", ghost.admin(app, "POST", "posts/", "{not json"));
        expect(415, "post", ADMIN + "images/upload/", ghost.upload(app, "images/upload/", "notes.txt",
                "just text".getBytes(StandardCharsets.UTF_8), Map.of()));
    }

    // --- checking answers against the document

    /** The answer has this status, the description lists it for the operation, and the body matches its schema. */
    private JsonNode expect(int status, String method, String path, Answer answer) {
        String operation = method.toUpperCase(Locale.ROOT) + " " + path;
        assertThat(answer.status()).as(operation + " answered " + answer.body()).isEqualTo(status);
        JsonNode response = resolve(document.path("paths").path(path).path(method).path("responses")
                .path(String.valueOf(status)));
        assertThat(response.isObject()).as(operation + " answers " + status + ", which its description does not list").isTrue();
        JsonNode json = response.path("content").path("application/json");
        if (json.isMissingNode()) {
            assertThat(answer.body()).as(operation + " " + status + " is described without a body").isEmpty();
            return answer.json();
        }
        assertThat(answer.header("Content-Type")).as(operation).startsWith("application/json");
        assertMatches(json.path("schema"), answer.json(), operation + " " + status);
        return answer.json();
    }

    /** A request the test sends (and the API accepts) matches the request body the description declares. */
    private void expectRequest(String method, String path, Object body) {
        JsonNode requestBody = resolve(document.path("paths").path(path).path(method).path("requestBody"));
        JsonNode json = GhostClient.JSON.valueToTree(body);
        assertMatches(requestBody.path("content").path("application/json").path("schema"), json,
                "the request body of " + method.toUpperCase(Locale.ROOT) + " " + path);
    }

    private void assertMatches(JsonNode schemaReference, JsonNode instance, String what) {
        String pointer = schemaReference.path("$ref").asString("");
        assertThat(pointer).as(what + " has a schema in #/components/schemas/").startsWith("#/components/schemas/");
        Schema schema = schemas.getSchema(SchemaLocation.of(DOCUMENT + pointer));
        List<String> errors = schema.validate(instance).stream().map(Object::toString).toList();
        assertThat(errors).as(what + " against " + pointer + ", for\n" + instance).isEmpty();
    }

    /** A response, parameter or request body, with the {@code $ref} to its component followed. */
    private JsonNode resolve(JsonNode node) {
        JsonNode resolved = node;
        while (resolved.path("$ref").isString()) {
            resolved = document.at(resolved.path("$ref").asString().substring(1));
        }
        return resolved;
    }

    private String contentId(String resource, String slug) {
        Answer answer = ghost.content(app, resource + "/slug/" + slug + "/", "");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().path(resource).path(0).path("id").asString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
