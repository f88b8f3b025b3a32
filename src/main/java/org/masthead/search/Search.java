package org.masthead.search;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.web.util.HtmlUtils;

/**
 * Full-text search over published articles, in the search module's own index (kept by {@link SearchIndexer}). The query is parsed with web-search syntax ("exact phrase", -word,
 * OR) in both the English and the simple configuration, so English is matched by stem and every other language
 * word for word. Relevance ranks the newest matches (at most {@value #RELEVANCE_WINDOW}), which favours fresh news
 * among equals; the newest matches are found in a window of recent stories that widens only as far as it must, so a
 * common word stays fast on a million articles.
 */
@Repository
class Search {

    static final int RELEVANCE_WINDOW = 1000;
    private static final char MARK_START = '\uE000';
    private static final char MARK_END = '\uE001';

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Duration statementTimeout;
    private final io.micrometer.core.instrument.Timer timer;

    Search(JdbcClient jdbc, PlatformTransactionManager transactionManager, io.micrometer.core.instrument.MeterRegistry meters,
           @Value("${masthead.search.statement-timeout:3s}") Duration statementTimeout) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setReadOnly(true);
        this.statementTimeout = statementTimeout;
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

    /** One page of results, and how many published articles match in all (at most {@code COUNT_CAP + 1}). */
    record Page(List<SearchResult> results, SearchCursor next, long total) {
    }

    /** Counting stops past a thousand: "more than 1,000" is all a reader needs. */
    static final int COUNT_CAP = RELEVANCE_WINDOW;

    /**
     * How far back from the newest story a query looks before it has found what it needs: two weeks, two months,
     * thirteen months, then everything. The index holds words and publication periods together (V16), so a window
     * costs about as much as the matches inside it: a common word finds its thousand newest matches in the last
     * weeks instead of ordering half a million by date, and a rare one searches everything but matches little of it.
     */
    private static final int WEEKS_BACK = 1;
    private static final int[] MONTHS_BACK = {1, 12};

    private static final String IN_PERIODS = " and d.period @@ cast(:periods as tsquery)";

    private static final String QUERY = "with q as materialized (select websearch_to_tsquery('english', :q) "
            + "|| websearch_to_tsquery('simple', :q) as query)\n";

    /** The part of the archive a query reads: stories of these periods (a tsquery), or all of them when null. */
    private record Window(String periods, long matches) {
    }

    /** Weeks since the Unix epoch, as search_period() numbers them. */
    static long week(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), 604_800);
    }

    /** Weeks first to last as the lexemes search_period() gives the stories published in them. */
    static String weeks(long first, long last) {
        List<String> lexemes = new ArrayList<>();
        for (long week = first; week <= last; week++) {
            lexemes.add("'w" + week + "'");
        }
        return String.join(" | ", lexemes);
    }

    /** Whole months, first to last: whole years as one lexeme each, the months of a partial year one by one. */
    static String months(YearMonth first, YearMonth last) {
        List<String> lexemes = new ArrayList<>();
        YearMonth month = first;
        do {
            if (month.getMonthValue() == 1 && !month.plusMonths(11).isAfter(last)) {
                lexemes.add("'y" + month.getYear() + "'");
                month = month.plusYears(1);
            } else {
                lexemes.add("'m" + (month.getYear() * 100 + month.getMonthValue()) + "'");
                month = month.plusMonths(1);
            }
        } while (!month.isAfter(last));
        return String.join(" | ", lexemes);
    }

    /**
     * Results and the total, read in one read-only transaction under {@code masthead.search.statement-timeout}: a
     * query that would still need longer (a phrase of common words that seldom stand together, say) is cancelled
     * by PostgreSQL and reported as {@link SearchTooBroad} instead of holding a connection.
     */
    Page search(String text, Filters filters, boolean newestFirst, SearchCursor before, int limit) {
        return timer.record(() -> withinTimeout(() -> {
            Window all = window(text, filters, null, COUNT_CAP + 1);
            long total = Math.min(all.matches(), COUNT_CAP + 1);
            Window pageWindow = newestFirst && before != null ? window(text, filters, before, limit + 1) : all;
            return page(text, filters, newestFirst, before, limit, pageWindow, total);
        }));
    }

    /** Runs the work with PostgreSQL's statement timeout set for this transaction only. */
    <T> T withinTimeout(java.util.function.Supplier<T> work) {
        try {
            return transactions.execute(status -> {
                jdbc.sql("select set_config('statement_timeout', :timeout, true)")
                        .param("timeout", statementTimeout.toMillis() + "ms").query().singleValue();
                return work.get();
            });
        } catch (org.springframework.dao.DataAccessException e) {
            if (cancelledByTimeout(e)) {
                throw new SearchTooBroad(statementTimeout);
            }
            throw e;
        }
    }

    private static boolean cancelledByTimeout(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "57014".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** A search PostgreSQL cancelled after {@code masthead.search.statement-timeout}. */
    static final class SearchTooBroad extends RuntimeException {
        SearchTooBroad(Duration timeout) {
            super("search cancelled after " + timeout.toMillis() + " ms");
        }
    }

    /**
     * The smallest window, counting back from the newest story (or the cursor, or the end of the date filter),
     * holding {@code wanted} matches — or everything the filters allow, with the number of matches it holds.
     */
    private Window window(String text, Filters filters, SearchCursor before, int wanted) {
        Map<String, Object> params = new HashMap<>();
        params.put("q", text);
        params.put("wanted", wanted);
        String where = where(filters, params) + keyset(before, true, params);
        StringBuilder bounds = new StringBuilder("true");
        if (filters.to() != null) {
            bounds.append(" and published_at < :to");
        }
        if (before != null) {
            bounds.append(" and published_at <= :at");
        }
        List<OffsetDateTime> newestRow = jdbc.sql("select max(published_at) from search_document where " + bounds)
                .params(params).query(OffsetDateTime.class).list();
        OffsetDateTime newest = newestRow.isEmpty() ? null : newestRow.get(0);
        if (newest == null) {
            return new Window(null, 0);
        }
        Instant anchor = newest.toInstant();
        Instant from = filters.from();
        if (from != null && from.isAfter(anchor)) {
            return new Window(weeks(week(from), week(from)), 0); // nothing is that new: one empty week, read cheaply
        }
        YearMonth anchorMonth = YearMonth.from(newest.atZoneSameInstant(ZoneOffset.UTC));
        YearMonth floorMonth = from == null ? null : YearMonth.from(from.atZone(ZoneOffset.UTC));
        List<String> steps = new ArrayList<>();
        List<Boolean> reachesFloor = new ArrayList<>();
        long firstWeek = week(anchor) - WEEKS_BACK;
        boolean weeksReachFloor = from != null && week(from) >= firstWeek;
        steps.add(weeks(weeksReachFloor ? week(from) : firstWeek, week(anchor)));
        reachesFloor.add(weeksReachFloor);
        for (int back : MONTHS_BACK) {
            YearMonth first = anchorMonth.minusMonths(back);
            boolean monthsReachFloor = floorMonth != null && !first.isAfter(floorMonth);
            steps.add(months(monthsReachFloor ? floorMonth : first, anchorMonth));
            reachesFloor.add(monthsReachFloor);
        }
        for (int i = 0; i < steps.size(); i++) {
            params.put("periods", steps.get(i));
            long matches = countUpTo(where + IN_PERIODS, params);
            if (matches >= wanted || reachesFloor.get(i)) {
                return new Window(steps.get(i), matches);
            }
        }
        String allowed = floorMonth == null ? null : months(floorMonth, anchorMonth);
        if (allowed != null) {
            params.put("periods", allowed);
        }
        return new Window(allowed, countUpTo(allowed == null ? where : where + IN_PERIODS, params));
    }

    private long countUpTo(String where, Map<String, Object> params) {
        return jdbc.sql(QUERY + "select count(*) from (select 1 from search_document d, q where " + where
                + " limit :wanted) hits").params(params).query(Long.class).single();
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

    /** Newest first, the page after the cursor; the plain bound lets the index stop at the cursor's time. */
    private static String keyset(SearchCursor before, boolean newestFirst, Map<String, Object> params) {
        if (before == null || !newestFirst) {
            return "";
        }
        params.put("at", OffsetDateTime.ofInstant(before.publishedAt(), ZoneOffset.UTC));
        params.put("id", before.id());
        return " and d.published_at <= :at and (d.published_at, d.article_id) < (:at, :id)";
    }

    private Page page(String text, Filters filters, boolean newestFirst, SearchCursor before, int limit,
                      Window window, long total) {
        Map<String, Object> params = new HashMap<>();
        params.put("q", text);
        params.put("limit", limit + 1);
        String where = where(filters, params) + keyset(before, newestFirst, params);
        if (window.periods() != null) {
            where += IN_PERIODS;
            params.put("periods", window.periods());
        }
        String hits;
        if (newestFirst) {
            hits = QUERY + "select d.article_id as id, d.published_at, 0::float8 as rank, q.query\n"
                    + "from search_document d, q where " + where
                    + " order by d.published_at desc, d.article_id desc limit :limit";
        } else {
            String rankedKeyset = "";
            if (before != null) {
                params.put("rank", before.rank());
                params.put("at", OffsetDateTime.ofInstant(before.publishedAt(), ZoneOffset.UTC));
                params.put("id", before.id());
                rankedKeyset = " where (r.rank, r.published_at, r.id) < (:rank, :at, :id)";
            }
            hits = QUERY + """
                    , candidates as (
                        select d.article_id, d.published_at, d.vector from search_document d, q where\s""" + where
                    + " order by d.published_at desc, d.article_id desc limit " + RELEVANCE_WINDOW + """

                    ),
                    ranked as (
                        select c.article_id as id, c.published_at, ts_rank_cd(c.vector, q.query)::float8 as rank, q.query
                        from candidates c, q
                    )
                    select * from ranked r""" + rankedKeyset + " order by r.rank desc, r.published_at desc, r.id desc limit :limit";
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
        return new Page(List.copyOf(rows), next, total);
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
