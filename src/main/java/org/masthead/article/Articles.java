package org.masthead.article;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.masthead.media.Media;
import org.masthead.text.MarkdownRenderer.RenderedMarkdown;
import org.masthead.text.Slugs;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores articles and answers the questions reader pages ask. Every list is keyset-paginated on
 * (published_at, id) and served by one of the partial indexes on published rows.
 */
@Repository
public class Articles {

    /** Resized copies of the lead image as "width file" pairs, for srcset. */
    private static final String VARIANTS = """
            array(select v.width::text || ' ' || v.file_name from media_variant v
                  where v.media_id = a.lead_image_id order by v.width) as variants
            """;
    private static final String SUMMARY_COLUMNS = """
            a.id, a.slug, a.headline, a.standfirst, a.reading_minutes, a.published_at, a.updated_at,
            s.id as section_id, s.slug as section_slug, s.name as section_name,
            m.file_name, m.width, m.height, a.lead_image_alt, a.lead_image_caption, a.lead_image_credit,
            """ + VARIANTS + """
            ,
            array(select au.name from article_author aa join author au on au.id = aa.author_id
                  where aa.article_id = a.id order by aa.position) as author_names
            """;
    private static final String SUMMARY_JOINS = """
            join section s on s.id = a.section_id
            left join media m on m.id = a.lead_image_id
            """;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Articles(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional
    public Article save(Article article) {
        boolean wasPublished = article.id() != null && jdbc.sql("select status from article where id = ? for update")
                .param(article.id()).query(String.class).optional()
                .map(ArticleStatus::fromDb).orElse(null) == ArticleStatus.PUBLISHED;
        try {
            if (article.id() == null) {
                insert(article);
            } else {
                update(article);
            }
        } catch (DuplicateKeyException e) {
            throw new ArticleException("Another article already uses the slug \"" + article.slug() + "\".");
        }
        replaceAuthors(article);
        replaceTags(article);
        for (String retired : article.takeRetiredSlugs()) {
            jdbc.sql("""
                    insert into article_slug_history (slug, article_id, retired_at) values (?, ?, ?)
                    on conflict (slug) do update set article_id = excluded.article_id, retired_at = excluded.retired_at
                    """).params(retired, article.id(), timestamp(article.updatedAt())).update();
        }
        // A slug in use by a live article must not also redirect elsewhere.
        jdbc.sql("delete from article_slug_history where slug = ?").param(article.slug()).update();
        if (article.status() == ArticleStatus.PUBLISHED && !wasPublished) {
            events.publishEvent(new ArticlePublished(article.id(), article.slug(), article.content().sectionId(),
                    article.publishedAt()));
        } else if (wasPublished && article.status() != ArticleStatus.PUBLISHED) {
            events.publishEvent(new ArticleUnpublished(article.id()));
        } else if (wasPublished) {
            events.publishEvent(new ArticleUpdated(article.id()));
        }
        return article;
    }

    private void insert(Article article) {
        long id = jdbc.sql("""
                insert into article (slug, headline, standfirst, section_id, language, body_markdown, body_html,
                    body_text, word_count, body_image_count, reading_minutes, lead_image_id, lead_image_alt, lead_image_caption,
                    lead_image_credit, status, published_at, scheduled_at, created_by, created_at, updated_at)
                values (:slug, :headline, :standfirst, :sectionId, :language, :markdown, :html, :text, :words, :images,
                    :readingMinutes, :imageId, :imageAlt, :imageCaption, :imageCredit, :status, :publishedAt,
                    :scheduledAt, :createdBy, :createdAt, :updatedAt)
                returning id
                """).paramSource(columns(article)).query(Long.class).single();
        article.assignId(id);
        article.savedAs(0);
    }

    private void update(Article article) {
        int updated = jdbc.sql("""
                update article set slug = :slug, headline = :headline, standfirst = :standfirst,
                    section_id = :sectionId, language = :language, body_markdown = :markdown, body_html = :html,
                    body_text = :text, word_count = :words, body_image_count = :images, reading_minutes = :readingMinutes,
                    lead_image_id = :imageId, lead_image_alt = :imageAlt, lead_image_caption = :imageCaption,
                    lead_image_credit = :imageCredit, status = :status, published_at = :publishedAt,
                    scheduled_at = :scheduledAt, updated_at = :updatedAt, version = version + 1
                where id = :id and version = :version
                """).paramSource(columns(article)).update();
        if (updated != 1) {
            // Optimistic locking: someone saved since this copy was read (or it was deleted). Never overwrite.
            throw new ArticleConflictException(article.id());
        }
        article.savedAs(article.version() + 1);
    }

    private ArticleColumns columns(Article article) {
        ArticleContent content = article.content();
        RenderedMarkdown body = article.body();
        LeadImage image = content.leadImage();
        return new ArticleColumns(article.id(), article.slug(), content.headline().strip(), content.standfirst(),
                content.sectionId(), content.language(), content.bodyMarkdown(), body.html(), body.text(),
                body.words(), body.imageCount(), article.readingMinutes(),
                image == null ? null : image.mediaId(), image == null ? null : image.alt(),
                image == null ? null : image.caption(), image == null ? null : image.credit(),
                article.status().dbValue(), timestamp(article.publishedAt()), timestamp(article.scheduledAt()),
                article.createdBy(), article.version(), timestamp(article.createdAt()), timestamp(article.updatedAt()));
    }

    /** Named parameters of the article row, read by JdbcClient through the record's accessors. */
    record ArticleColumns(Long id, String slug, String headline, String standfirst, long sectionId,
                          String language, String markdown, String html, String text, int words, int images,
                          int readingMinutes, Long imageId, String imageAlt, String imageCaption,
                          String imageCredit, String status, OffsetDateTime publishedAt,
                          OffsetDateTime scheduledAt, Long createdBy, int version,
                          OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    private void replaceAuthors(Article article) {
        jdbc.sql("delete from article_author where article_id = ?").param(article.id()).update();
        List<Long> authorIds = article.content().authorIds();
        for (int position = 0; position < authorIds.size(); position++) {
            jdbc.sql("insert into article_author (article_id, author_id, position) values (?, ?, ?)")
                    .params(article.id(), authorIds.get(position), position).update();
        }
    }

    private void replaceTags(Article article) {
        jdbc.sql("delete from article_tag where article_id = ?").param(article.id()).update();
        List<String> tags = article.content().tags();
        for (String name : tags) {
            if (Slugs.slugify(name).isEmpty()) {
                throw new ArticleValidationException(java.util.Map.of("tags",
                        "The tag \"" + name + "\" needs at least one letter or digit a URL can use."));
            }
        }
        // Tags are created in slug order, so concurrent saves lock tag rows in the same order and cannot deadlock.
        for (String name : tags.stream().sorted(java.util.Comparator.comparing(Slugs::slugify)).toList()) {
            jdbc.sql("insert into tag (slug, name) values (?, ?) on conflict (slug) do nothing")
                    .params(Slugs.slugify(name), name).update();
        }
        for (int position = 0; position < tags.size(); position++) {
            String name = tags.get(position);
            long tagId = jdbc.sql("select id from tag where slug = ?").param(Slugs.slugify(name)).query(Long.class).single();
            jdbc.sql("insert into article_tag (article_id, tag_id, position) values (?, ?, ?) on conflict do nothing")
                    .params(article.id(), tagId, position).update();
        }
    }

    /**
     * The article as its writers edit it. Related rows are read after the article row, never from inside a row
     * mapper: a nested query would hold two pooled connections at once and deadlock a busy pool.
     */
    public Optional<Article> findById(long id) {
        return jdbc.sql("select * from article where id = ?").param(id).query((rs, row) -> new StoredArticle(
                rs.getString("headline"), rs.getString("slug"), rs.getString("standfirst"), rs.getLong("section_id"),
                rs.getString("body_markdown"),
                rs.getObject("lead_image_id") == null ? null : new LeadImage(rs.getLong("lead_image_id"),
                        rs.getString("lead_image_alt"), rs.getString("lead_image_caption"), rs.getString("lead_image_credit")),
                rs.getString("language"),
                new RenderedMarkdown(rs.getString("body_html"), rs.getString("body_text"), rs.getInt("word_count"),
                        rs.getInt("body_image_count")),
                ArticleStatus.fromDb(rs.getString("status")), instant(rs, "published_at"), instant(rs, "scheduled_at"),
                rs.getInt("version"), rs.getObject("created_by") == null ? null : rs.getLong("created_by"),
                instant(rs, "created_at"), instant(rs, "updated_at"))).optional().map(stored -> {
            List<Long> authorIds = jdbc.sql("select author_id from article_author where article_id = ? order by position")
                    .param(id).query(Long.class).list();
            ArticleContent content = new ArticleContent(stored.headline(), stored.slug(), stored.standfirst(),
                    stored.sectionId(), authorIds, tagNames(id), stored.markdown(), stored.leadImage(), stored.language());
            return Article.load(id, stored.version(), content, stored.body(), stored.status(), stored.publishedAt(),
                    stored.scheduledAt(), stored.createdBy(), stored.createdAt(), stored.updatedAt());
        });
    }

    private record StoredArticle(String headline, String slug, String standfirst, long sectionId, String markdown,
                                 LeadImage leadImage, String language, RenderedMarkdown body, ArticleStatus status,
                                 Instant publishedAt, Instant scheduledAt, int version, Long createdBy,
                                 Instant createdAt, Instant updatedAt) {
    }

    public Optional<ArticleView> findPublished(String slug) {
        return jdbc.sql("""
                select a.*, s.slug as section_slug, s.name as section_name, m.file_name, m.width, m.height,
                """ + VARIANTS + """
                from article a
                join section s on s.id = a.section_id
                left join media m on m.id = a.lead_image_id
                where a.slug = ? and a.status = 'published'
                """).param(slug).query((rs, row) -> new ArticleView(rs.getLong("id"), rs.getString("slug"),
                rs.getString("headline"), rs.getString("standfirst"), section(rs), List.of(), picture(rs),
                rs.getString("body_html"), rs.getInt("reading_minutes"), List.of(), rs.getString("language"),
                instant(rs, "published_at"), instant(rs, "updated_at"), List.of(), org.masthead.text.PlainText.excerpt(rs.getString("body_text"), 50)))
                .optional()
                .map(view -> view.withRelated(bylines(view.id()), tagNames(view.id()), corrections(view.id())));
    }

    /** The current slug of a published article that used to be called {@code oldSlug}. */
    public Optional<String> findRenamed(String oldSlug) {
        return jdbc.sql("""
                select a.slug from article_slug_history h join article a on a.id = h.article_id
                where h.slug = ? and a.status = 'published'
                """).param(oldSlug).query(String.class).optional();
    }

    /** The news feed: every published article, newest first. */
    public Slice<ArticleSummary> latest(Cursor before, int limit) {
        return slice("select " + SUMMARY_COLUMNS + " from article a " + SUMMARY_JOINS
                + " where a.status = 'published'" + (before == null ? "" : " and (a.published_at, a.id) < (:at, :id)")
                + " order by a.published_at desc, a.id desc limit :limit", before, limit, null);
    }

    public Slice<ArticleSummary> latestInSection(long sectionId, Cursor before, int limit) {
        return slice("select " + SUMMARY_COLUMNS + " from article a " + SUMMARY_JOINS
                + " where a.status = 'published' and a.section_id = :owner"
                + (before == null ? "" : " and (a.published_at, a.id) < (:at, :id)")
                + " order by a.published_at desc, a.id desc limit :limit", before, limit, sectionId);
    }

    public Slice<ArticleSummary> latestByAuthor(long authorId, Cursor before, int limit) {
        return slice("select " + SUMMARY_COLUMNS + " from article_author byline join article a on a.id = byline.article_id "
                + SUMMARY_JOINS + " where byline.author_id = :owner and byline.published_at is not null"
                + (before == null ? "" : " and (byline.published_at, byline.article_id) < (:at, :id)")
                + " order by byline.published_at desc, byline.article_id desc limit :limit", before, limit, authorId);
    }

    /** The newest {@code perSection} articles of every section, sections in their editorial order. */
    public List<ArticleSummary> latestPerSection(int perSection) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + """
                from section s
                cross join lateral (
                    select * from article x where x.section_id = s.id and x.status = 'published'
                    order by x.published_at desc, x.id desc limit :limit) a
                left join media m on m.id = a.lead_image_id
                order by s.position, s.id, a.published_at desc, a.id desc
                """).param("limit", perSection).query(SUMMARY).list();
    }

    /** The newsroom's article list: most recently changed first, filtered, keyset-paginated on (updated_at, id). */
    public Slice<NewsroomRow> newsroom(NewsroomFilter filter, int limit) {
        StringBuilder sql = new StringBuilder("""
                select a.id, a.headline, a.slug, a.status, s.name as section_name, a.updated_at, a.published_at,
                       a.scheduled_at,
                       array(select au.name from article_author aa join author au on au.id = aa.author_id
                             where aa.article_id = a.id order by aa.position) as author_names
                from article a join section s on s.id = a.section_id where true
                """);
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (filter.status() != null) {
            sql.append(" and a.status = :status");
            params.put("status", filter.status().dbValue());
        }
        if (filter.sectionId() != null) {
            sql.append(" and a.section_id = :section");
            params.put("section", filter.sectionId());
        }
        if (filter.authorId() != null) {
            sql.append(" and exists (select 1 from article_author aa where aa.article_id = a.id and aa.author_id = :author)");
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
            params.put("at", timestamp(filter.before().publishedAt()));
            params.put("id", filter.before().id());
        }
        sql.append(" order by a.updated_at desc, a.id desc limit :limit");
        params.put("limit", limit + 1);
        List<NewsroomRow> rows = new ArrayList<>(jdbc.sql(sql.toString()).params(params).query((rs, row) -> new NewsroomRow(
                rs.getLong("id"), rs.getString("headline"), rs.getString("slug"), ArticleStatus.fromDb(rs.getString("status")),
                rs.getString("section_name"), strings(rs.getArray("author_names")), instant(rs, "updated_at"),
                instant(rs, "published_at"), instant(rs, "scheduled_at"))).list());
        Cursor next = null;
        if (rows.size() > limit) {
            rows.subList(limit, rows.size()).clear();
            NewsroomRow last = rows.get(limit - 1);
            next = new Cursor(last.updatedAt(), last.id());
        }
        return new Slice<>(List.copyOf(rows), next);
    }

    /** How many articles are in each status, for the dashboard. */
    public java.util.Map<ArticleStatus, Long> countByStatus(Long createdBy) {
        java.util.Map<ArticleStatus, Long> counts = new java.util.EnumMap<>(ArticleStatus.class);
        for (ArticleStatus status : ArticleStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("select status, count(*) from article where (:createdBy::bigint is null or created_by = :createdBy) group by status")
                .param("createdBy", createdBy)
                .query((rs, row) -> counts.put(ArticleStatus.fromDb(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }

    /** One published article as lists show it, or empty if it is not (or no longer) published. */
    public Optional<ArticleSummary> publishedSummary(long id) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + " from article a " + SUMMARY_JOINS
                + " where a.id = :id and a.status = 'published'").param("id", id).query(SUMMARY).optional();
    }

    /** The newest live News Feed event; pages render it so their stream continues from there. */
    public long latestFeedEvent() {
        return jdbc.sql("select coalesce(max(id), 0) from feed_event").query(Long.class).single();
    }

    public long count() {
        return jdbc.sql("select count(*) from article").query(Long.class).single();
    }

    private Slice<ArticleSummary> slice(String sql, Cursor before, int limit, Long owner) {
        var statement = jdbc.sql(sql).param("limit", limit + 1);
        if (owner != null) {
            statement = statement.param("owner", owner);
        }
        if (before != null) {
            statement = statement.param("at", timestamp(before.publishedAt())).param("id", before.id());
        }
        List<ArticleSummary> rows = new ArrayList<>(statement.query(SUMMARY).list());
        Cursor next = null;
        if (rows.size() > limit) {
            rows.subList(limit, rows.size()).clear();
            next = rows.get(limit - 1).cursor();
        }
        return new Slice<>(List.copyOf(rows), next);
    }

    private List<Byline> bylines(long articleId) {
        return jdbc.sql("""
                select au.id, au.slug, au.name, au.job_title, au.bio, av.file_name as avatar
                from article_author aa
                join author au on au.id = aa.author_id
                left join media av on av.id = au.avatar_id
                where aa.article_id = ?
                order by aa.position
                """).param(articleId).query((rs, row) -> new Byline(rs.getLong("id"), rs.getString("slug"),
                rs.getString("name"), rs.getString("job_title"), rs.getString("bio"),
                rs.getString("avatar") == null ? null : Media.url(rs.getString("avatar")))).list();
    }

    public List<Correction> corrections(long articleId) {
        return jdbc.sql("select kind, text, published_at from article_correction where article_id = ? order by published_at, id")
                .param(articleId).query((rs, row) -> new Correction(Correction.Kind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)),
                        rs.getString("text"), instant(rs, "published_at"))).list();
    }

    /**
     * Adds a dated correction or update note to a published article; the article counts as modified now.
     */
    @Transactional
    public void addCorrection(long articleId, Correction correction, Long staffId) {
        int touched = jdbc.sql("update article set updated_at = ?, version = version + 1 where id = ? and status = 'published'")
                .params(timestamp(correction.publishedAt()), articleId).update();
        if (touched != 1) {
            throw new ArticleException("Corrections can only be added to a published article.");
        }
        jdbc.sql("insert into article_correction (article_id, kind, text, published_at, staff_id) values (?, ?, ?, ?, ?)")
                .params(articleId, correction.kind().name().toLowerCase(java.util.Locale.ROOT), correction.text(),
                        timestamp(correction.publishedAt()), staffId).update();
        events.publishEvent(new ArticleUpdated(articleId));
    }

    private List<String> tagNames(long articleId) {
        return jdbc.sql("select t.name from article_tag at join tag t on t.id = at.tag_id where at.article_id = ? order by at.position")
                .param(articleId).query(String.class).list();
    }

    private static final RowMapper<ArticleSummary> SUMMARY = (rs, row) -> new ArticleSummary(
            rs.getLong("id"), rs.getString("slug"), rs.getString("headline"), rs.getString("standfirst"),
            section(rs), strings(rs.getArray("author_names")), picture(rs), rs.getInt("reading_minutes"),
            instant(rs, "published_at"), instant(rs, "updated_at"));

    private static SectionRef section(ResultSet rs) throws SQLException {
        return new SectionRef(rs.getLong("section_id"), rs.getString("section_slug"), rs.getString("section_name"));
    }

    private static Picture picture(ResultSet rs) throws SQLException {
        String fileName = rs.getString("file_name");
        if (fileName == null) {
            return null;
        }
        int width = rs.getInt("width");
        List<Picture.Source> sources = new ArrayList<>();
        for (String variant : strings(rs.getArray("variants"))) {
            String[] widthAndFile = variant.split(" ", 2);
            sources.add(new Picture.Source(Media.url(widthAndFile[1]), Integer.parseInt(widthAndFile[0])));
        }
        sources.add(new Picture.Source(Media.url(fileName), width));
        return new Picture(Media.url(fileName), width, rs.getInt("height"), rs.getString("lead_image_alt"),
                rs.getString("lead_image_caption"), rs.getString("lead_image_credit"), List.copyOf(sources));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
