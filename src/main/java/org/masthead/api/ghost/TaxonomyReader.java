package org.masthead.api.ghost;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.masthead.api.nql.FilterField;
import org.masthead.api.nql.FilterField.Column;
import org.masthead.api.nql.SqlCondition;
import org.masthead.api.nql.ValueType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Bylines and tags for the APIs, from content's {@code content_author} and {@code content_tag} views, filtered by
 * NQL and paged like posts.
 */
@Component
public class TaxonomyReader {

    public static final Map<String, FilterField> AUTHOR_FIELDS = Map.of(
            "id", new Column("a.public_id", ValueType.TEXT), "slug", new Column("a.slug", ValueType.TEXT),
            "name", new Column("a.name", ValueType.TEXT), "bio", new Column("nullif(a.bio, '')", ValueType.TEXT),
            "job_title", new Column("nullif(a.job_title, '')", ValueType.TEXT),
            "created_at", new Column("a.created_at", ValueType.TIMESTAMP),
            "updated_at", new Column("a.updated_at", ValueType.TIMESTAMP));
    public static final Map<String, String> AUTHOR_ORDER = Map.of("name", "a.name", "slug", "a.slug", "id", "a.public_id",
            "created_at", "a.created_at", "updated_at", "a.updated_at");
    public static final Map<String, FilterField> TAG_FIELDS = Map.of(
            "id", new Column("t.public_id", ValueType.TEXT), "slug", new Column("t.slug", ValueType.TEXT),
            "name", new Column("t.name", ValueType.TEXT),
            "description", new Column("nullif(t.description, '')", ValueType.TEXT),
            "visibility", new Column("(case when t.name like '#%' then 'internal' else 'public' end)", ValueType.TEXT),
            "created_at", new Column("t.created_at", ValueType.TIMESTAMP),
            "updated_at", new Column("t.updated_at", ValueType.TIMESTAMP));
    public static final Map<String, String> TAG_ORDER = Map.of("name", "t.name", "slug", "t.slug", "id", "t.public_id",
            "created_at", "t.created_at", "updated_at", "t.updated_at");

    private static final String AUTHOR_COLUMNS = """
            select a.id, a.public_id, a.slug, a.name, a.job_title, a.bio, m.file_name as avatar, a.links::text as links,
                   a.listed, a.created_at, a.updated_at
            from content_author a left join media_picture m on m.media_id = a.avatar_id
            """;
    private static final String TAG_COLUMNS = """
            select t.id, t.public_id, t.slug, t.name, t.description, t.created_at, t.updated_at from content_tag t
            """;

    public record AuthorPage(List<AuthorRow> rows, long total) {
    }

    public record TagPage(List<TagRow> rows, long total) {
    }

    private final JdbcClient jdbc;
    private final PostReader posts;

    TaxonomyReader(JdbcClient jdbc, PostReader posts) {
        this.jdbc = jdbc;
        this.posts = posts;
    }

    /**
     * @param onlyPublished the Content API lists only writers with a published article (the ones with a page);
     *                      the Admin API lists every profile
     */
    public AuthorPage authors(boolean onlyPublished, SqlCondition filter, String orderSql, int limit, int offset,
                              boolean countPosts) {
        List<Object> params = new ArrayList<>();
        String where = "where " + (onlyPublished ? "a.published" : "true");
        if (filter != null) {
            where += " and " + filter.sql();
            params.addAll(filter.params());
        }
        long total = jdbc.sql("select count(*) from content_author a " + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(limit);
        pageParams.add(offset);
        List<AuthorRow> rows = total == 0 ? List.of() : jdbc.sql(AUTHOR_COLUMNS + where + " order by " + orderSql
                + " limit ? offset ?").params(pageParams).query((rs, n) -> posts.author(rs, null)).list();
        return new AuthorPage(countPosts ? withAuthorCounts(rows) : rows, total);
    }

    /** @param column {@code public_id}, {@code slug} or {@code id} */
    public Optional<AuthorRow> author(boolean onlyPublished, String column, Object value, boolean countPosts) {
        requireKey(column);
        return jdbc.sql(AUTHOR_COLUMNS + "where a." + column + " = ?" + (onlyPublished ? " and a.published" : ""))
                .param(value).query((rs, n) -> posts.author(rs, null)).optional()
                .map(row -> countPosts ? withAuthorCounts(List.of(row)).get(0) : row);
    }

    /** Byline profiles by Ghost id, slug or email (the Admin API's ways to name authors). */
    public Optional<AuthorRow> authorBy(String column, Object value) {
        return author(false, column, value, false);
    }

    /** @param withInternal the Admin API also lists internal (#) tags */
    public TagPage tags(boolean withInternal, SqlCondition filter, String orderSql, int limit, int offset, boolean countPosts) {
        List<Object> params = new ArrayList<>();
        String where = "where " + (withInternal ? "true" : "t.name not like '#%'");
        if (filter != null) {
            where += " and " + filter.sql();
            params.addAll(filter.params());
        }
        long total = jdbc.sql("select count(*) from content_tag t " + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(limit);
        pageParams.add(offset);
        List<TagRow> rows = total == 0 ? List.of() : jdbc.sql(TAG_COLUMNS + where + " order by " + orderSql
                + " limit ? offset ?").params(pageParams).query((rs, n) -> PostReader.tag(rs, null)).list();
        return new TagPage(countPosts ? withTagCounts(rows) : rows, total);
    }

    public Optional<TagRow> tag(boolean withInternal, String column, Object value, boolean countPosts) {
        requireKey(column);
        return jdbc.sql(TAG_COLUMNS + "where t." + column + " = ?" + (withInternal ? "" : " and t.name not like '#%'"))
                .param(value).query((rs, n) -> PostReader.tag(rs, null)).optional()
                .map(row -> countPosts ? withTagCounts(List.of(row)).get(0) : row);
    }

    private List<AuthorRow> withAuthorCounts(List<AuthorRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, Long> counts = new HashMap<>(posts.publishedCountByAuthor(rows.stream().map(AuthorRow::id).toList()));
        return rows.stream().map(row -> new AuthorRow(row.id(), row.publicId(), row.slug(), row.name(), row.jobTitle(),
                row.bio(), row.avatarFile(), row.links(), row.listed(), row.createdAt(), row.updatedAt(),
                counts.getOrDefault(row.id(), 0L))).toList();
    }

    private List<TagRow> withTagCounts(List<TagRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, Long> counts = new HashMap<>(posts.publishedCountByTag(rows.stream().map(TagRow::id).toList()));
        return rows.stream().map(row -> new TagRow(row.id(), row.publicId(), row.slug(), row.name(), row.description(),
                row.createdAt(), row.updatedAt(), counts.getOrDefault(row.id(), 0L))).toList();
    }

    private static void requireKey(String column) {
        if (!List.of("public_id", "slug", "id").contains(column)) {
            throw new IllegalArgumentException("Not a key: " + column);
        }
    }
}
