package org.masthead.api.ghost;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.masthead.api.nql.SqlCondition;
import org.masthead.body.BodyFormat;
import org.masthead.content.ArticleKind;
import org.masthead.content.ArticleStatus;
import org.masthead.content.Author;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads articles and pages for the APIs from content's {@code content_post} views: a page of them in the order
 * asked, filtered by a compiled NQL condition within a scope (what the caller may see), their total, and their
 * bylines and tags in one query each — five queries for any page, whatever its size.
 */
@Component
public class PostReader {

    /** What a caller may see, as a condition on {@code p} (content_post) with its parameters. */
    public record Scope(String sql, List<Object> params) {

        public static Scope published(ArticleKind kind) {
            return new Scope("p.kind = ? and p.status = 'published'", List.of(kind.dbValue()));
        }

        /** Every article of the kind, or only the ones the integration created. */
        public static Scope all(ArticleKind kind, Long onlyCreatedByIntegration) {
            return onlyCreatedByIntegration == null ? new Scope("p.kind = ?", List.of(kind.dbValue()))
                    : new Scope("p.kind = ? and p.created_by_integration = ?", List.of(kind.dbValue(), onlyCreatedByIntegration));
        }
    }

    public record Page(List<PostRow> rows, long total) {
    }

    private static final String COLUMNS = """
            p.id, p.public_id, p.uuid, p.kind, p.slug, p.headline, p.standfirst, p.status, p.featured, p.language,
            p.section_id, p.section_slug, p.section_name, p.body_source, p.body_format, p.body_html, p.body_text,
            p.word_count, p.body_image_count, p.lead_image_id, lead.file_name as lead_file, p.lead_image_alt,
            p.lead_image_caption, p.lead_image_credit, p.published_at, p.scheduled_at, p.created_at, p.updated_at,
            p.created_by, p.created_by_integration, p.version, p.meta_title, p.meta_description, p.og_title,
            p.og_description, og.file_name as og_file, p.twitter_title, p.twitter_description,
            tw.file_name as twitter_file, p.canonical_url
            """;
    private static final String FROM = """
            from content_post p
            left join media_picture lead on lead.media_id = p.lead_image_id
            left join media_picture og on og.media_id = p.og_image_id
            left join media_picture tw on tw.media_id = p.twitter_image_id
            """;
    private static final TypeReference<List<Author.AuthorLink>> LINKS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    PostReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param orderSql an ORDER BY list built by the application from known fields (never client text)
     * @param offset   rows to skip
     */
    public Page browse(Scope scope, SqlCondition filter, String orderSql, int limit, int offset) {
        List<Object> params = new ArrayList<>(scope.params());
        String where = "where " + scope.sql();
        if (filter != null) {
            where += " and " + filter.sql();
            params.addAll(filter.params());
        }
        long total = jdbc.sql("select count(*) from content_post p " + where).params(params).query(Long.class).single();
        if (total == 0 || offset >= total) {
            return new Page(List.of(), total);
        }
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(limit);
        pageParams.add(offset);
        List<PostRow> rows = jdbc.sql("select " + COLUMNS + FROM + where + " order by " + orderSql + " limit ? offset ?")
                .params(pageParams).query((rs, n) -> row(rs)).list();
        return new Page(withRelations(rows), total);
    }

    /** One article by {@code id}, {@code slug} or {@code uuid} (the caller names the column), within the scope. */
    public Optional<PostRow> read(Scope scope, String column, Object value) {
        if (!List.of("public_id", "slug", "uuid", "id").contains(column)) {
            throw new IllegalArgumentException("Not a key of posts: " + column);
        }
        List<Object> params = new ArrayList<>(scope.params());
        params.add(value);
        return jdbc.sql("select " + COLUMNS + FROM + "where " + scope.sql() + " and p." + column + " = ?")
                .params(params).query((rs, n) -> row(rs)).optional()
                .map(row -> withRelations(List.of(row)).get(0));
    }

    private List<PostRow> withRelations(List<PostRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Long[] ids = rows.stream().map(PostRow::id).toArray(Long[]::new);
        Map<Long, List<AuthorRow>> authors = new HashMap<>();
        jdbc.sql("""
                select pa.article_id, a.id, a.public_id, a.slug, a.name, a.job_title, a.bio, m.file_name as avatar,
                       a.links::text as links, a.listed, a.created_at, a.updated_at
                from content_post_author pa join content_author a on a.id = pa.author_id
                left join media_picture m on m.media_id = a.avatar_id
                where pa.article_id = any(?) order by pa.article_id, pa.position
                """).param(ids).query(rs -> {
                    authors.computeIfAbsent(rs.getLong("article_id"), id -> new ArrayList<>()).add(author(rs, null));
                });
        Map<Long, List<TagRow>> tags = new HashMap<>();
        jdbc.sql("""
                select pt.article_id, t.id, t.public_id, t.slug, t.name, t.description, t.created_at, t.updated_at
                from content_post_tag pt join content_tag t on t.id = pt.tag_id
                where pt.article_id = any(?) order by pt.article_id, pt.position
                """).param(ids).query(rs -> {
                    tags.computeIfAbsent(rs.getLong("article_id"), id -> new ArrayList<>()).add(tag(rs, null));
                });
        return rows.stream().map(row -> row.withRelations(authors.getOrDefault(row.id(), List.of()),
                tags.getOrDefault(row.id(), List.of()))).toList();
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

    private static PostRow row(ResultSet rs) throws SQLException {
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
                rs.getString("twitter_file"), rs.getString("canonical_url"), List.of(), List.of());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
