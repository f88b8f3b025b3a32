package org.masthead.search;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.web.util.HtmlUtils;

/**
 * Full-text search over published articles, in the search module's own index (kept by {@link SearchIndexer}). The query is parsed with web-search syntax ("exact phrase", -word,
 * OR) in both the English and the simple configuration, so English is matched by stem and every other language
 * word for word. Relevance ranks the newest matches (at most {@value #RELEVANCE_WINDOW}), which keeps a common
 * word fast on a million articles and favours fresh news among equals.
 */
@Repository
class Search {

    static final int RELEVANCE_WINDOW = 1000;
    private static final char MARK_START = '\uE000';
    private static final char MARK_END = '\uE001';

    private final JdbcClient jdbc;
    private final io.micrometer.core.instrument.Timer timer;

    Search(JdbcClient jdbc, io.micrometer.core.instrument.MeterRegistry meters) {
        this.jdbc = jdbc;
        this.timer = io.micrometer.core.instrument.Timer.builder("masthead.search")
                .description("Full-text search query").publishPercentiles(0.5, 0.95).register(meters);
    }

    /** Whether the text holds anything searchable: only punctuation or stop words parse to an empty query. */
    boolean isSearchable(String text) {
        return jdbc.sql("select numnode(websearch_to_tsquery('english', :q) || websearch_to_tsquery('simple', :q)) > 0")
                .param("q", text).query(Boolean.class).single();
    }

    record Filters(Long sectionId, Long authorId, Instant from, Instant to) {
    }

    record Page(List<SearchResult> results, SearchCursor next) {
    }

    /**
     * How many published articles match, counted up to {@code cap + 1}: "more than 1,000" is all a reader needs,
     * and counting a common word over a million articles exactly would cost more than the search.
     */
    long count(String text, Filters filters, int cap) {
        Map<String, Object> params = new HashMap<>();
        params.put("q", text);
        params.put("cap", cap + 1);
        return jdbc.sql("""
                with q as (select websearch_to_tsquery('english', :q) || websearch_to_tsquery('simple', :q) as query)
                select count(*) from (select 1 from search_document d, q where\s""" + where(filters, params)
                + " limit :cap) hits").params(params).query(Long.class).single();
    }

    private static String where(Filters filters, Map<String, Object> params) {
        StringBuilder where = new StringBuilder("d.vector @@ q.query");
        if (filters.sectionId() != null) {
            where.append(" and d.section_id = :section");
            params.put("section", filters.sectionId());
        }
        if (filters.authorId() != null) {
            where.append(" and :author = any(d.author_ids)");
            params.put("author", filters.authorId());
        }
        if (filters.from() != null) {
            where.append(" and d.published_at >= :from");
            params.put("from", OffsetDateTime.ofInstant(filters.from(), ZoneOffset.UTC));
        }
        if (filters.to() != null) {
            where.append(" and d.published_at < :to");
            params.put("to", OffsetDateTime.ofInstant(filters.to(), ZoneOffset.UTC));
        }
        return where.toString();
    }

    Page search(String text, Filters filters, boolean newestFirst, SearchCursor before, int limit) {
        return timer.record(() -> query(text, filters, newestFirst, before, limit));
    }

    private Page query(String text, Filters filters, boolean newestFirst, SearchCursor before, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("q", text);
        params.put("limit", limit + 1);
        String where = where(filters, params);
        String keyset = "";
        if (before != null) {
            params.put("rank", before.rank());
            params.put("at", OffsetDateTime.ofInstant(before.publishedAt(), ZoneOffset.UTC));
            params.put("id", before.id());
            keyset = newestFirst ? " and (d.published_at, d.article_id) < (:at, :id)"
                    : " where (r.rank, r.published_at, r.id) < (:rank, :at, :id)";
        }
        String hits;
        if (newestFirst) {
            hits = """
                    with q as (select websearch_to_tsquery('english', :q) || websearch_to_tsquery('simple', :q) as query)
                    select d.article_id as id, d.published_at, 0::float8 as rank, q.query
                    from search_document d, q where\s""" + where + keyset
                    + " order by d.published_at desc, d.article_id desc limit :limit";
        } else {
            hits = """
                    with q as (select websearch_to_tsquery('english', :q) || websearch_to_tsquery('simple', :q) as query),
                    candidates as (
                        select d.article_id, d.published_at, d.vector from search_document d, q where\s""" + where
                    + " order by d.published_at desc, d.article_id desc limit " + RELEVANCE_WINDOW + """

                    ),
                    ranked as (
                        select c.article_id as id, c.published_at, ts_rank_cd(c.vector, q.query)::float8 as rank, q.query
                        from candidates c, q
                    )
                    select * from ranked r""" + keyset + " order by r.rank desc, r.published_at desc, r.id desc limit :limit";
        }
        // Headline, section, bylines and the snippet come from content's view of published articles.
        String withSnippets = """
                select h.id, a.slug, a.headline, h.published_at, h.rank, a.section_name, a.author_names,
                       ts_headline(article_search_config(a.language), a.body_text, h.query,
                           'StartSel=' || chr(57344) || ', StopSel=' || chr(57345)
                           || ', MaxWords=35, MinWords=15, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "') as snippet,
                       left(a.body_text, 200) as body_start, right(a.body_text, 200) as body_end
                from (""" + hits + """

                ) h join content_published_article a on a.id = h.id
                order by\s""" + (newestFirst ? "h.published_at desc, h.id desc" : "h.rank desc, h.published_at desc, h.id desc");
        List<SearchResult> rows = new ArrayList<>(jdbc.sql(withSnippets).params(params).query((rs, row) -> new SearchResult(
                rs.getLong("id"), rs.getString("slug"), rs.getString("headline"),
                rs.getString("section_name"),
                strings(rs.getArray("author_names")), rs.getObject("published_at", OffsetDateTime.class).toInstant(),
                markUp(withEllipses(rs.getString("snippet"), rs.getString("body_start"), rs.getString("body_end"))),
                rs.getDouble("rank"))).list());
        SearchCursor next = null;
        if (rows.size() > limit) {
            rows.subList(limit, rows.size()).clear();
            SearchResult last = rows.get(limit - 1);
            next = new SearchCursor(last.rank(), last.publishedAt(), last.id());
        }
        return new Page(List.copyOf(rows), next);
    }

    /**
     * A better spelling of the query when some of its words are unknown and close to a word of what is published
     * now (headlines, standfirsts, bodies and captions), keeping a capital letter where the reader typed one.
     */
    Optional<String> suggestion(String text) {
        // up to 100 close words are checked, nearest first: near-twins of words no longer published (a withdrawn or
        // re-headlined story's) must not crowd out the published one
        boolean changed = false;
        StringBuilder suggestion = new StringBuilder();
        for (String token : text.split("(?<=\\s)|(?=\\s)")) {
            String word = token.replaceAll("[^\\p{L}\\p{N}]", "").toLowerCase(java.util.Locale.ROOT);
            String replacement = token;
            if (word.length() >= 3 && !known(word)) {
                Optional<String> closest = jdbc.sql("""
                        select word from search_term where word % :w
                        order by similarity(word, :w) desc, word limit 100
                        """).param("w", word).query(String.class).list().stream().filter(this::published).findFirst();
                if (closest.isPresent()) {
                    String bare = token.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
                    String spelled = !bare.isEmpty() && Character.isUpperCase(bare.codePointAt(0))
                            ? closest.get().substring(0, 1).toUpperCase(java.util.Locale.ROOT) + closest.get().substring(1)
                            : closest.get();
                    replacement = token.replace(bare, spelled);
                    changed = true;
                }
            }
            suggestion.append(replacement);
        }
        return changed ? Optional.of(suggestion.toString().strip()) : Optional.empty();
    }

    private boolean known(String word) {
        return published(word);
    }

    /**
     * Whether a word is in something published now: the search index holds published articles only, so a word
     * of a withdrawn or re-headlined story is never offered.
     */
    private boolean published(String word) {
        return jdbc.sql("""
                select exists (select 1 from search_document
                               where vector @@ (plainto_tsquery('english', :w) || plainto_tsquery('simple', :w)))
                """).param("w", word).query(Boolean.class).single();
    }

    /**
     * A snippet cut from the middle of a story says so: "…" where text is left out before or after it. The
     * fragments ts_headline picks start and end on whole words, so the marks sit at word boundaries.
     */
    static String withEllipses(String snippet, String bodyStart, String bodyEnd) {
        if (snippet == null || snippet.isBlank()) {
            return snippet;
        }
        String text = snippet.strip();
        String plain = text.replace(String.valueOf(MARK_START), "").replace(String.valueOf(MARK_END), "");
        String start = bodyStart == null ? "" : bodyStart.stripLeading();
        String end = bodyEnd == null ? "" : bodyEnd.stripTrailing();
        String firstWords = plain.substring(0, Math.min(plain.length(), 40));
        String lastWords = plain.substring(Math.max(0, plain.length() - 40));
        if (!start.startsWith(firstWords)) {
            text = "… " + text;
        }
        if (!end.endsWith(lastWords)) {
            text = text + " …";
        }
        return text;
    }

    /** The snippet is plain text with sentinel characters around matches: escape it, then mark the matches. */
    static String markUp(String snippet) {
        return HtmlUtils.htmlEscape(snippet == null ? "" : snippet)
                .replace(String.valueOf(MARK_START), "<mark>").replace(String.valueOf(MARK_END), "</mark>");
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
