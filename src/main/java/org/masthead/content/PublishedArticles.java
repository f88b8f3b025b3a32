package org.masthead.content;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.masthead.media.MediaUrls;
import org.masthead.system.SurrogateKey;
import org.masthead.text.PlainText;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The query interface other modules read published content through: lists of published articles by scope
 * (everything, a section, an author, a tag — keyset-paginated on (published_at, id) over partial indexes, so a
 * deep page costs what the first does), one article or static page as readers see it, and old addresses.
 */
@Component
public class PublishedArticles {

    private static final String SUMMARY_COLUMNS = """
            a.id, a.slug, a.headline, a.standfirst, a.reading_minutes, a.published_at, a.updated_at,
            a.section_id, a.section_slug, a.section_name, a.author_ids, a.author_names,
            a.lead_image_alt, a.lead_image_caption, a.lead_image_credit, p.file_name, p.width, p.height, p.variants, p.webp_variants,
            exists (select 1 from live_blog l where l.article_id = a.id and l.coverage_end is null) as live
            """;

    private final JdbcClient jdbc;
    private final MediaUrls media;

    PublishedArticles(JdbcClient jdbc, MediaUrls media) {
        this.jdbc = jdbc;
        this.media = media;
    }

    /** Every published article, newest first (the News Feed). */
    public Slice<ArticleSummary> latest(Cursor before, int limit) {
        return slice("from content_published_article a left join media_picture p on p.media_id = a.lead_image_id"
                + " where true" + (before == null ? "" : " and (a.published_at, a.id) < (:at, :id)")
                + " order by a.published_at desc, a.id desc", before, limit, null);
    }

    public Slice<ArticleSummary> inSection(long sectionId, Cursor before, int limit) {
        return slice("from content_published_article a left join media_picture p on p.media_id = a.lead_image_id"
                + " where a.section_id = :owner" + (before == null ? "" : " and (a.published_at, a.id) < (:at, :id)")
                + " order by a.published_at desc, a.id desc", before, limit, sectionId);
    }

    public Slice<ArticleSummary> byAuthor(long authorId, Cursor before, int limit) {
        return slice("from content_published_byline b join content_published_article a on a.id = b.article_id"
                + " left join media_picture p on p.media_id = a.lead_image_id where b.author_id = :owner"
                + (before == null ? "" : " and (b.published_at, b.article_id) < (:at, :id)")
                + " order by b.published_at desc, b.article_id desc", before, limit, authorId);
    }

    public Slice<ArticleSummary> withTag(long tagId, Cursor before, int limit) {
        return slice("from content_published_tagging t join content_published_article a on a.id = t.article_id"
                + " left join media_picture p on p.media_id = a.lead_image_id where t.tag_id = :owner"
                + (before == null ? "" : " and (t.published_at, t.article_id) < (:at, :id)")
                + " order by t.published_at desc, t.article_id desc", before, limit, tagId);
    }

    /** The newest {@code perSection} articles of every section, sections in their editorial order. */
    public List<ArticleSummary> latestPerSection(int perSection) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + """
                from content_section s
                cross join lateral (
                    select x.id, x.slug, x.headline, x.standfirst, x.reading_minutes, x.published_at, x.updated_at,
                           x.section_id, x.section_slug, x.section_name, x.author_ids, x.author_names, x.lead_image_id,
                           x.lead_image_alt, x.lead_image_caption, x.lead_image_credit
                    from content_published_article x where x.section_id = s.id
                    order by x.published_at desc, x.id desc limit :limit) a
                left join media_picture p on p.media_id = a.lead_image_id
                order by s.position, s.id, a.published_at desc, a.id desc
                """).param("limit", perSection).query(summary()).list();
    }

    /** Live blogs whose coverage is running, newest coverage first: the front page's "Live now". */
    public List<ArticleSummary> liveNow() {
        return jdbc.sql("select " + SUMMARY_COLUMNS + """
                from content_published_article a join live_blog l on l.article_id = a.id and l.coverage_end is null
                left join media_picture p on p.media_id = a.lead_image_id
                order by l.coverage_start desc, a.id desc limit 5
                """).query(summary()).list();
    }

    /** One published article as lists show it, or empty if it is not (or no longer) published. */
    public Optional<ArticleSummary> summary(long id) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + " from content_published_article a"
                + " left join media_picture p on p.media_id = a.lead_image_id where a.id = :id")
                .param("id", id).query(summary()).optional();
    }

    /** A published article as its page shows it. */
    public Optional<ArticleView> article(String slug) {
        return view("status = 'published' and kind = 'article' and slug = ?", slug);
    }

    /** Any article or page, whatever its status, as its page would show it: for previews. */
    public Optional<ArticleView> preview(long id) {
        return view("id = ?", id).map(ArticleView::asIfPublished);
    }

    /** A published static page (About, Contact…) as its page shows it. */
    public Optional<ArticleView> page(String slug) {
        return view("status = 'published' and kind = 'page' and slug = ?", slug);
    }

    /** Published static pages by title, for the footer. */
    public List<PageLink> pages() {
        return jdbc.sql("select headline, slug from content_article where status = 'published' and kind = 'page' order by headline")
                .query((rs, row) -> new PageLink(rs.getString("headline"), "/" + rs.getString("slug"))).list();
    }

    public record PageLink(String title, String url) {
    }

    /** The current slug of a published article that used to be called {@code oldSlug}. */
    public Optional<String> renamed(String oldSlug) {
        return jdbc.sql("""
                select a.slug from article_slug_history h join content_published_article a on a.id = h.article_id
                where h.slug = ?
                """).param(oldSlug).query(String.class).optional();
    }

    public List<Correction> corrections(long articleId) {
        return jdbc.sql("select kind, text, published_at from article_correction where article_id = ? order by published_at, id")
                .param(articleId).query((rs, row) -> new Correction(
                        Correction.Kind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)),
                        rs.getString("text"), rs.getObject("published_at", OffsetDateTime.class).toInstant())).list();
    }

    /**
     * The stories a list shows, as surrogate keys: editing or withdrawing one of them evicts the list. (Renaming
     * a section or an author touches the whole site, so their names need no keys of their own here.)
     */
    public static Set<SurrogateKey> keysOf(Collection<ArticleSummary> articles) {
        Set<SurrogateKey> keys = new LinkedHashSet<>();
        for (ArticleSummary article : articles) {
            keys.add(SurrogateKey.article(article.id()));
        }
        return keys;
    }

    private Optional<ArticleView> view(String where, Object key) {
        return jdbc.sql("""
                select a.id, a.kind, a.slug, a.headline, a.standfirst, a.section_id, a.section_slug, a.section_name,
                       a.body_html, a.body_text, a.reading_minutes, a.language, a.published_at, a.updated_at,
                       a.lead_image_alt, a.lead_image_caption, a.lead_image_credit, p.file_name, p.width, p.height, p.variants, p.webp_variants,
                       a.meta_title, a.meta_description, a.og_title, a.og_description, a.og_image_id, a.twitter_title,
                       a.twitter_description, a.twitter_image_id, a.canonical_url, og.file_name as og_file,
                       tw.file_name as twitter_file
                from content_article a left join media_picture p on p.media_id = a.lead_image_id
                left join media_picture og on og.media_id = a.og_image_id
                left join media_picture tw on tw.media_id = a.twitter_image_id
                where a.""" + where).param(key).query((rs, row) -> {
                    Picture lead = picture(rs);
                    String social = rs.getString("og_file") != null ? media.url(rs.getString("og_file"))
                            : lead == null ? null : lead.url();
                    return new ArticleView(rs.getLong("id"),
                        ArticleKind.fromDb(rs.getString("kind")), rs.getString("slug"), rs.getString("headline"),
                        rs.getString("standfirst"), section(rs), List.of(), lead, rs.getString("body_html"),
                        rs.getInt("reading_minutes"), List.of(), rs.getString("language"), instant(rs, "published_at"),
                        instant(rs, "updated_at"), List.of(), PlainText.excerpt(rs.getString("body_text"), 50),
                        new Seo(rs.getString("meta_title"), rs.getString("meta_description"), rs.getString("og_title"),
                                rs.getString("og_description"), rs.getObject("og_image_id", Long.class),
                                rs.getString("twitter_title"), rs.getString("twitter_description"),
                                rs.getObject("twitter_image_id", Long.class), rs.getString("canonical_url")),
                        social, rs.getString("twitter_file") == null ? null : media.url(rs.getString("twitter_file")));
                })
                .optional()
                .map(view -> view.with(bylines(view.id()), tags(view.id()), corrections(view.id())));
    }

    private List<Byline> bylines(long articleId) {
        return jdbc.sql("""
                select au.id, au.slug, au.name, au.job_title, au.bio, av.file_name as avatar, av.width as avatar_width,
                       av.height as avatar_height, av.variants as avatar_variants, av.webp_variants as avatar_webp_variants
                from article_author aa
                join content_author au on au.id = aa.author_id
                left join media_picture av on av.media_id = au.avatar_id
                where aa.article_id = ?
                order by aa.position
                """).param(articleId).query((rs, row) -> new Byline(rs.getLong("id"), rs.getString("slug"),
                rs.getString("name"), rs.getString("job_title"), rs.getString("bio"),
                rs.getString("avatar") == null ? null : media.url(rs.getString("avatar")),
                PictureRows.picture(media, rs.getString("avatar"), rs.getInt("avatar_width"), rs.getInt("avatar_height"),
                        rs.getArray("avatar_variants"), rs.getArray("avatar_webp_variants"), "", "", ""))).list();
    }

    private List<TagRef> tags(long articleId) {
        // internal tags ("#web-only") organise the newsroom's work and are not shown to readers
        return jdbc.sql("select t.name, t.slug from article_tag at join content_tag t on t.id = at.tag_id"
                        + " where at.article_id = ? and t.name not like '#%' order by at.position")
                .param(articleId).query((rs, row) -> new TagRef(rs.getString("name"), rs.getString("slug"))).list();
    }

    private Slice<ArticleSummary> slice(String fromWhereOrder, Cursor before, int limit, Long owner) {
        var statement = jdbc.sql("select " + SUMMARY_COLUMNS + " " + fromWhereOrder + " limit :limit").param("limit", limit + 1);
        if (owner != null) {
            statement = statement.param("owner", owner);
        }
        if (before != null) {
            statement = statement.param("at", before.publishedAt().atOffset(ZoneOffset.UTC)).param("id", before.id());
        }
        List<ArticleSummary> rows = new ArrayList<>(statement.query(summary()).list());
        Cursor next = null;
        if (rows.size() > limit) {
            rows.subList(limit, rows.size()).clear();
            next = rows.get(limit - 1).cursor();
        }
        return new Slice<>(List.copyOf(rows), next);
    }

    private RowMapper<ArticleSummary> summary() {
        return (rs, row) -> new ArticleSummary(rs.getLong("id"), rs.getString("slug"), rs.getString("headline"),
                rs.getString("standfirst"), section(rs), longs(rs.getArray("author_ids")), strings(rs.getArray("author_names")),
                picture(rs), rs.getInt("reading_minutes"), instant(rs, "published_at"), instant(rs, "updated_at"),
                rs.getBoolean("live"));
    }

    private static SectionRef section(ResultSet rs) throws SQLException {
        Long id = rs.getObject("section_id", Long.class);
        return id == null ? null : new SectionRef(id, rs.getString("section_slug"), rs.getString("section_name"));
    }

    /** The lead image with every stored size, from the media module's view of its pictures. */
    Picture picture(ResultSet rs) throws SQLException {
        return PictureRows.picture(media, rs.getString("file_name"), rs.getInt("width"), rs.getInt("height"),
                rs.getArray("variants"), rs.getArray("webp_variants"), rs.getString("lead_image_alt"), rs.getString("lead_image_caption"),
                rs.getString("lead_image_credit"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static List<Long> longs(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((Long[]) array.getArray());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
