package org.masthead.archive;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.JsonGenerator;

/**
 * {@code posts_tags} and {@code posts_authors}: each post's tags and bylines in order, sort_order 0 the primary one,
 * read for a page of posts at a time.
 */
final class ExportedLinks {

    /** A link view of content's and the column naming what a post links to. */
    enum Kind {
        TAGS("posts_tags", "content_post_tag", "tag_id"),
        AUTHORS("posts_authors", "content_post_author", "author_id");

        final String table;
        final String view;
        final String targetColumn;

        Kind(String table, String view, String targetColumn) {
            this.table = table;
            this.view = view;
            this.targetColumn = targetColumn;
        }
    }

    private record PostId(long id, String publicId) {
    }

    private final JdbcClient jdbc;
    private final int pageSize;

    ExportedLinks(JdbcClient jdbc, int pageSize) {
        this.jdbc = jdbc;
        this.pageSize = pageSize;
    }

    void write(Kind kind, JsonGenerator json) {
        json.writeArrayPropertyStart(kind.table);
        long after = 0;
        while (true) {
            List<PostId> page = jdbc.sql("select id, public_id from content_post where id > ? order by id limit ?")
                    .params(after, pageSize).query((rs, n) -> new PostId(rs.getLong("id"), rs.getString("public_id"))).list();
            if (page.isEmpty()) {
                break;
            }
            Map<Long, String> publicIds = new HashMap<>();
            page.forEach(post -> publicIds.put(post.id(), post.publicId()));
            // the view's public_id is the tag's or the author's
            jdbc.sql("select article_id, public_id, position from " + kind.view
                            + " where article_id = any(?) order by article_id, position")
                    .param(publicIds.keySet().toArray(Long[]::new))
                    .query(rs -> {
                        String postId = publicIds.get(rs.getLong("article_id"));
                        String targetId = rs.getString("public_id");
                        json.writeStartObject();
                        json.writeStringProperty("id", ExportIds.of(kind.table, postId, targetId));
                        json.writeStringProperty("post_id", postId);
                        json.writeStringProperty(kind.targetColumn, targetId);
                        json.writeNumberProperty("sort_order", rs.getInt("position"));
                        json.writeEndObject();
                    });
            if (page.size() < pageSize) {
                break;
            }
            after = page.get(page.size() - 1).id();
        }
        json.writeEndArray();
    }
}
