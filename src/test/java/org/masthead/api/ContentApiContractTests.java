package org.masthead.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
import org.masthead.support.EmptySiteTest;
import org.masthead.support.GhostClient;
import org.masthead.support.GhostClient.Answer;
import org.masthead.support.Stories;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The Content API over HTTP, as Ghost's contract states it (reference §1): envelope and pagination, includes,
 * fields and formats, NQL filters, key authentication, versioning headers, errors — and that drafts, scheduled
 * and withdrawn articles never show, by id, slug, filter or field.
 */
@EmptySiteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentApiContractTests {

    @LocalServerPort int port;
    @Autowired Publishing publishing;
    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired Integrations integrations;

    GhostClient ghost;
    Integration app;
    String unique;
    Section desk;
    Author writer;
    Author second;
    List<EditableArticle> published = new ArrayList<>();
    EditableArticle draft;
    EditableArticle scheduled;
    EditableArticle withdrawn;
    EditableArticle page;
    EditableArticle draftPage;

    @BeforeAll
    void newsroom() {
        ghost = new GhostClient(port);
        unique = UUID.randomUUID().toString().substring(0, 6);
        desk = sections.create("Contract desk " + unique, "", 0);
        writer = authors.create("Contract Writer " + unique, "Reporter", "Writes contracts.", null,
                List.of(new Author.AuthorLink("X", "https://x.com/contractwriter")));
        second = authors.create("Second Writer " + unique, "Editor", "", null, List.of());
        Stories stories = new Stories(publishing);
        for (int i = 1; i <= 5; i++) {
            published.add(stories.publish(content("Contract story " + i + " " + unique, List.of(writer.id()),
                    i % 2 == 0 ? List.of("Harbour " + unique, "Ships " + unique) : List.of("Ships " + unique),
                    "Words of story " + i + " about the harbour."), Instant.parse("2026-01-0" + i + "T10:00:00Z")));
        }
        published.add(stories.publish(content("Second writer's piece " + unique, List.of(second.id(), writer.id()),
                List.of("Harbour " + unique), "A shared byline."), Instant.parse("2026-01-06T10:00:00Z")));
        draft = stories.draft(content("Secret draft " + unique, List.of(writer.id()), List.of("Secret " + unique),
                "Not for readers: secret-word-" + unique + "."));
        EditableArticle toSchedule = stories.draft(content("Scheduled story " + unique, List.of(writer.id()),
                List.of("Ships " + unique), "Coming later."));
        scheduled = publishing.move(Stories.SYSTEM, new Publishing.Move(toSchedule.id(), toSchedule.version(),
                new Publishing.Then.Schedule(Instant.now().plusSeconds(86_400))));
        withdrawn = stories.unpublish(stories.publish(content("Withdrawn story " + unique, List.of(writer.id()),
                List.of("Ships " + unique), "Taken down."), Instant.parse("2026-01-07T10:00:00Z")));
        page = publishing.publishDated(Stories.SYSTEM, new Publishing.PublishDated(ArticleKind.PAGE,
                ArticleContent.markdown("About " + unique, "about-" + unique, null, null, List.of(), List.of(),
                        "Who we are.", null, "en"), Instant.parse("2026-01-01T09:00:00Z"), false));
        draftPage = publishing.create(Stories.SYSTEM, new Publishing.Create(ArticleKind.PAGE,
                ArticleContent.markdown("Draft page " + unique, "draft-page-" + unique, null, null, List.of(), List.of(),
                        "Not yet.", null, "en"), "", Publishing.Then.KEEP));
        app = integrations.create("Contract app " + unique, "", Actor.Role.CONTRIBUTOR, 1L);
    }

    private ArticleContent content(String headline, List<Long> bylines, List<String> tags, String body) {
        return ArticleContent.markdown(headline, null, null, desk.id(), bylines, tags, body, null, "en");
    }

    private String publicId(EditableArticle article) {
        return ghost.content(app, "posts/slug/" + article.slug() + "/", "").json().path("posts").path(0).path("id").asString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String ours() {
        return "filter=" + encode("tag:ships-" + unique + ",tag:harbour-" + unique);
    }

    @Test
    void browsingPostsAnswersGhostsEnvelopeWithIntegerPagination() {
        Answer answer = ghost.content(app, "posts/", ours() + "&limit=2");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        JsonNode posts = answer.json().path("posts");
        assertThat(posts).hasSize(2);
        assertThat(posts.get(0).path("title").asString()).isEqualTo("Second writer's piece " + unique);
        JsonNode pagination = answer.json().path("meta").path("pagination");
        assertThat(pagination.path("page").isInt()).isTrue();
        assertThat(pagination.path("page").asInt()).isEqualTo(1);
        assertThat(pagination.path("limit").asInt()).isEqualTo(2);
        assertThat(pagination.path("pages").asInt()).isEqualTo(3);
        assertThat(pagination.path("total").asInt()).isEqualTo(6);
        assertThat(pagination.path("next").asInt()).isEqualTo(2);
        assertThat(pagination.path("prev").isNull()).isTrue();
    }

    @Test
    void paginationNamesBothNeighboursEvenPastTheEndAsGhostDoes() {
        JsonNode middle = ghost.content(app, "posts/", ours() + "&limit=2&page=2").json().path("meta").path("pagination");
        assertThat(middle.path("next").asInt()).isEqualTo(3);
        assertThat(middle.path("prev").asInt()).isEqualTo(1);
        JsonNode last = ghost.content(app, "posts/", ours() + "&limit=2&page=3").json().path("meta").path("pagination");
        assertThat(last.path("next").isNull()).isTrue();
        assertThat(last.path("prev").asInt()).isEqualTo(2);
        Answer past = ghost.content(app, "posts/", ours() + "&limit=2&page=9");
        assertThat(past.status()).isEqualTo(200);
        assertThat(past.json().path("posts")).isEmpty();
        assertThat(past.json().path("meta").path("pagination").path("next").asInt()).isEqualTo(10);
        assertThat(past.json().path("meta").path("pagination").path("prev").asInt()).isEqualTo(8);
    }

    @Test
    void aPostCarriesEveryFieldOfGhostsPostWithMastheadsCreditAndSection() {
        JsonNode post = ghost.content(app, "posts/slug/" + published.get(1).slug() + "/", "include=tags,authors")
                .json().path("posts").path(0);

        assertThat(post.path("id").asString()).matches("[0-9a-f]{24}");
        assertThat(post.path("uuid").asString()).matches("[0-9a-f-]{36}");
        for (String field : List.of("title", "slug", "html", "comment_id", "feature_image", "featured", "visibility",
                "created_at", "updated_at", "published_at", "custom_excerpt", "codeinjection_head", "codeinjection_foot",
                "custom_template", "canonical_url", "url", "excerpt", "reading_time", "og_image", "og_title",
                "og_description", "twitter_image", "twitter_title", "twitter_description", "meta_title", "meta_description",
                "email_subject", "frontmatter", "feature_image_alt", "feature_image_caption", "feature_image_credit",
                "authors", "primary_author", "tags", "primary_tag", "section")) {
            assertThat(post.has(field)).as(field).isTrue();
        }
        assertThat(post.has("status")).isFalse();
        assertThat(post.has("mobiledoc")).isFalse();
        assertThat(post.has("lexical")).isFalse();
        assertThat(post.has("plaintext")).isFalse();
        assertThat(post.path("published_at").asString()).isEqualTo("2026-01-02T10:00:00.000+00:00");
        assertThat(post.path("url").asString()).endsWith("/articles/" + published.get(1).slug());
        assertThat(post.path("html").asString()).contains("Words of story 2");
        assertThat(post.path("excerpt").asString()).isEqualTo("Words of story 2 about the harbour.");
        assertThat(post.path("reading_time").asInt()).isZero();
        assertThat(post.path("visibility").asString()).isEqualTo("public");
        assertThat(post.path("tags")).extracting(tag -> tag.path("slug").asString())
                .containsExactly("harbour-" + unique, "ships-" + unique);
        assertThat(post.path("primary_tag").path("slug").asString()).isEqualTo("harbour-" + unique);
        assertThat(post.path("primary_author").path("slug").asString()).isEqualTo(writer.slug());
        assertThat(post.path("primary_author").path("twitter").asString()).isEqualTo("@contractwriter");
        assertThat(post.path("primary_author").has("email")).isFalse();
        assertThat(post.path("section").path("slug").asString()).isEqualTo(desk.slug());
    }

    @Test
    void withoutIncludeThereAreNoRelationsAndFieldsChoosesColumns() {
        JsonNode bare = ghost.content(app, "posts/slug/" + published.get(0).slug() + "/", "").json().path("posts").path(0);
        assertThat(bare.has("tags")).isFalse();
        assertThat(bare.has("primary_author")).isFalse();

        JsonNode chosen = ghost.content(app, "posts/slug/" + published.get(0).slug() + "/", "fields=title,url")
                .json().path("posts").path(0);
        assertThat(chosen.propertyNames()).containsExactlyInAnyOrder("title", "url");
    }

    @Test
    void formatsAddPlaintextAndDropWhatTheContentApiNeverShows() {
        JsonNode post = ghost.content(app, "posts/slug/" + published.get(0).slug() + "/", "formats=html,plaintext,lexical")
                .json().path("posts").path(0);
        assertThat(post.path("plaintext").asString()).isEqualTo("Words of story 1 about the harbour.");
        assertThat(post.path("html").asString()).startsWith("<p>");
        assertThat(post.has("lexical")).isFalse();

        Answer unknown = ghost.content(app, "posts/", "formats=pdf");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.error().path("type").asString()).isEqualTo("ValidationError");
    }

    @Test
    void nqlFiltersSelectByTagAuthorDateAndTextWithGhostsAliases() {
        assertThat(titles("tag:harbour-" + unique)).containsExactly("Second writer's piece " + unique,
                "Contract story 4 " + unique, "Contract story 2 " + unique);
        assertThat(titles("primary_author:" + second.slug())).containsExactly("Second writer's piece " + unique);
        assertThat(titles("authors:" + second.slug() + "+published_at:<'2026-01-06'")).isEmpty();
        assertThat(titles("tag:ships-" + unique + "+published_at:>='2026-01-04'")).containsExactly(
                "Contract story 5 " + unique, "Contract story 4 " + unique);
        assertThat(titles("tag:ships-" + unique + "+tag:-harbour-" + unique)).containsExactly(
                "Contract story 5 " + unique, "Contract story 3 " + unique, "Contract story 1 " + unique);
        assertThat(titles("(tag:harbour-" + unique + ",title:~'story 1 " + unique + "')+slug:-" + published.get(3).slug()))
                .containsExactly("Second writer's piece " + unique, "Contract story 2 " + unique,
                        "Contract story 1 " + unique);
        assertThat(titles("tags:[harbour-" + unique + "]+primary_tag:harbour-" + unique + "+featured:false"))
                .hasSize(3);
        assertThat(titles("title:~^'second writer'+section:" + desk.slug())).containsExactly("Second writer's piece " + unique);
    }

    @Test
    void tagFiltersMeanTheSameWhenSlugsAreLookedUpAsIdsFirst() {
        String ships = "ships-" + unique;
        String harbour = "harbour-" + unique;
        List<String> tagged = titles("tag:" + ships);
        assertThat(tagged).isNotEmpty();
        // an unknown slug matches nothing, and nothing is excluded by it
        assertThat(titles("tag:no-such-tag-" + unique)).isEmpty();
        assertThat(titles("tag:" + ships + "+tag:-no-such-tag-" + unique)).isEqualTo(tagged);
        assertThat(titles("tags.slug:[" + ships + ",no-such-tag-" + unique + "]")).isEqualTo(tagged);
        // tagged both ([a+b] is Ghost's $all), or either
        assertThat(titles("tag:[" + ships + "+" + harbour + "]")).isEqualTo(titles("tag:" + ships + "+tag:" + harbour));
        assertThat(titles("tag:[" + ships + "," + harbour + "]")).containsExactlyInAnyOrderElementsOf(
                java.util.stream.Stream.concat(tagged.stream(), titles("tag:" + harbour).stream()).distinct().toList());
        // the empty list is still the client's mistake, named in its own words
        Answer empty = ghost.content(app, "posts/", "filter=" + encode("tag:[]"));
        assertThat(empty.status()).isEqualTo(400);
    }

    private List<String> titles(String filter) {
        Answer answer = ghost.content(app, "posts/", "filter=" + encode(filter) + "&limit=all");
        assertThat(answer.status()).as(filter + ": " + answer.body()).isEqualTo(200);
        List<String> titles = new ArrayList<>();
        answer.json().path("posts").forEach(post -> titles.add(post.path("title").asString()));
        return titles;
    }

    @Test
    void aMalformedFilterOrUnknownFieldIsGhostsBadRequestNotAServerError() {
        for (String filter : List.of("tag:(", "title:~ghost", "nonsense:1", "featured:maybe", "published_at:>'yesterday'")) {
            Answer answer = ghost.content(app, "posts/", "filter=" + encode(filter));
            assertThat(answer.status()).as(filter).isEqualTo(400);
            assertThat(answer.error().path("type").asString()).isEqualTo("BadRequestError");
            assertThat(answer.error().path("message").asString()).isEqualTo("Request not understood error, cannot list posts.");
            assertThat(answer.error().path("context").asString()).startsWith("Error parsing filter");
        }
    }

    @Test
    void limitIsCappedAtAHundredAsInGhostSix() {
        for (String limit : List.of("all", "500", "lots")) {
            Answer answer = ghost.content(app, "posts/", "limit=" + limit);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().path("meta").path("pagination").path("limit").asInt()).as(limit).isEqualTo(100);
        }
        assertThat(ghost.content(app, "posts/", "page=two").status()).isEqualTo(422);
        assertThat(ghost.content(app, "posts/", "order=" + encode("title; drop table article")).status()).isEqualTo(422);
    }

    @Test
    void orderSortsByKnownFields() {
        Answer answer = ghost.content(app, "posts/", ours() + "&order=" + encode("title asc") + "&fields=title");
        List<String> titles = new ArrayList<>();
        answer.json().path("posts").forEach(post -> titles.add(post.path("title").asString()));
        assertThat(titles).isSorted().hasSize(6);
    }

    @Test
    void draftsScheduledAndWithdrawnArticlesNeverShow() {
        for (EditableArticle hidden : List.of(draft, scheduled, withdrawn)) {
            assertThat(ghost.content(app, "posts/slug/" + hidden.slug() + "/", "").status()).as(hidden.slug()).isEqualTo(404);
            assertThat(titles("slug:" + hidden.slug())).isEmpty();
            assertThat(titles("status:draft,status:scheduled")).isEmpty();
        }
        Answer searched = ghost.content(app, "posts/", "filter=" + encode("title:~'secret'") + "&fields=title,html");
        assertThat(searched.json().path("posts")).isEmpty();
        Answer all = ghost.content(app, "posts/", "limit=all&fields=title,html,slug&formats=plaintext");
        assertThat(all.body()).doesNotContain("secret-word-" + unique, "Scheduled story " + unique, "Withdrawn story " + unique);
        Answer tags = ghost.content(app, "tags/", "limit=all");
        assertThat(tags.body()).contains("ships-" + unique);
        assertThat(ghost.content(app, "pages/slug/" + draftPage.slug() + "/", "").status()).isEqualTo(404);
    }

    @Test
    void aHiddenArticlesIdIsNotFoundLikeAnyOther() {
        String draftId = new GhostClient(port).admin(integrations.create("Peek " + unique, "", Actor.Role.EDITOR, 1L),
                "GET", "posts/slug/" + draft.slug() + "/", null).json().path("posts").path(0).path("id").asString();
        assertThat(draftId).matches("[0-9a-f]{24}");

        Answer answer = ghost.content(app, "posts/" + draftId + "/", "");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.error().path("type").asString()).isEqualTo("NotFoundError");
        assertThat(answer.error().path("message").asString()).isEqualTo("Resource not found error, cannot read post.");
        assertThat(answer.error().path("context").asString()).isEqualTo("Post not found.");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-cache, max-age=0, must-revalidate, proxy-revalidate");
    }

    @Test
    void readingByIdAnswersTheSamePostAndAMalformedIdIsAValidationError() {
        String id = publicId(published.get(2));
        Answer byId = ghost.content(app, "posts/" + id + "/", "");
        assertThat(byId.json().path("posts")).hasSize(1);
        assertThat(byId.json().has("meta")).isFalse();
        assertThat(byId.json().path("posts").path(0).path("slug").asString()).isEqualTo(published.get(2).slug());

        Answer malformed = ghost.content(app, "posts/not-an-id/", "");
        assertThat(malformed.status()).isEqualTo(422);
        assertThat(malformed.error().path("type").asString()).isEqualTo("ValidationError");
    }

    @Test
    void theKeyIsCheckedAsGhostDoes() {
        Answer missing = ghost.get("/ghost/api/content/posts/");
        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.error().path("type").asString()).isEqualTo("NoPermissionError");
        assertThat(missing.error().path("message").asString()).isEqualTo("Authorization failed");

        Answer unknown = ghost.get("/ghost/api/content/posts/?key=0123456789abcdef0123456789");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.error().path("type").asString()).isEqualTo("UnauthorizedError");
        assertThat(unknown.error().path("code").asString()).isEqualTo("UNKNOWN_CONTENT_API_KEY");

        Answer twice = ghost.get("/ghost/api/content/posts/?key=" + app.contentKey() + "&key=" + app.contentKey());
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.error().path("code").asString()).isEqualTo("INVALID_REQUEST");

        Answer adminKey = ghost.get("/ghost/api/content/posts/?key=" + app.adminKeyId());
        assertThat(adminKey.status()).isEqualTo(401);
        assertThat(adminKey.error().path("code").asString()).isEqualTo("INVALID_API_KEY_TYPE");
        assertThat(adminKey.header("Cache-Control")).contains("no-store");
    }

    @Test
    void everyErrorHasGhostsFullEnvelope() {
        JsonNode error = ghost.get("/ghost/api/content/posts/").error();
        assertThat(error.propertyNames()).containsExactly("message", "context", "type", "details", "property", "help",
                "code", "id", "ghostErrorCode");
        assertThat(error.path("id").asString()).matches("[0-9a-f-]{36}");
    }

    @Test
    void responsesNameTheApiVersionAndVaryOnIt() {
        Answer answer = ghost.content(app, "settings/", "");
        assertThat(answer.header("Content-Version")).isEqualTo("v6.0");
        assertThat(answer.header("Vary")).containsIgnoringCase("Accept-Version").containsIgnoringCase("Accept-Encoding");
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(answer.header("Cache-Control")).isEqualTo("public, max-age=0");
    }

    @Test
    void oldVersionedPathsAreServedWithADeprecationHeader() {
        Answer answer = ghost.get("/ghost/api/v4/content/posts/?key=" + app.contentKey() + "&limit=1");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Deprecation")).isEqualTo("version=\"v4\"");
        assertThat(answer.header("Link")).endsWith("/ghost/api/content/posts/>; rel=\"latest-version\"");
        assertThat(answer.json().path("posts")).hasSize(1);
    }

    @Test
    void anUnknownEndpointIsNotFoundOrNotAcceptableForAnotherVersion() {
        Answer sameVersion = ghost.get("/ghost/api/content/nothing/?key=" + app.contentKey(), "Accept-Version", "v6.0");
        assertThat(sameVersion.status()).isEqualTo(404);
        assertThat(sameVersion.error().path("message").asString()).isEqualTo("Resource not found");

        Answer ahead = ghost.get("/ghost/api/content/nothing/?key=" + app.contentKey(), "Accept-Version", "v7.0");
        assertThat(ahead.status()).isEqualTo(406);
        assertThat(ahead.error().path("type").asString()).isEqualTo("RequestNotAcceptableError");
        assertThat(ahead.error().path("code").asString()).isEqualTo("UPDATE_GHOST");

        Answer behind = ghost.get("/ghost/api/content/nothing/?key=" + app.contentKey(), "Accept-Version", "v5.0");
        assertThat(behind.error().path("code").asString()).isEqualTo("UPDATE_CLIENT");
    }

    @Test
    void aBrowserMayCallTheContentApiFromAnyOrigin() {
        Answer preflight = ghost.get("/ghost/api/content/posts/?key=" + app.contentKey(), "Origin", "https://app.example");
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
    }

    @Test
    void pagesAreTheirOwnResource() {
        Answer pages = ghost.content(app, "pages/", "filter=" + encode("slug:" + page.slug()));
        assertThat(pages.json().path("pages")).hasSize(1);
        JsonNode about = pages.json().path("pages").path(0);
        assertThat(about.path("show_title_and_feature_image").asBoolean()).isTrue();
        assertThat(about.path("url").asString()).endsWith("/" + page.slug());
        assertThat(ghost.content(app, "posts/slug/" + page.slug() + "/", "").status()).isEqualTo(404);
        assertThat(ghost.content(app, "pages/slug/" + page.slug() + "/", "").status()).isEqualTo(200);
    }

    @Test
    void authorsAreTheWritersWithPublishedWorkAndCountTheirPosts() {
        Answer answer = ghost.content(app, "authors/", "include=count.posts&filter=" + encode("slug:[" + writer.slug() + ","
                + second.slug() + "]"));
        assertThat(answer.json().path("authors")).hasSize(2);
        JsonNode first = answer.json().path("authors").path(0);
        assertThat(first.path("name").asString()).isEqualTo("Contract Writer " + unique);
        assertThat(first.path("count").path("posts").asInt()).isEqualTo(6);
        assertThat(first.path("bio").asString()).isEqualTo("Writes contracts.");
        assertThat(first.has("email")).isFalse();
        assertThat(ghost.content(app, "authors/slug/" + writer.slug() + "/", "").json().path("authors").path(0)
                .path("url").asString()).endsWith("/authors/" + writer.slug());
        assertThat(ghost.content(app, "authors/slug/nobody-" + unique + "/", "").status()).isEqualTo(404);
    }

    @Test
    void tagsListPublicTagsWithTheirCounts() {
        Answer answer = ghost.content(app, "tags/", "include=count.posts&filter=" + encode("slug:harbour-" + unique));
        JsonNode harbour = answer.json().path("tags").path(0);
        assertThat(harbour.path("name").asString()).isEqualTo("Harbour " + unique);
        assertThat(harbour.path("visibility").asString()).isEqualTo("public");
        assertThat(harbour.path("count").path("posts").asInt()).isEqualTo(3);
        assertThat(harbour.path("url").asString()).endsWith("/tags/harbour-" + unique);
        String id = harbour.path("id").asString();
        assertThat(ghost.content(app, "tags/" + id + "/", "").json().path("tags").path(0).path("slug").asString())
                .isEqualTo("harbour-" + unique);
    }

    @Test
    void settingsIsAnObjectAndMembershipsAreEmptyLists() {
        Answer settings = ghost.content(app, "settings/", "");
        assertThat(settings.json().path("settings").isObject()).isTrue();
        assertThat(settings.json().path("settings").path("title").isString()).isTrue();
        assertThat(settings.json().path("settings").path("navigation").isArray()).isTrue();
        assertThat(settings.json().path("meta").isObject()).isTrue();
        for (String resource : List.of("tiers", "newsletters")) {
            Answer empty = ghost.content(app, resource + "/", "");
            assertThat(empty.json().path(resource)).isEmpty();
            assertThat(empty.json().path("meta").path("pagination").path("total").asInt()).isZero();
        }
        assertThat(ghost.content(app, "tiers/", "").header("Cache-Control")).isEqualTo("public, max-age=600");
    }

    @Test
    void aNewlyPublishedStoryAppearsAtOnceDespiteTheResponseCache() {
        String filter = "filter=" + encode("tag:late-" + unique);
        assertThat(ghost.content(app, "posts/", filter).json().path("posts")).isEmpty();
        new Stories(publishing).publish(content("Late story " + unique, List.of(writer.id()), List.of("Late " + unique),
                "Just in."), Instant.parse("2026-01-08T10:00:00Z"));
        assertThat(ghost.content(app, "posts/", filter).json().path("posts")).hasSize(1);
    }
}
