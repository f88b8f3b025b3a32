package org.masthead.syndication;

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
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.masthead.media.MediaUrls;
import org.masthead.system.ContentChanged;
import org.masthead.system.SurrogateKey;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What feeds and sitemaps read, through content's views of published articles and media's view of pictures.
 * Sitemap rows are streamed with a cursor (fetch size, read-only transaction), so a million articles never become a
 * million objects in memory.
 */
@Repository
class Syndication {

    /**
     * URLs per sitemap file. Google accepts 50,000, but a month of a national archive (5,000+ stories) in one file
     * costs a crawler's every visit tens of milliseconds and a megabyte; files of 1,000 (as Yoast writes them) cost
     * the same at any archive size.
     */
    static final int SITEMAP_LIMIT = 1_000;

    private static final String ENTRY_COLUMNS = """
            a.id, a.slug, a.headline, a.standfirst, a.body_html, a.body_text, a.published_at, a.updated_at, a.language,
            a.section_id, a.section_slug, a.section_name, a.tag_names,
            p.file_name, p.width, p.height, p.content_type, p.byte_size, a.lead_image_alt,
            array(select au.id || E'\\t' || au.slug || E'\\t' || au.name
                  from content_published_byline b join content_author au on au.id = b.author_id
                  where b.article_id = a.id order by b.position) as authors
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final MediaUrls media;

    Syndication(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions, MediaUrls media) {
        this.jdbc = jdbc;
        this.media = media;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1_000);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** The newest published articles in a scope, for a feed. */
    List<FeedEntry> feed(FeedScope scope, int limit) {
        String sql = "select " + ENTRY_COLUMNS + " from (select a.* " + scope.from()
                + " order by " + scope.orderBy() + " limit :limit) a"
                + " left join media_picture p on p.media_id = a.lead_image_id"
                + " order by a.published_at desc, a.id desc";
        var statement = jdbc.sql(sql).param("limit", limit);
        if (scope.owner() != null) {
            statement = statement.param("owner", scope.owner());
        }
        return statement.query((rs, row) -> entry(rs)).list();
    }

    /**
     * A published live blog, for its own feeds.
     *
     * @param running its coverage runs: the feeds change by the minute
     */
    record LiveBlogFeed(long id, String slug, String headline, String standfirst, String language, Instant updatedAt,
                        boolean running) {

        String url() {
            return org.masthead.content.ArticleView.urlOf(slug);
        }
    }

    /** The published article of that slug if it is a live blog (ended ones included), through content's views. */
    java.util.Optional<LiveBlogFeed> liveBlog(String slug) {
        return jdbc.sql("""
                select a.id, a.slug, a.headline, a.standfirst, a.language, a.updated_at, l.running
                from content_published_article a join content_live_blog l on l.article_id = a.id where a.slug = ?
                """).param(slug).query((rs, row) -> new LiveBlogFeed(rs.getLong("id"), rs.getString("slug"),
                rs.getString("headline"), rs.getString("standfirst"), rs.getString("language"), instant(rs, "updated_at"),
                rs.getBoolean("running"))).optional();
    }

    /** One child sitemap of articles: a month of publication, split in pages of at most 50,000. */
    record SitemapMonth(YearMonth month, int page, Instant lastModified) {
    }

    private volatile List<SitemapMonth> months;

    @EventListener
    void changed(ContentChanged event) {
        if (event.touches(SurrogateKey.SITEMAPS)) {
            months = null;
        }
    }

    /** Counting a million rows by month is not for every request: kept until a change touches the sitemaps. */
    List<SitemapMonth> sitemapMonths() {
        List<SitemapMonth> known = months;
        if (known == null) {
            known = countMonths();
            months = known;
        }
        return known;
    }

    private List<SitemapMonth> countMonths() {
        List<SitemapMonth> counted = new ArrayList<>();
        jdbc.sql("""
                select to_char(published_at at time zone 'UTC', 'YYYY-MM') as month, count(*) as articles,
                       max(updated_at) as last_modified
                from content_published_article group by 1 order by 1 desc
                """).query((rs, row) -> {
            YearMonth month = YearMonth.parse(rs.getString("month"));
            long pages = (rs.getLong("articles") + SITEMAP_LIMIT - 1) / SITEMAP_LIMIT;
            for (int page = 1; page <= pages; page++) {
                counted.add(new SitemapMonth(month, page, rs.getObject("last_modified", OffsetDateTime.class).toInstant()));
            }
            return null;
        }).list();
        return List.copyOf(counted);
    }

    /** A published article's place in a sitemap. */
    record SitemapEntry(String slug, Instant updatedAt, String imageUrl, String imageAlt) {
    }

    /**
     * A month's articles (one page of at most 50,000), oldest first. Rows come through a cursor and are kept as
     * small records, then written out after the connection is back in the pool — a slow crawler never holds one.
     */
    void streamMonth(YearMonth month, int page, Consumer<SitemapEntry> sink) {
        OffsetDateTime from = month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime to = month.plusMonths(1).atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        List<SitemapEntry> entries = new ArrayList<>();
        readOnly.executeWithoutResult(status -> streaming.query("""
                select a.slug, a.updated_at, p.file_name, a.lead_image_alt from content_published_article a
                left join media_picture p on p.media_id = a.lead_image_id
                where a.published_at >= ? and a.published_at < ?
                order by a.published_at, a.id offset ? limit ?
                """, rs -> {
            entries.add(new SitemapEntry(rs.getString("slug"), rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                    rs.getString("file_name") == null ? null : media.url(rs.getString("file_name")), rs.getString("lead_image_alt")));
        }, from, to, (long) (page - 1) * SITEMAP_LIMIT, SITEMAP_LIMIT));
        entries.forEach(sink);
    }

    /** Google News: what was published since {@code since}, newest first, at most 1,000. */
    List<FeedEntry> publishedSince(Instant since) {
        return jdbc.sql("select " + ENTRY_COLUMNS + """
                 from (select * from content_published_article where published_at >= ?
                       order by published_at desc, id desc limit 1000) a
                left join media_picture p on p.media_id = a.lead_image_id
                order by a.published_at desc, a.id desc
                """).param(OffsetDateTime.ofInstant(since, ZoneOffset.UTC)).query((rs, row) -> entry(rs)).list();
    }

    /** Sections with their newest publication, for the sections sitemap. */
    List<Listed> sections() {
        return jdbc.sql("""
                select s.slug, (select a.published_at from content_published_article a where a.section_id = s.id
                                order by a.published_at desc, a.id desc limit 1) as last_modified
                from content_section s order by s.position, s.id
                """).query((rs, row) -> new Listed(rs.getString("slug"), instant(rs, "last_modified"))).list();
    }

    /** Authors with published articles and their newest, for the authors sitemap. */
    List<Listed> authors() {
        return jdbc.sql("""
                select au.slug, (select b.published_at from content_published_byline b where b.author_id = au.id
                                 order by b.published_at desc limit 1) as last_modified
                from content_author au where au.published order by au.slug
                """).query((rs, row) -> new Listed(rs.getString("slug"), instant(rs, "last_modified"))).list();
    }

    record Listed(String slug, Instant lastModified) {
    }

    private FeedEntry entry(ResultSet rs) throws SQLException {
        List<FeedEntry.Person> authors = new ArrayList<>();
        for (String author : strings(rs.getArray("authors"))) {
            String[] parts = author.split("\t", -1);
            authors.add(new FeedEntry.Person(Long.parseLong(parts[0]), parts[1], parts[2]));
        }
        String fileName = rs.getString("file_name");
        FeedEntry.FeedImage image = fileName == null ? null : new FeedEntry.FeedImage(media.url(fileName),
                rs.getInt("width"), rs.getInt("height"), rs.getString("content_type"), rs.getLong("byte_size"),
                rs.getString("lead_image_alt"));
        return new FeedEntry(rs.getLong("id"), rs.getString("slug"), rs.getString("headline"), rs.getString("standfirst"),
                rs.getString("body_html"), rs.getString("body_text"),
                new FeedEntry.Section(rs.getLong("section_id"), rs.getString("section_slug"), rs.getString("section_name")),
                authors, strings(rs.getArray("tag_names")), image, instant(rs, "published_at"), instant(rs, "updated_at"),
                rs.getString("language"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
