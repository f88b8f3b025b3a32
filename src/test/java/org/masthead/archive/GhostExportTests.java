package org.masthead.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.body.BodyFormat;
import org.masthead.content.ArticleContent;
import org.masthead.content.ArticleKind;
import org.masthead.content.Author;
import org.masthead.content.Authors;
import org.masthead.content.EditableArticle;
import org.masthead.content.LeadImage;
import org.masthead.content.Publishing;
import org.masthead.content.Section;
import org.masthead.content.Sections;
import org.masthead.media.MediaFile;
import org.masthead.media.MediaLibrary;
import org.masthead.media.MediaStore;
import org.masthead.media.UploadTestsSupport;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.Stories;
import org.masthead.system.Site;
import org.masthead.system.SiteSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Ghost-format export over articles written through the write path: Ghost's tables and columns, Masthead's own
 * beside them, and pictures given by absolute address. The database is shared, so every check looks for this
 * test's own rows by id.
 */
@EmptySiteTest
class GhostExportTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired GhostExport export;
    @Autowired Publishing publishing;
    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired MediaLibrary media;
    @Autowired MediaStore store;
    @Autowired SiteSettings settings;
    @Autowired JdbcClient jdbc;

    String unique;
    Section section;
    Author writer;
    Author editor;
    MediaFile portrait;
    MediaFile lead;
    MediaFile inline;
    Stories stories;

    @BeforeEach
    void desk() {
        unique = UUID.randomUUID().toString().substring(0, 8);
        section = sections.create("Export desk " + unique, "Stories that leave", 0);
        // sizes no other test uploads, so these pictures are this test's own
        portrait = media.upload(UploadTestsSupport.jpeg(211, 263), "portrait.jpg", null);
        lead = media.upload(UploadTestsSupport.jpeg(733, 411), "lead.jpg", null);
        inline = media.upload(UploadTestsSupport.jpeg(737, 413), "quay.jpg", null);
        writer = authors.create("Export Writer " + unique, "Correspondent", "Writes from abroad.", portrait.id(),
                List.of(new Author.AuthorLink("Website", "https://writer.example/" + unique),
                        new Author.AuthorLink("Mastodon", "https://social.example/@w" + unique)));
        editor = authors.create("Export Editor " + unique, "Editor", "", null, List.of());
        stories = new Stories(publishing);
    }

    @Test
    void theExportHoldsEveryPostWithItsBylinesTagsPicturesStatusAndOldAddresses() {
        EditableArticle story = stories.publish(new ArticleContent("Exported story " + unique, null, "The standfirst.",
                section.id(), List.of(editor.id(), writer.id()), List.of("Harbour " + unique, "#hidden-" + unique),
                "Talks **resumed**.", BodyFormat.MARKDOWN, new LeadImage(lead.id(), "Cranes at dawn", "The quay <at> dawn",
                "Photo: Ana"), "en"), Instant.parse("2024-02-20T10:15:30.123Z"));
        EditableArticle blocks = stories.publish(new ArticleContent("Exported blocks " + unique, null, null, section.id(),
                List.of(writer.id()), List.of(), blocksWithPicture(inline.id()), BodyFormat.BLOCKS, null, "en"),
                Instant.parse("2024-03-01T08:00:00Z"));
        EditableArticle page = publishing.publishDated(Stories.SYSTEM, new Publishing.PublishDated(ArticleKind.PAGE,
                ArticleContent.markdown("About " + unique, "about-" + unique, null, null, List.of(), List.of(),
                        "Who we are.", null, "en"), Instant.parse("2024-01-01T09:00:00Z"), false));
        EditableArticle inReview = publishing.create(Stories.SYSTEM, new Publishing.Create(ArticleKind.ARTICLE,
                ArticleContent.markdown("Under review " + unique, null, null, section.id(), List.of(writer.id()),
                        List.of(), "Check the quote.", null, "uk"), "", Publishing.Then.SUBMIT));
        Instant planned = Instant.parse("2099-05-01T06:30:00Z");
        EditableArticle toSchedule = stories.draft(Stories.content("Scheduled " + unique, section.id(),
                List.of(writer.id()), List.of(), "Later."));
        EditableArticle scheduled = publishing.move(Stories.SYSTEM, new Publishing.Move(toSchedule.id(),
                toSchedule.version(), new Publishing.Then.Schedule(planned)));
        jdbc.sql("insert into article_old_path (path, article_id) values (?, ?), (?, ?)")
                .params("/2024/02/20/story-" + unique + "/", story.id(), "/?p=" + unique, story.id()).update();
        jdbc.sql("insert into article_slug_history (slug, article_id, retired_at) values (?, ?, now())")
                .params("earlier-slug-" + unique, story.id()).update();

        JsonNode file = exported();
        JsonNode db = file.path("db").path(0);
        assertThat(db.path("meta").path("version").asString()).isEqualTo("6.0.0");
        assertThat(db.path("meta").path("exported_on").isIntegralNumber()).isTrue();
        JsonNode data = db.path("data");
        Site site = settings.current();

        JsonNode post = row(data, "posts", "id", publicId(story.id()));
        assertThat(post.path("title").asString()).isEqualTo("Exported story " + unique);
        assertThat(post.path("slug").asString()).isEqualTo(story.slug());
        assertThat(post.path("uuid").asString()).matches("[0-9a-f-]{36}");
        assertThat(post.path("html").asString()).contains("<strong>resumed</strong>");
        assertThat(post.path("plaintext").asString()).contains("Talks resumed.");
        assertThat(post.path("feature_image").asString()).isEqualTo(site.absolute(lead.url())).startsWith("http");
        assertThat(post.path("featured").asBoolean()).isFalse();
        assertThat(post.path("type").asString()).isEqualTo("post");
        assertThat(post.path("status").asString()).isEqualTo("published");
        assertThat(post.path("locale").asString()).isEqualTo("en");
        assertThat(post.path("visibility").asString()).isEqualTo("public");
        assertThat(post.path("published_at").asString()).isEqualTo("2024-02-20T10:15:30.123Z");
        assertThat(post.path("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(post.path("custom_excerpt").asString()).isEqualTo("The standfirst.");
        assertThat(post.path("canonical_url").isNull()).isTrue();
        assertThat(post.path("masthead_section_id").asString()).isEqualTo(Long.toString(section.id()));
        assertThat(post.path("masthead_body_format").asString()).isEqualTo("markdown");
        assertThat(post.path("masthead_body_source").asString()).isEqualTo("Talks **resumed**.");
        assertThat(post.path("masthead_feature_image_credit").asString()).isEqualTo("Photo: Ana");
        assertThat(post.path("masthead_status").asString()).isEqualTo("published");
        assertThat(strings(post.path("masthead_old_paths")))
                .containsExactlyInAnyOrder("/2024/02/20/story-" + unique + "/", "/?p=" + unique);
        assertThat(strings(post.path("masthead_slug_history"))).containsExactly("earlier-slug-" + unique);

        JsonNode meta = row(data, "posts_meta", "post_id", publicId(story.id()));
        assertThat(meta.path("id").asString()).matches("[0-9a-f]{24}");
        assertThat(meta.path("feature_image_alt").asString()).isEqualTo("Cranes at dawn");
        assertThat(meta.path("feature_image_caption").asString()).isEqualTo("The quay &lt;at&gt; dawn");

        String harbour = tagPublicId("harbour-" + unique);
        String hidden = tagPublicId("hash-hidden-" + unique);
        assertThat(links(data, "posts_tags", publicId(story.id()), "tag_id")).containsExactly(harbour, hidden);
        assertThat(row(data, "tags", "id", harbour).path("visibility").asString()).isEqualTo("public");
        JsonNode internal = row(data, "tags", "id", hidden);
        assertThat(internal.path("name").asString()).isEqualTo("#hidden-" + unique);
        assertThat(internal.path("slug").asString()).isEqualTo("hash-hidden-" + unique);
        assertThat(internal.path("visibility").asString()).isEqualTo("internal");
        assertThat(links(data, "posts_authors", publicId(story.id()), "author_id"))
                .containsExactly(authorPublicId(editor.id()), authorPublicId(writer.id()));
        assertThat(data.path("posts_tags").valueStream().map(link -> link.path("id").asString()).distinct().count())
                .isEqualTo(data.path("posts_tags").size());

        JsonNode user = row(data, "users", "id", authorPublicId(writer.id()));
        assertThat(user.path("name").asString()).isEqualTo(writer.name());
        assertThat(user.path("slug").asString()).isEqualTo(writer.slug());
        assertThat(user.path("email").asString()).isEqualTo(writer.slug() + "@example.invalid");
        assertThat(user.path("bio").asString()).isEqualTo("Writes from abroad.");
        assertThat(user.path("website").asString()).isEqualTo("https://writer.example/" + unique);
        assertThat(user.path("profile_image").asString()).isEqualTo(site.absolute(portrait.url()));
        assertThat(user.path("status").asString()).isEqualTo("active");
        assertThat(user.path("masthead_job_title").asString()).isEqualTo("Correspondent");
        assertThat(user.path("masthead_links").size()).isEqualTo(2);
        String authorRole = row(data, "roles", "name", "Author").path("id").asString();
        assertThat(row(data, "roles_users", "user_id", authorPublicId(writer.id())).path("role_id").asString())
                .isEqualTo(authorRole);

        JsonNode blockPost = row(data, "posts", "id", publicId(blocks.id()));
        assertThat(blockPost.path("masthead_body_format").asString()).isEqualTo("blocks");
        JsonNode document = JSON.readTree(blockPost.path("masthead_body_source").asString());
        JsonNode image = document.path("content").path(1);
        assertThat(image.path("type").asString()).isEqualTo("image");
        assertThat(image.path("attrs").has("mediaId")).isFalse();
        assertThat(image.path("attrs").path("src").asString()).isEqualTo(site.absolute(inline.url()));
        assertThat(image.path("attrs").path("caption").asString()).isEqualTo("At dawn");
        assertThat(blockPost.path("masthead_body_source").asString()).doesNotContain("mediaId");
        assertThat(blockPost.path("html").asString()).contains(site.absolute(inline.url())).doesNotContain("\"/media/");

        JsonNode pagePost = row(data, "posts", "id", publicId(page.id()));
        assertThat(pagePost.path("type").asString()).isEqualTo("page");
        assertThat(pagePost.path("masthead_section_id").isNull()).isTrue();
        JsonNode review = row(data, "posts", "id", publicId(inReview.id()));
        assertThat(review.path("status").asString()).isEqualTo("draft");
        assertThat(review.path("masthead_status").asString()).isEqualTo("in_review");
        assertThat(review.path("locale").asString()).isEqualTo("uk");
        JsonNode later = row(data, "posts", "id", publicId(scheduled.id()));
        assertThat(later.path("status").asString()).isEqualTo("scheduled");
        assertThat(later.path("published_at").asString()).isEqualTo("2099-05-01T06:30:00.000Z");

        assertThat(row(data, "masthead_sections", "id", Long.toString(section.id())).path("slug").asString())
                .isEqualTo(section.slug());
        assertThat(row(data, "settings", "key", "title").path("value").asString()).isEqualTo(site.name());
        assertThat(row(data, "settings", "key", "lang").path("value").asString()).isEqualTo(site.language());
    }

    @Test
    void theMediaZipHoldsEveryOriginalPictureUnderContentImages() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        export.writeMedia(zip);

        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        assertThat(export.mediaEntryName(lead.fileName())).isEqualTo("content/images/" + lead.fileName());
        try (var original = store.get(lead.fileName()).orElseThrow().getInputStream()) {
            assertThat(entries.get("content/images/" + lead.fileName())).isEqualTo(original.readAllBytes());
        }
        assertThat(entries).containsKey("content/images/" + inline.fileName());
        // the resized copies are made again by whoever imports the pictures
        List<String> variants = jdbc.sql("select unnest(variants) from media_picture where media_id = ?").param(lead.id())
                .query(String.class).list();
        assertThat(variants).isNotEmpty();
        for (String variant : variants) {
            assertThat(entries).doesNotContainKey("content/images/" + variant.substring(variant.indexOf(' ') + 1));
        }
    }

    private JsonNode exported() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.write(out);
        return JSON.readTree(out.toByteArray());
    }

    private static String blocksWithPicture(long mediaId) {
        return """
                {"type":"doc","version":1,"content":[
                 {"type":"paragraph","content":[{"type":"text","text":"Before the picture."}]},
                 {"type":"image","attrs":{"mediaId":%d,"alt":"The quay","caption":"At dawn","credit":"Photo: Bo"}}]}
                """.formatted(mediaId);
    }

    private String publicId(long articleId) {
        return jdbc.sql("select public_id from content_post where id = ?").param(articleId).query(String.class).single();
    }

    private String tagPublicId(String slug) {
        return jdbc.sql("select public_id from content_tag where slug = ?").param(slug).query(String.class).single();
    }

    private String authorPublicId(long authorId) {
        return jdbc.sql("select public_id from content_author where id = ?").param(authorId).query(String.class).single();
    }

    private static JsonNode row(JsonNode data, String table, String column, String value) {
        List<JsonNode> rows = rows(data, table, row -> value.equals(row.path(column).asString(null)));
        assertThat(rows).as("%s where %s = %s", table, column, value).hasSize(1);
        return rows.get(0);
    }

    private static List<JsonNode> rows(JsonNode data, String table, Predicate<JsonNode> which) {
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode row : data.path(table)) {
            if (which.test(row)) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** The ids a post links to, primary (sort_order 0) first. */
    private static List<String> links(JsonNode data, String table, String postId, String targetColumn) {
        return rows(data, table, row -> postId.equals(row.path("post_id").asString(null))).stream()
                .sorted(java.util.Comparator.comparingInt(row -> row.path("sort_order").asInt()))
                .map(row -> row.path(targetColumn).asString()).toList();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }
}
