package org.masthead.archive;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * The {@code posts} and {@code posts_meta} tables of a Ghost export, read from content's {@code content_post} views
 * a page at a time (keyset on id), so no more than a page of bodies is ever in memory. Besides Ghost's columns, each
 * post carries Masthead's own ({@code masthead_*}, which Ghost ignores) so a Masthead import restores it exactly.
 */
final class ExportedPosts {

    private static final String POSTS = """
            select p.id, p.public_id, p.uuid, p.kind, p.slug, p.headline, p.standfirst, p.status, p.featured, p.language,
                p.section_id, p.body_source, p.body_format, p.body_html, p.body_text, p.lead_image_credit,
                p.published_at, p.scheduled_at, p.created_at, p.updated_at, p.canonical_url,
                (select m.file_name from media_picture m where m.media_id = p.lead_image_id) as lead_file,
                array(select o.path from content_post_old_path o where o.article_id = p.id order by o.path) as old_paths,
                array(select h.slug from content_post_slug_history h where h.article_id = p.id
                      order by h.retired_at, h.slug) as old_slugs
            from content_post p where p.id > ? order by p.id limit ?
            """;
    private static final String META = """
            select p.id, p.public_id, p.lead_image_alt, p.lead_image_caption, p.meta_title, p.meta_description,
                p.og_title, p.og_description, p.twitter_title, p.twitter_description,
                (select m.file_name from media_picture m where m.media_id = p.og_image_id) as og_file,
                (select m.file_name from media_picture m where m.media_id = p.twitter_image_id) as twitter_file
            from content_post p where p.id > ? order by p.id limit ?
            """;

    private record Post(long id, String publicId, String uuid, String kind, String slug, String headline,
                        String standfirst, String status, boolean featured, String language, Long sectionId,
                        String bodySource, String bodyFormat, String bodyHtml, String bodyText, String leadCredit,
                        Instant publishedAt, Instant scheduledAt, Instant createdAt, Instant updatedAt,
                        String canonicalUrl, String leadFile, List<String> oldPaths, List<String> oldSlugs) {

        boolean isBlocks() {
            return "blocks".equals(bodyFormat);
        }
    }

    private record Meta(long id, String publicId, String featureImageAlt, String featureImageCaption, String metaTitle,
                        String metaDescription, String ogTitle, String ogDescription, String ogFile,
                        String twitterTitle, String twitterDescription, String twitterFile) {

        boolean isEmpty() {
            return ExportJson.isBlank(featureImageAlt) && ExportJson.isBlank(featureImageCaption)
                    && ExportJson.isBlank(metaTitle) && ExportJson.isBlank(metaDescription)
                    && ExportJson.isBlank(ogTitle) && ExportJson.isBlank(ogDescription) && ogFile == null
                    && ExportJson.isBlank(twitterTitle) && ExportJson.isBlank(twitterDescription) && twitterFile == null;
        }
    }

    private final JdbcClient jdbc;
    private final ExportAddresses addresses;
    private final int pageSize;

    ExportedPosts(JdbcClient jdbc, ExportAddresses addresses, int pageSize) {
        this.jdbc = jdbc;
        this.addresses = addresses;
        this.pageSize = pageSize;
    }

    void writePosts(JsonGenerator json) {
        json.writeArrayPropertyStart("posts");
        long after = 0;
        while (true) {
            List<Post> page = jdbc.sql(POSTS).params(after, pageSize).query((rs, n) -> post(rs)).list();
            Map<Long, JsonNode> blocks = new HashMap<>();
            for (Post post : page) {
                JsonNode document = post.isBlocks() ? ExportedBlocks.parse(post.bodySource()) : null;
                if (document != null) {
                    blocks.put(post.id(), document);
                }
            }
            Map<Long, String> files = pictureFiles(blocks.values());
            for (Post post : page) {
                JsonNode document = blocks.get(post.id());
                write(post, document == null ? addresses.absolute(post.bodySource())
                        : ExportedBlocks.withAddresses(document, files, addresses), json);
            }
            if (page.size() < pageSize) {
                break;
            }
            after = page.get(page.size() - 1).id();
        }
        json.writeEndArray();
    }

    /** A row only for posts with something to say: Ghost's own exports leave the rest out too. */
    void writeMeta(JsonGenerator json) {
        json.writeArrayPropertyStart("posts_meta");
        long after = 0;
        while (true) {
            List<Meta> page = jdbc.sql(META).params(after, pageSize).query((rs, n) -> meta(rs)).list();
            for (Meta meta : page) {
                if (!meta.isEmpty()) {
                    write(meta, json);
                }
            }
            if (page.size() < pageSize) {
                break;
            }
            after = page.get(page.size() - 1).id();
        }
        json.writeEndArray();
    }

    private void write(Post post, String bodySource, JsonGenerator json) {
        json.writeStartObject();
        json.writeStringProperty("id", post.publicId());
        json.writeStringProperty("uuid", post.uuid());
        json.writeStringProperty("title", post.headline());
        json.writeStringProperty("slug", post.slug());
        json.writeStringProperty("html", addresses.absolute(post.bodyHtml()));
        json.writeStringProperty("plaintext", post.bodyText());
        json.writeStringProperty("feature_image", addresses.picture(post.leadFile()));
        json.writeBooleanProperty("featured", post.featured());
        json.writeStringProperty("type", "page".equals(post.kind()) ? "page" : "post");
        json.writeStringProperty("status", ghostStatus(post.status()));
        json.writeStringProperty("locale", post.language());
        json.writeStringProperty("visibility", "public");
        ExportJson.date(json, "created_at", post.createdAt());
        ExportJson.date(json, "updated_at", post.updatedAt());
        // Ghost keeps a scheduled post's planned time in published_at
        ExportJson.date(json, "published_at", "scheduled".equals(post.status()) ? post.scheduledAt() : post.publishedAt());
        ExportJson.text(json, "custom_excerpt", post.standfirst());
        ExportJson.text(json, "canonical_url", post.canonicalUrl());
        json.writeStringProperty("masthead_section_id", post.sectionId() == null ? null : post.sectionId().toString());
        json.writeStringProperty("masthead_body_source", bodySource);
        json.writeStringProperty("masthead_body_format", post.bodyFormat());
        ExportJson.text(json, "masthead_feature_image_credit", post.leadCredit());
        json.writeStringProperty("masthead_status", post.status());
        ExportJson.strings(json, "masthead_old_paths", post.oldPaths());
        ExportJson.strings(json, "masthead_slug_history", post.oldSlugs());
        json.writeEndObject();
    }

    private void write(Meta meta, JsonGenerator json) {
        json.writeStartObject();
        json.writeStringProperty("id", ExportIds.of("posts_meta", meta.publicId()));
        json.writeStringProperty("post_id", meta.publicId());
        ExportJson.text(json, "feature_image_alt", meta.featureImageAlt());
        json.writeStringProperty("feature_image_caption", ExportJson.html(meta.featureImageCaption()));
        ExportJson.text(json, "meta_title", meta.metaTitle());
        ExportJson.text(json, "meta_description", meta.metaDescription());
        ExportJson.text(json, "og_title", meta.ogTitle());
        ExportJson.text(json, "og_description", meta.ogDescription());
        json.writeStringProperty("og_image", addresses.picture(meta.ogFile()));
        ExportJson.text(json, "twitter_title", meta.twitterTitle());
        ExportJson.text(json, "twitter_description", meta.twitterDescription());
        json.writeStringProperty("twitter_image", addresses.picture(meta.twitterFile()));
        json.writeEndObject();
    }

    /** Masthead's in_review and unpublished are drafts to Ghost (masthead_status keeps the difference). */
    static String ghostStatus(String status) {
        switch (status) {
            case "published":
                return "published";
            case "scheduled":
                return "scheduled";
            default:
                return "draft";
        }
    }

    /** The stored files of the library pictures a page's block bodies show, in one query. */
    private Map<Long, String> pictureFiles(Iterable<JsonNode> documents) {
        Set<Long> ids = new HashSet<>();
        documents.forEach(document -> ExportedBlocks.collectMediaIds(document, ids));
        Map<Long, String> files = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select media_id, file_name from media_picture where media_id = any(?)")
                    .param(ids.toArray(Long[]::new))
                    .query(rs -> {
                        files.put(rs.getLong("media_id"), rs.getString("file_name"));
                    });
        }
        return files;
    }

    private static Post post(ResultSet rs) throws SQLException {
        return new Post(rs.getLong("id"), rs.getString("public_id"), rs.getString("uuid"), rs.getString("kind"),
                rs.getString("slug"), rs.getString("headline"), rs.getString("standfirst"), rs.getString("status"),
                rs.getBoolean("featured"), rs.getString("language"), rs.getObject("section_id", Long.class),
                rs.getString("body_source"), rs.getString("body_format"), rs.getString("body_html"),
                rs.getString("body_text"), rs.getString("lead_image_credit"), instant(rs, "published_at"),
                instant(rs, "scheduled_at"), instant(rs, "created_at"), instant(rs, "updated_at"),
                rs.getString("canonical_url"), rs.getString("lead_file"), strings(rs.getArray("old_paths")),
                strings(rs.getArray("old_slugs")));
    }

    private static Meta meta(ResultSet rs) throws SQLException {
        return new Meta(rs.getLong("id"), rs.getString("public_id"), rs.getString("lead_image_alt"),
                rs.getString("lead_image_caption"), rs.getString("meta_title"), rs.getString("meta_description"),
                rs.getString("og_title"), rs.getString("og_description"), rs.getString("og_file"),
                rs.getString("twitter_title"), rs.getString("twitter_description"), rs.getString("twitter_file"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
