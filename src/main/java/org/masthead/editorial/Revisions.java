package org.masthead.editorial;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.masthead.article.Article;
import org.masthead.article.ArticleContent;
import org.masthead.article.LeadImage;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every version of an article's content the newsroom saved, numbered from 1. */
@Repository
class Revisions {

    private static final String COLUMNS = """
            r.article_id, r.number, r.reason, s.display_name, r.created_at, r.headline, r.slug, r.standfirst,
            r.section_id, r.author_ids, r.tags, r.body_markdown, r.lead_image_id, r.lead_image_alt,
            r.lead_image_caption, r.lead_image_credit
            """;

    private final JdbcClient jdbc;

    Revisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Keeps the article's current content as a new revision, unless it is a plain save that changed nothing
     * since the last revision.
     */
    void keep(Article article, RevisionReason reason, Long staffId, Instant at) {
        ArticleContent content = article.content();
        if ((reason == RevisionReason.SAVE || reason == RevisionReason.AUTOSAVE)
                && latest(article.id()).map(last -> sameContent(last, article)).orElse(false)) {
            return;
        }
        LeadImage image = content.leadImage();
        jdbc.sql("""
                insert into article_revision (article_id, number, reason, staff_id, created_at, headline, slug,
                    standfirst, section_id, author_ids, tags, body_markdown, lead_image_id, lead_image_alt,
                    lead_image_caption, lead_image_credit)
                values (:articleId, coalesce((select max(number) from article_revision where article_id = :articleId), 0) + 1,
                    :reason, :staffId, :at, :headline, :slug, :standfirst, :sectionId, :authorIds, :tags, :body,
                    :imageId, :imageAlt, :imageCaption, :imageCredit)
                """)
                .param("articleId", article.id()).param("reason", reason.dbValue()).param("staffId", staffId)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("headline", content.headline())
                .param("slug", article.slug()).param("standfirst", content.standfirst())
                .param("sectionId", content.sectionId())
                .param("authorIds", content.authorIds().toArray(Long[]::new))
                .param("tags", content.tags().toArray(String[]::new))
                .param("body", content.bodyMarkdown())
                .param("imageId", image == null ? null : image.mediaId())
                .param("imageAlt", image == null ? null : image.alt())
                .param("imageCaption", image == null ? null : image.caption())
                .param("imageCredit", image == null ? null : image.credit())
                .update();
    }

    List<Revision> list(long articleId) {
        return jdbc.sql("select " + COLUMNS + " from article_revision r left join staff_user s on s.id = r.staff_id"
                + " where r.article_id = ? order by r.number desc").param(articleId).query(REVISION).list();
    }

    Optional<Revision> find(long articleId, int number) {
        return jdbc.sql("select " + COLUMNS + " from article_revision r left join staff_user s on s.id = r.staff_id"
                + " where r.article_id = ? and r.number = ?").params(articleId, number).query(REVISION).optional();
    }

    Optional<Revision> latest(long articleId) {
        return jdbc.sql("select " + COLUMNS + " from article_revision r left join staff_user s on s.id = r.staff_id"
                + " where r.article_id = ? order by r.number desc limit 1").param(articleId).query(REVISION).optional();
    }

    private static boolean sameContent(Revision last, Article article) {
        ArticleContent content = article.content();
        return last.headline().equals(content.headline()) && last.slug().equals(article.slug())
                && java.util.Objects.equals(last.standfirst(), content.standfirst())
                && last.sectionId() == content.sectionId() && last.authorIds().equals(content.authorIds())
                && last.tags().equals(content.tags()) && last.bodyMarkdown().equals(content.bodyMarkdown())
                && java.util.Objects.equals(last.leadImage(), content.leadImage());
    }

    private static final RowMapper<Revision> REVISION = (rs, row) -> new Revision(rs.getLong("article_id"),
            rs.getInt("number"), RevisionReason.valueOf(rs.getString("reason").toUpperCase(java.util.Locale.ROOT)),
            rs.getString("display_name") == null ? "Masthead" : rs.getString("display_name"),
            rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("headline"), rs.getString("slug"),
            rs.getString("standfirst"), rs.getLong("section_id"), longs(rs.getArray("author_ids")),
            strings(rs.getArray("tags")), rs.getString("body_markdown"), image(rs));

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
