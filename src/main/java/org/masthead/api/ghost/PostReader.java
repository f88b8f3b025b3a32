package org.masthead.api.ghost;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.masthead.api.nql.SqlCondition;
import org.masthead.body.BodyFormat;
import org.masthead.content.ArticleKind;
import org.masthead.content.ArticleStatus;
import org.masthead.content.Author;
import org.masthead.system.ContentChanged;
import org.masthead.system.SurrogateKey;
import org.masthead.system.TaggedCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads articles and pages for the APIs from content's {@code content_post} views: a page of them in the order
 * asked, filtered by a compiled NQL condition within a scope (what the caller may see), their total, and their
 * bylines and tags in one query each — five queries for any page, whatever its size.
 */
@Component
public class PostReader {

    /**
     * What a caller may see, as a condition on {@code p} (content_post) with its parameters.
     *
     * @param published only what readers see (whose totals may be cached: every change to it evicts them)
     * @param everyOne  the whole kind, with no restriction to one integration's articles
     */
    public record Scope(String sql, List<Object> params, ArticleKind kind, boolean published, boolean everyOne) {

        public static Scope published(ArticleKind kind) {
            return new Scope("p.kind = ? and p.status = 'published'", List.of(kind.dbValue()), kind, true, true);
        }

        /** Every article of the kind, or only the ones the integration created. */
        public static Scope all(ArticleKind kind, Long onlyCreatedByIntegration) {
            return onlyCreatedByIntegration == null ? new Scope("p.kind = ?", List.of(kind.dbValue()), kind, false, true)
                    : new Scope("p.kind = ? and p.created_by_integration = ?", List.of(kind.dbValue(), onlyCreatedByIntegration),
                    kind, false, false);
        }
    }

    public record Page(List<PostRow> rows, long total) {
    }

    /**
     * An article with its pictures' files and, as JSON arrays in byline and tag order, its authors and tags: one
     * query for a whole page, planned quickly (scalar subqueries, no join search) and run for the page's rows only.
     */
    private static final String ROWS = """
            select p.id, p.public_id, p.uuid, p.kind, p.slug, p.headline, p.standfirst, p.status, p.featured, p.language,
                p.section_id, p.section_slug, p.section_name, p.body_source, p.body_format, p.body_html, p.body_text,
                p.word_count, p.body_image_count, p.lead_image_id, p.lead_image_alt, p.lead_image_caption,
                p.lead_image_credit, p.published_at, p.scheduled_at, p.created_at, p.updated_at, p.created_by,
                p.created_by_integration, p.version, p.meta_title, p.meta_description, p.og_title, p.og_description,
                p.twitter_title, p.twitter_description, p.canonical_url,
                (select m.file_name from media_picture m where m.media_id = p.lead_image_id) as lead_file,
                (select m.file_name from media_picture m where m.media_id = p.og_image_id) as og_file,
                (select m.file_name from media_picture m where m.media_id = p.twitter_image_id) as twitter_file,
                (select json_agg(json_build_object('id', a.id, 'public_id', a.public_id, 'slug', a.slug, 'name', a.name,
                        'job_title', a.job_title, 'bio', a.bio, 'links', a.links, 'listed', a.listed,
                        'created_at', a.created_at, 'updated_at', a.updated_at,
                        'avatar', (select m.file_name from media_picture m where m.media_id = a.avatar_id))
                        order by pa.position)
                 from content_post_author pa join content_author a on a.id = pa.author_id where pa.article_id = p.id) as authors,
                (select json_agg(json_build_object('id', t.id, 'public_id', t.public_id, 'slug', t.slug, 'name', t.name,
                        'description', t.description, 'created_at', t.created_at, 'updated_at', t.updated_at)
                        order by pt.position)
                 from content_post_tag pt join content_tag t on t.id = pt.tag_id where pt.article_id = p.id) as tags
            from content_post p
            """;
    private static final TypeReference<List<Author.AuthorLink>> LINKS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();
    /** Totals of filtered lists of published articles, dropped by the same change signals as the lists themselves. */
    // Ten minutes, not one: every change readers see evicts them anyway, and a recount of a tag on a tenth of a
    // million articles (750 ms) every minute was the list's slowest request at a million
    private final TaggedCache<String, Long> totals = new TaggedCache<>(10_000, Duration.ofMinutes(10));
    private final boolean cacheTotals;
    private final TransactionTemplate customPlans;

    /**
     * @param cacheTotals keep filtered totals until a change evicts them — on its own switch, apart from the response
     *                    cache: Ghost's clients expect an exact total, and counting a tag on a fifth of a million
     *                    articles on every request would cost more than the page it describes
     */
    PostReader(JdbcClient jdbc, PlatformTransactionManager transactionManager,
               @Value("${masthead.api.count-cache.enabled:true}") boolean cacheTotals) {
        this.jdbc = jdbc;
        this.cacheTotals = cacheTotals;
        this.customPlans = new TransactionTemplate(transactionManager);
        this.customPlans.setReadOnly(true);
    }

    /**
     * Filtered lists are planned for their values every time: a plan made once for "any tag" suits a tag of three
     * articles and takes seconds on a tag of a hundred thousand, and PostgreSQL switches a prepared statement to
     * such a generic plan after five runs.
     */
    private <T> T plannedForTheseValues(java.util.function.Supplier<T> query) {
        return customPlans.execute(status -> {
            jdbc.sql("select set_config('plan_cache_mode', 'force_custom_plan', true)").query().singleValue();
            return query.get();
        });
    }

    @EventListener
    void contentChanged(ContentChanged change) {
        totals.evict(change);
    }

    /**
     * @param orderSql an ORDER BY list built by the application from known fields (never client text)
     * @param offset   rows to skip
     */
    public Page browse(Scope scope, SqlCondition filter, String orderSql, int limit, int offset) {
        return filter == null ? page(scope, null, orderSql, limit, offset)
                : plannedForTheseValues(() -> page(scope, filter, orderSql, limit, offset));
    }

    private Page page(Scope scope, SqlCondition filter, String orderSql, int limit, int offset) {
        List<Object> params = new ArrayList<>(scope.params());
        String where = "where " + scope.sql();
        if (filter != null) {
            where += " and " + filter.sql();
            params.addAll(filter.params());
        }
        long total = total(scope, filter, where, params);
        if (total == 0 || offset >= total) {
            return new Page(List.of(), total);
        }
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(limit);
        pageParams.add(offset);
        // the page's ids first (an index walk, however deep the page), then only those rows with everything they show
        List<Long> ids = jdbc.sql("select p.id from content_post p " + where + " order by " + orderSql + " limit ? offset ?")
                .params(pageParams).query(Long.class).list();
        if (ids.isEmpty()) {
            return new Page(List.of(), total);
        }
        Map<Long, PostRow> byId = new HashMap<>();
        jdbc.sql(ROWS + "where p.id = any(?)").param(ids.toArray(Long[]::new)).query((rs, n) -> row(rs))
                .list().forEach(row -> byId.put(row.id(), row));
        return new Page(ids.stream().map(byId::get).filter(Objects::nonNull).toList(), total);
    }

    /**
     * How many articles the list has: unfiltered, from the counts content keeps exact per kind and status (no
     * count over a million rows); filtered, counted — and, for published articles, kept until a change touching
     * published articles, sections, bylines or tags evicts it.
     */
    private long total(Scope scope, SqlCondition filter, String where, List<Object> params) {
        if (filter == null && scope.everyOne()) {
            return jdbc.sql("select coalesce(sum(articles), 0) from content_post_count where kind = ?"
                            + (scope.published() ? " and status = 'published'" : ""))
                    .param(scope.kind().dbValue()).query(Long.class).single();
        }
        Supplier<Long> count = () -> jdbc.sql("select count(*) from content_post p " + where)
                .params(params).query(Long.class).single();
        if (!cacheTotals || !scope.published()) {
            return count.get();
        }
        return totals.get(where + " " + params, ignored -> new TaggedCache.Tagged<>(count.get(),
                Set.of(SurrogateKey.FEEDS, SurrogateKey.SITE, SurrogateKey.TAGS)));
    }

    /** One article by {@code id}, {@code slug} or {@code uuid} (the caller names the column), within the scope. */
    public Optional<PostRow> read(Scope scope, String column, Object value) {
        if (!List.of("public_id", "slug", "uuid", "id").contains(column)) {
            throw new IllegalArgumentException("Not a key of posts: " + column);
        }
        List<Object> params = new ArrayList<>(scope.params());
        params.add(value);
        return jdbc.sql(ROWS + "where " + scope.sql() + " and p." + column + " = ?")
                .params(params).query((rs, n) -> row(rs)).optional();
    }

    /** Published articles per byline, for {@code count.posts}. */
    public Map<Long, Long> publishedCountByAuthor(Collection<Long> authorIds) {
        Map<Long, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                select pa.author_id, count(*) as posts from content_post_author pa join content_post p on p.id = pa.article_id
                where pa.author_id = any(?) and p.status = 'published' and p.kind = 'article' group by pa.author_id
                """).param(authorIds.toArray(Long[]::new))
                .query(rs -> {
                    counts.put(rs.getLong("author_id"), rs.getLong("posts"));
                });
        return counts;
    }

    /** Published articles per tag, for {@code count.posts}. */
    public Map<Long, Long> publishedCountByTag(Collection<Long> tagIds) {
        Map<Long, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                select pt.tag_id, count(*) as posts from content_post_tag pt join content_post p on p.id = pt.article_id
                where pt.tag_id = any(?) and p.status = 'published' and p.kind = 'article' group by pt.tag_id
                """).param(tagIds.toArray(Long[]::new))
                .query(rs -> {
                    counts.put(rs.getLong("tag_id"), rs.getLong("posts"));
                });
        return counts;
    }

    AuthorRow author(ResultSet rs, Long postCount) throws SQLException {
        String links = rs.getString("links");
        return new AuthorRow(rs.getLong("id"), rs.getString("public_id"), rs.getString("slug"), rs.getString("name"),
                rs.getString("job_title"), rs.getString("bio"), rs.getString("avatar"),
                links == null ? List.of() : json.readValue(links, LINKS), rs.getBoolean("listed"),
                instant(rs, "created_at"), instant(rs, "updated_at"), postCount);
    }

    static TagRow tag(ResultSet rs, Long postCount) throws SQLException {
        return new TagRow(rs.getLong("id"), rs.getString("public_id"), rs.getString("slug"), rs.getString("name"),
                rs.getString("description"), instant(rs, "created_at"), instant(rs, "updated_at"), postCount);
    }

    private PostRow row(ResultSet rs) throws SQLException {
        return new PostRow(rs.getLong("id"), rs.getString("public_id"), rs.getObject("uuid", UUID.class),
                ArticleKind.fromDb(rs.getString("kind")), rs.getString("slug"), rs.getString("headline"),
                rs.getString("standfirst"), ArticleStatus.fromDb(rs.getString("status")), rs.getBoolean("featured"),
                rs.getString("language"), rs.getObject("section_id", Long.class), rs.getString("section_slug"),
                rs.getString("section_name"), rs.getString("body_source"), BodyFormat.fromDb(rs.getString("body_format")),
                rs.getString("body_html"), rs.getString("body_text"), rs.getInt("word_count"),
                rs.getInt("body_image_count"), rs.getObject("lead_image_id", Long.class), rs.getString("lead_file"),
                rs.getString("lead_image_alt"), rs.getString("lead_image_caption"), rs.getString("lead_image_credit"),
                instant(rs, "published_at"), instant(rs, "scheduled_at"), instant(rs, "created_at"),
                instant(rs, "updated_at"), rs.getObject("created_by", Long.class),
                rs.getObject("created_by_integration", Long.class), rs.getInt("version"), rs.getString("meta_title"),
                rs.getString("meta_description"), rs.getString("og_title"), rs.getString("og_description"),
                rs.getString("og_file"), rs.getString("twitter_title"), rs.getString("twitter_description"),
                rs.getString("twitter_file"), rs.getString("canonical_url"), authors(rs.getString("authors")),
                tags(rs.getString("tags")));
    }

    private List<AuthorRow> authors(String array) {
        if (array == null) {
            return List.of();
        }
        List<AuthorRow> authors = new ArrayList<>();
        for (JsonNode author : json.readTree(array)) {
            authors.add(new AuthorRow(author.path("id").asLong(), author.path("public_id").asString(),
                    author.path("slug").asString(), author.path("name").asString(), text(author, "job_title"),
                    text(author, "bio"), text(author, "avatar"),
                    json.convertValue(author.path("links"), LINKS), author.path("listed").asBoolean(),
                    jsonInstant(author.path("created_at")), jsonInstant(author.path("updated_at")), null));
        }
        return authors;
    }

    private List<TagRow> tags(String array) {
        if (array == null) {
            return List.of();
        }
        List<TagRow> tags = new ArrayList<>();
        for (JsonNode tag : json.readTree(array)) {
            tags.add(new TagRow(tag.path("id").asLong(), tag.path("public_id").asString(), tag.path("slug").asString(),
                    tag.path("name").asString(), text(tag, "description"), jsonInstant(tag.path("created_at")),
                    jsonInstant(tag.path("updated_at")), null));
        }
        return tags;
    }

    /** A JSON string field as the column it came from: null when SQL had none. */
    private static String text(JsonNode object, String field) {
        JsonNode value = object.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asString();
    }

    /** PostgreSQL writes timestamptz in JSON as ISO 8601 with an offset. */
    private static Instant jsonInstant(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() ? null : OffsetDateTime.parse(value.asString()).toInstant();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
