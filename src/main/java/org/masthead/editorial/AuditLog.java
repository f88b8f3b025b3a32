package org.masthead.editorial;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who did what to which article, newest first. Written in the same transaction as the change itself. */
@Repository
public class AuditLog {

    private static final RowMapper<AuditEntry> ENTRY = (rs, row) -> new AuditEntry(rs.getLong("id"),
            rs.getObject("at", OffsetDateTime.class).toInstant(),
            rs.getString("display_name") == null ? "Masthead (automatic)" : rs.getString("display_name"),
            rs.getString("action"), rs.getObject("article_id") == null ? null : rs.getLong("article_id"),
            rs.getString("headline"), rs.getString("detail"));

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(Long staffId, String action, Long articleId, String detail, Instant at) {
        jdbc.sql("insert into audit_log (at, staff_id, action, article_id, detail) values (?, ?, ?, ?, ?)")
                .params(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), staffId, action, articleId,
                        detail == null ? "" : detail).update();
    }

    /** A page of the log, newest first, continuing below entry {@code beforeId} when given. */
    List<AuditEntry> page(Long articleId, Long beforeId, int limit) {
        String sql = "select l.id, l.at, s.display_name, l.action, l.article_id, a.headline, l.detail"
                + " from audit_log l left join staff_user s on s.id = l.staff_id left join article a on a.id = l.article_id"
                + " where true" + (articleId == null ? "" : " and l.article_id = :articleId")
                + (beforeId == null ? "" : " and l.id < :beforeId")
                + " order by l.id desc limit :limit";
        var statement = jdbc.sql(sql).param("limit", limit);
        if (articleId != null) {
            statement = statement.param("articleId", articleId);
        }
        if (beforeId != null) {
            statement = statement.param("beforeId", beforeId);
        }
        return statement.query(ENTRY).list();
    }
}
