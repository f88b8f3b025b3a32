package org.masthead.content;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.masthead.body.BodyFormat;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The history of articles: every version the newsroom kept (revisions) and who did what (the audit log). Written by
 * {@link Publishing} in the transaction of each change; read by the newsroom.
 */
@Component
public class ArticleHistory {

    private static final String COLUMNS = """
            article_id, number, reason, actor_name, created_at, headline, slug, standfirst, section_id, author_ids,
            tags, body_source, body_format, lead_image_id, lead_image_alt, lead_image_caption, lead_image_credit, seo,
            featured
            """;

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate named;

    ArticleHistory(JdbcClient jdbc, org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** Keeps the article's content as a new revision numbered after the last one. */
    void keep(long articleId, String slug, ArticleContent content, RevisionReason reason, Actor actor, Instant at) {
        keepAll(List.of(new Kept(articleId, slug, content, at)), reason, actor);
    }

    /** One article's version to keep. */
    record Kept(long articleId, String slug, ArticleContent content, Instant at) {
    }

    /** Keeps each article's content as a new revision numbered after its last one, sent as one batch. */
    void keepAll(List<Kept> versions, RevisionReason reason, Actor actor) {
        org.springframework.jdbc.core.namedparam.SqlParameterSource[] rows = versions.stream().map(kept -> {
            ArticleContent content = kept.content();
            LeadImage image = content.leadImage();
            return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                    .addValue("articleId", kept.articleId()).addValue("reason", reason.dbValue())
                    .addValue("staffId", actor.staffId(), java.sql.Types.BIGINT)
                    .addValue("actorKind", actor.kind().dbValue()).addValue("actorName", actor.name())
                    .addValue("at", OffsetDateTime.ofInstant(kept.at(), ZoneOffset.UTC)).addValue("headline", content.headline())
                    .addValue("slug", kept.slug()).addValue("standfirst", content.standfirst(), java.sql.Types.VARCHAR)
                    .addValue("sectionId", content.sectionId(), java.sql.Types.BIGINT)
                    .addValue("authorIds", content.authorIds().toArray(Long[]::new))
                    .addValue("tags", content.tags().toArray(String[]::new))
                    .addValue("body", content.bodySource()).addValue("format", content.bodyFormat().dbValue())
                    .addValue("imageId", image == null ? null : image.mediaId(), java.sql.Types.BIGINT)
                    .addValue("imageAlt", image == null ? null : image.alt(), java.sql.Types.VARCHAR)
                    .addValue("imageCaption", image == null ? null : image.caption(), java.sql.Types.VARCHAR)
                    .addValue("imageCredit", image == null ? null : image.credit(), java.sql.Types.VARCHAR)
                    .addValue("seo", content.seo().toJson())
                    .addValue("featured", content.featured());
        }).toArray(org.springframework.jdbc.core.namedparam.SqlParameterSource[]::new);
        named.batchUpdate("""
                insert into article_revision (article_id, number, reason, staff_id, actor_kind, actor_name, created_at,
                    headline, slug, standfirst, section_id, author_ids, tags, body_source, body_format, lead_image_id,
                    lead_image_alt, lead_image_caption, lead_image_credit, seo, featured)
                values (:articleId, coalesce((select max(number) from article_revision where article_id = :articleId), 0) + 1,
                    :reason, :staffId, :actorKind, :actorName, :at, :headline, :slug, :standfirst, :sectionId, :authorIds,
                    :tags, :body, :format, :imageId, :imageAlt, :imageCaption, :imageCredit, :seo, :featured)
                """, rows);
    }

    void record(Actor actor, String action, Long articleId, String detail, Instant at) {
        jdbc.sql("""
                insert into audit_log (at, staff_id, actor_kind, actor_id, actor_name, action, article_id, detail)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """).params(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), actor.staffId(), actor.kind().dbValue(),
                actor.id(), actor.name(), action, articleId, detail == null ? "" : detail).update();
    }

    void note(Actor actor, long articleId, ReviewNote.Kind kind, String note, Instant at) {
        String text = org.masthead.text.PlainText.multiline(note);
        if (text.length() > org.masthead.text.FieldLimits.REVIEW_NOTE) {
            throw new ArticleValidationException(Map.of("note", "The note may be at most "
                    + org.masthead.text.FieldLimits.REVIEW_NOTE + " characters; it has " + text.length() + "."));
        }
        jdbc.sql("""
                insert into review_note (article_id, kind, note, actor_kind, actor_id, actor_name, created_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """).params(articleId, kind.dbValue(), text, actor.kind().dbValue(), actor.id(), actor.name(),
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).update();
    }

    /** The notes that travelled with a story, newest first. */
    public List<ReviewNote> notes(long articleId) {
        return jdbc.sql("select * from review_note where article_id = ? order by created_at desc, id desc")
                .param(articleId).query(NOTE).list();
    }

    /** The newest note of each of these stories. */
    public Map<Long, ReviewNote> latestNotes(java.util.Collection<Long> articleIds) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                select distinct on (article_id) * from review_note where article_id = any(?)
                order by article_id, created_at desc, id desc
                """).param(articleIds.toArray(Long[]::new)).query(NOTE).list().stream()
                .collect(java.util.stream.Collectors.toMap(ReviewNote::articleId, note -> note));
    }

    private static final RowMapper<ReviewNote> NOTE = (rs, row) -> new ReviewNote(rs.getLong("id"), rs.getLong("article_id"),
            ReviewNote.Kind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)), rs.getString("note"),
            rs.getString("actor_name"), rs.getObject("actor_id", Long.class),
            rs.getObject("created_at", OffsetDateTime.class).toInstant());

    public List<Revision> revisions(long articleId) {
        return jdbc.sql("select " + COLUMNS + " from article_revision where article_id = ? order by number desc")
                .param(articleId).query(REVISION).list();
    }

    public Optional<Revision> revision(long articleId, int number) {
        return jdbc.sql("select " + COLUMNS + " from article_revision where article_id = ? and number = ?")
                .params(articleId, number).query(REVISION).optional();
    }

    public Optional<Revision> latestRevision(long articleId) {
        return jdbc.sql("select " + COLUMNS + " from article_revision where article_id = ? order by number desc limit 1")
                .param(articleId).query(REVISION).optional();
    }

    /** A page of the audit log, newest first, continuing below entry {@code beforeId} when given. */
    public List<AuditEntry> audit(Long articleId, Long beforeId, int limit) {
        String sql = "select l.id, l.at, l.actor_name, l.action, l.article_id, a.headline, l.detail"
                + " from audit_log l left join article a on a.id = l.article_id"
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
        return statement.query((rs, row) -> new AuditEntry(rs.getLong("id"),
                rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("actor_name").isEmpty() ? "Masthead (automatic)" : rs.getString("actor_name"),
                rs.getString("action"), rs.getObject("article_id", Long.class), rs.getString("headline"),
                rs.getString("detail"))).list();
    }

    private static final RowMapper<Revision> REVISION = (rs, row) -> new Revision(rs.getLong("article_id"),
            rs.getInt("number"), RevisionReason.valueOf(rs.getString("reason").toUpperCase(java.util.Locale.ROOT)),
            rs.getString("actor_name").isEmpty() ? "Masthead" : rs.getString("actor_name"),
            rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("headline"), rs.getString("slug"),
            rs.getString("standfirst"), rs.getObject("section_id", Long.class), longs(rs.getArray("author_ids")),
            strings(rs.getArray("tags")), rs.getString("body_source"), BodyFormat.fromDb(rs.getString("body_format")),
            image(rs), Seo.fromJson(rs.getString("seo")), rs.getBoolean("featured"));

    private static LeadImage image(ResultSet rs) throws SQLException {
        return rs.getObject("lead_image_id") == null ? null : new LeadImage(rs.getLong("lead_image_id"),
                rs.getString("lead_image_alt"), rs.getString("lead_image_caption"), rs.getString("lead_image_credit"));
    }

    private static List<Long> longs(Array array) throws SQLException {
        return Arrays.asList((Long[]) array.getArray());
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
