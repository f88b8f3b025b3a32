package org.masthead.editorial;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.masthead.content.ArticleKind;
import org.masthead.content.ArticleStatus;
import org.masthead.content.Cursor;
import org.masthead.content.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The newsroom's read model: every article and page whatever its status, most recently changed first, filtered and
 * keyset-paginated on (updated_at, id), read through content's view of articles.
 */
@Component
class EditorialList {

    /**
     * What the list is narrowed to; null fields do not filter.
     *
     * @param createdBy only what this staff member created (contributors see their own)
     */
    record Filter(ArticleKind kind, ArticleStatus status, Long sectionId, Long authorId, String headlineContains,
                  Long createdBy, Cursor before) {

        static Filter all() {
            return new Filter(null, null, null, null, null, null, null);
        }

        Filter createdBy(Long staffId) {
            return new Filter(kind, status, sectionId, authorId, headlineContains, staffId, before);
        }

        Filter status(ArticleStatus wanted) {
            return new Filter(kind, wanted, sectionId, authorId, headlineContains, createdBy, before);
        }
    }

    private final JdbcClient jdbc;

    EditorialList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Slice<ArticleRow> rows(Filter filter, int limit) {
        StringBuilder sql = new StringBuilder("""
                select a.id, a.kind, a.headline, a.slug, a.status, a.section_name, a.author_names, a.updated_at,
                       a.published_at, a.scheduled_at
                from content_article a where true
                """);
        Map<String, Object> params = new HashMap<>();
        if (filter.kind() != null) {
            sql.append(" and a.kind = :kind");
            params.put("kind", filter.kind().dbValue());
        }
        if (filter.status() != null) {
            sql.append(" and a.status = :status");
            params.put("status", filter.status().dbValue());
        }
        if (filter.sectionId() != null) {
            sql.append(" and a.section_id = :section");
            params.put("section", filter.sectionId());
        }
        if (filter.authorId() != null) {
            sql.append(" and :author = any(a.author_ids)");
            params.put("author", filter.authorId());
        }
        if (filter.headlineContains() != null && !filter.headlineContains().isBlank()) {
            sql.append(" and a.headline ilike :q escape '\\'");
            params.put("q", "%" + filter.headlineContains().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.createdBy() != null) {
            sql.append(" and a.created_by = :createdBy");
            params.put("createdBy", filter.createdBy());
        }
        if (filter.before() != null) {
            sql.append(" and (a.updated_at, a.id) < (:at, :id)");
            params.put("at", filter.before().publishedAt().atOffset(ZoneOffset.UTC));
            params.put("id", filter.before().id());
        }
        sql.append(" order by a.updated_at desc, a.id desc limit :limit");
        params.put("limit", limit + 1);
        List<ArticleRow> rows = new ArrayList<>(jdbc.sql(sql.toString()).params(params).query((rs, row) -> new ArticleRow(
                rs.getLong("id"), ArticleKind.fromDb(rs.getString("kind")), rs.getString("headline"), rs.getString("slug"),
                ArticleStatus.fromDb(rs.getString("status")), rs.getString("section_name"),
                strings(rs.getArray("author_names")), instant(rs, "updated_at"), instant(rs, "published_at"),
                instant(rs, "scheduled_at"))).list());
        Cursor next = null;
        if (rows.size() > limit) {
            rows.subList(limit, rows.size()).clear();
            ArticleRow last = rows.get(limit - 1);
            next = new Cursor(last.updatedAt(), last.id());
        }
        return new Slice<>(List.copyOf(rows), next);
    }

    /** Scheduled to go live between two instants, soonest first. */
    List<ArticleRow> scheduledBetween(Instant from, Instant to, Long createdBy) {
        return jdbc.sql("""
                select a.id, a.kind, a.headline, a.slug, a.status, a.section_name, a.author_names, a.updated_at,
                       a.published_at, a.scheduled_at
                from content_article a
                where a.status = 'scheduled' and a.scheduled_at >= :from and a.scheduled_at < :to
                  and (:createdBy::bigint is null or a.created_by = :createdBy)
                order by a.scheduled_at, a.id limit 50
                """).param("from", from.atOffset(ZoneOffset.UTC)).param("to", to.atOffset(ZoneOffset.UTC))
                .param("createdBy", createdBy)
                .query((rs, row) -> new ArticleRow(rs.getLong("id"), ArticleKind.fromDb(rs.getString("kind")),
                        rs.getString("headline"), rs.getString("slug"), ArticleStatus.fromDb(rs.getString("status")),
                        rs.getString("section_name"), strings(rs.getArray("author_names")), instant(rs, "updated_at"),
                        instant(rs, "published_at"), instant(rs, "scheduled_at"))).list();
    }

    /** How many articles are in each status, for the dashboard. */
    Map<ArticleStatus, Long> countByStatus(Long createdBy) {
        Map<ArticleStatus, Long> counts = new EnumMap<>(ArticleStatus.class);
        for (ArticleStatus status : ArticleStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("select status, count(*) from content_article where (:createdBy::bigint is null or created_by = :createdBy) group by status")
                .param("createdBy", createdBy)
                .query((rs, row) -> counts.put(ArticleStatus.fromDb(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
