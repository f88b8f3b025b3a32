package org.masthead.article;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.masthead.media.Media;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What feeds and sitemaps read. Sitemap rows are streamed with a cursor (fetch size, read-only transaction), so
 * a million articles never become a million objects in memory.
 */
@Repository
public class Syndication {

    public static final int SITEMAP_LIMIT = 50_000;

    private static final String ENTRY_COLUMNS = """
            a.id, a.slug, a.headline, a.standfirst, a.body_html, a.body_text, a.published_at, a.updated_at, a.language,
            s.id as section_id, s.slug as section_slug, s.name as section_name,
            m.file_name, m.width, m.height, m.content_type, m.byte_size, a.lead_image_alt,
            array(select au.id || E'\\t' || au.slug || E'\\t' || au.name || E'\\t' || au.job_title
                  from article_author aa join author au on au.id = aa.author_id
                  where aa.article_id = a.id order by aa.position) as authors,
            array(select t.name from article_tag at join tag t on t.id = at.tag_id
                  where at.article_id = a.id order by at.position) as tags
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;

    Syndication(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1_000);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** The newest published articles in a scope, for a feed. */
    public List<FeedEntry> feed(FeedScope scope, int limit) {
        String from = scope.from();
        Long owner = scope.owner();
        String sql = "select " + ENTRY_COLUMNS + " from (select a.* " + from
                + " order by " + scope.orderBy() + " limit :limit) a"
                + " join section s on s.id = a.section_id left join media m on m.id = a.lead_image_id"
                + " order by a.published_at desc, a.id desc";
        var statement = jdbc.sql(sql).param("limit", limit);
        if (owner != null) {
            statement = statement.param("owner", owner);
        }
        return statement.query((rs, row) -> entry(rs)).list();
    }

    public Optional<Tag> tagBySlug(String slug) {
        return jdbc.sql("select id, slug, name from tag where slug = ?").param(slug)
                .query((rs, row) -> new Tag(rs.getLong("id"), rs.getString("slug"), rs.getString("name"))).optional();
    }

    public record Tag(long id, String slug, String name) {
    }

    /** One child sitemap of articles: a month of publication, split in pages of at most 50,000. */
    public record SitemapMonth(YearMonth month, int page, Instant lastModified) {
    }

    private final com.github.benmanes.caffeine.cache.Cache<Boolean, List<SitemapMonth>> months =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().expireAfterWrite(java.time.Duration.ofMinutes(10)).build();

    @org.springframework.context.event.EventListener(org.masthead.system.ContentChanged.class)
    void contentChanged() {
        months.invalidateAll();
    }

    /** Counting a million rows by month is not for every request: cached until content changes. */
    public List<SitemapMonth> sitemapMonths() {
        return months.get(Boolean.TRUE, key -> countMonths());
    }

    private List<SitemapMonth> countMonths() {
        List<SitemapMonth> months = new ArrayList<>();
        jdbc.sql("""
                select to_char(published_at at time zone 'UTC', 'YYYY-MM') as month, count(*) as articles,
                       max(updated_at) as last_modified
                from article where status = 'published' group by 1 order by 1 desc
                """).query((rs, row) -> {
            YearMonth month = YearMonth.parse(rs.getString("month"));
            long pages = (rs.getLong("articles") + SITEMAP_LIMIT - 1) / SITEMAP_LIMIT;
            for (int page = 1; page <= pages; page++) {
                months.add(new SitemapMonth(month, page, rs.getObject("last_modified", OffsetDateTime.class).toInstant()));
            }
            return null;
        }).list();
        return months;
    }

    /** A published article's place in a sitemap. */
    public record SitemapEntry(String slug, Instant updatedAt, String imageUrl, String imageAlt) {
    }

    /**
     * A month's articles (one page of at most 50,000), oldest first. Rows come through a cursor and are kept as
     * small records, then written out after the connection is back in the pool — a slow crawler never holds one.
     */
    public void streamMonth(YearMonth month, int page, Consumer<SitemapEntry> sink) {
        OffsetDateTime from = month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime to = month.plusMonths(1).atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        List<SitemapEntry> entries = new ArrayList<>();
        readOnly.executeWithoutResult(status -> streaming.query("""
                select a.slug, a.updated_at, m.file_name, a.lead_image_alt from article a
                left join media m on m.id = a.lead_image_id
                where a.status = 'published' and a.published_at >= ? and a.published_at < ?
                order by a.published_at, a.id offset ? limit ?
                """, rs -> {
            entries.add(new SitemapEntry(rs.getString("slug"), rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                    rs.getString("file_name") == null ? null : Media.url(rs.getString("file_name")), rs.getString("lead_image_alt")));
        }, from, to, (long) (page - 1) * SITEMAP_LIMIT, SITEMAP_LIMIT));
        entries.forEach(sink);
    }

    /** Google News: what was published since {@code since}, newest first, at most 1,000. */
    public List<FeedEntry> publishedSince(Instant since) {
        return jdbc.sql("select " + ENTRY_COLUMNS + """
                 from (select * from article where status = 'published' and published_at >= ?
                       order by published_at desc, id desc limit 1000) a
                join section s on s.id = a.section_id left join media m on m.id = a.lead_image_id
                order by a.published_at desc, a.id desc
                """).param(OffsetDateTime.ofInstant(since, ZoneOffset.UTC)).query((rs, row) -> entry(rs)).list();
    }

    private static FeedEntry entry(ResultSet rs) throws SQLException {
        List<Byline> authors = new ArrayList<>();
        for (String author : strings(rs.getArray("authors"))) {
            String[] parts = author.split("\t", -1);
            authors.add(new Byline(Long.parseLong(parts[0]), parts[1], parts[2], parts[3], "", null));
        }
        String fileName = rs.getString("file_name");
        FeedEntry.FeedImage image = fileName == null ? null : new FeedEntry.FeedImage(Media.url(fileName),
                rs.getInt("width"), rs.getInt("height"), rs.getString("content_type"), rs.getLong("byte_size"),
                rs.getString("lead_image_alt"));
        return new FeedEntry(rs.getLong("id"), rs.getString("slug"), rs.getString("headline"), rs.getString("standfirst"),
                rs.getString("body_html"), rs.getString("body_text"),
                new SectionRef(rs.getLong("section_id"), rs.getString("section_slug"), rs.getString("section_name")),
                authors, strings(rs.getArray("tags")), image,
                rs.getObject("published_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getString("language"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

}
