package org.masthead.archive;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.JsonGenerator;

/** {@code tags} (Ghost's internal ones, "#…", marked so) and Masthead's own {@code masthead_sections}. */
final class ExportedTaxonomy {

    private record TagRow(long id, String publicId, String slug, String name, String description,
                          java.time.Instant createdAt, java.time.Instant updatedAt) {
    }

    private final JdbcClient jdbc;
    private final int pageSize;

    ExportedTaxonomy(JdbcClient jdbc, int pageSize) {
        this.jdbc = jdbc;
        this.pageSize = pageSize;
    }

    void writeTags(JsonGenerator json) {
        json.writeArrayPropertyStart("tags");
        long after = 0;
        while (true) {
            List<TagRow> page = jdbc.sql("""
                    select id, public_id, slug, name, description, created_at, updated_at from content_tag
                    where id > ? order by id limit ?
                    """).params(after, pageSize).query((rs, n) -> new TagRow(rs.getLong("id"), rs.getString("public_id"),
                    rs.getString("slug"), rs.getString("name"), rs.getString("description"),
                    ExportedPosts.instant(rs, "created_at"), ExportedPosts.instant(rs, "updated_at"))).list();
            for (TagRow tag : page) {
                json.writeStartObject();
                json.writeStringProperty("id", tag.publicId());
                json.writeStringProperty("name", tag.name());
                json.writeStringProperty("slug", tag.slug());
                ExportJson.text(json, "description", tag.description());
                json.writeNullProperty("feature_image");
                json.writeNullProperty("parent_id");
                json.writeStringProperty("visibility", tag.name().startsWith("#") ? "internal" : "public");
                ExportJson.date(json, "created_at", tag.createdAt());
                ExportJson.date(json, "updated_at", tag.updatedAt());
                json.writeEndObject();
            }
            if (page.size() < pageSize) {
                break;
            }
            after = page.get(page.size() - 1).id();
        }
        json.writeEndArray();
    }

    /** Sections are few (a newsroom's desks): one query. Ghost has none, so the table is Masthead's own. */
    void writeSections(JsonGenerator json) {
        json.writeArrayPropertyStart("masthead_sections");
        jdbc.sql("select id, slug, name, description, position from content_section order by id").query(rs -> {
            json.writeStartObject();
            json.writeStringProperty("id", Long.toString(rs.getLong("id")));
            json.writeStringProperty("slug", rs.getString("slug"));
            json.writeStringProperty("name", rs.getString("name"));
            ExportJson.text(json, "description", rs.getString("description"));
            json.writeNumberProperty("position", rs.getInt("position"));
            json.writeEndObject();
        });
        json.writeEndArray();
    }
}
