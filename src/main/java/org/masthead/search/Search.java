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

    @org.springframework.beans.factory.annotation.Autowired
    Search(JdbcClient jdbc, PlatformTransactionManager transactionManager,
           io.micrometer.core.instrument.MeterRegistry meters,
           @Value("${masthead.search.statement-timeout:3s}") Duration statementTimeout) {
        this(jdbc, transactionManager, meters, statementTimeout, FETCHED);
    }

    /** @param fetchCap matches a window may hand over; more are ordered and cut in the database */
    Search(JdbcClient jdbc, PlatformTransactionManager transactionManager,
           io.micrometer.core.instrument.MeterRegistry meters, Duration statementTimeout, int fetchCap) {
        this.fetchCap = fetchCap;
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
     * How far back from the newest story a query looks before it has found what it needs: two, four and eight weeks,
     * six, thirteen and forty-nine months, then everything. The index holds words and publication periods together
     * (V16), so a window costs about as much as the stories inside it that have the words: a common word finds its
     * thousand newest matches in the last weeks instead of ordering half a million by date, and a rare one searches
     * everything but matches little of it. Each window is two to four times the last, so a phrase (checked story by
     * story) reads a small multiple of the stories it needs.
     */
    private static final int[] WEEKS_BACK = {1, 3, 7};
    // four years before everything: a small archive's common phrase (each match checked story by story) is found
    // there without reading the whole index twice — once for the fetch, once to order what did not fit
    private static final int[] MONTHS_BACK = {5, 12, 48};

    private static final String IN_PERIODS = " and d.period @@ cast(:periods as tsquery)";

    private static final String QUERY = "with q as materialized (select websearch_to_tsquery('english', :q) "
            + "|| websearch_to_tsquery('simple', :q) as query)\n";

    /**
     * The part of the archive a query reads — stories of these periods (a tsquery), or all of them when null — and
     * its matches, fetched once (id and time, in no order) when there are at most {@link #fetchCap} of them: the
     * page is then cut from them here, and only its stories are read again, by id.
     */
    private record Window(String periods, List<Match> matches) {
    }

    private record Match(long id, Instant publishedAt) {
    }

    /** Newest first, as every list of results is ordered before ranking. */
    private static final java.util.Comparator<Match> NEWEST_FIRST = java.util.Comparator
            .comparing(Match::publishedAt).thenComparingLong(Match::id).reversed();

    /** Matches a window may hand over: a few times {@value #RELEVANCE_WINDOW}, as the windows about double. */
    static final int FETCHED = 5000;
    private final int fetchCap;

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
            long total = Math.min(all.matches().size(), COUNT_CAP + 1);
            Window pageWindow = newestFirst && before != null ? window(text, filters, before, limit + 1) : all;
            if (pageWindow.matches().size() > fetchCap) {
                return page(text, filters, newestFirst, before, limit, pageWindow, total);
            }
            List<Match> newest = pageWindow.matches().stream().sorted(NEWEST_FIRST).toList();
            List<Hit> hits = newestFirst
                    ? newest.stream().limit(limit + 1).map(match -> new Hit(match.id(), match.publishedAt(), 0)).toList()
                    : ranked(text, newest.subList(0, Math.min(newest.size(), RELEVANCE_WINDOW)), before, limit + 1);
            return withSnippets(text, hits, limit, total);
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
            return new Window(null, List.of());
        }
        Instant anchor = newest.toInstant();
        Instant from = filters.from();
        if (from != null && from.isAfter(anchor)) {
            return new Window(weeks(week(from), week(from)), List.of()); // nothing is that new: one empty week
        }
        for (Step step : steps(anchor, from)) {
            params.put("periods", step.periods());
            List<Match> matches = matches(where + IN_PERIODS, params);
            if (matches.size() >= wanted || step.reachesFrom()) {
                return new Window(step.periods(), matches);
            }
        }
        String allowed = from == null ? null : months(YearMonth.from(from.atZone(ZoneOffset.UTC)),
                YearMonth.from(anchor.atZone(ZoneOffset.UTC)));
        if (allowed != null) {
            params.put("periods", allowed);
        }
        return new Window(allowed, matches(allowed == null ? where : where + IN_PERIODS, params));
    }

    /** One window to try: its periods, and whether it already reaches back to the date filter's start. */
    private record Step(String periods, boolean reachesFrom) {
    }

    /** The windows ending at {@code anchor}, smallest first, none reaching further back than {@code from}. */
    private static List<Step> steps(Instant anchor, Instant from) {
        List<Step> steps = new ArrayList<>();
        for (int back : WEEKS_BACK) {
            long first = week(anchor) - back;
            boolean reachesFrom = from != null && week(from) >= first;
            steps.add(new Step(weeks(reachesFrom ? week(from) : first, week(anchor)), reachesFrom));
        }
        YearMonth anchorMonth = YearMonth.from(anchor.atZone(ZoneOffset.UTC));
        YearMonth fromMonth = from == null ? null : YearMonth.from(from.atZone(ZoneOffset.UTC));
        for (int back : MONTHS_BACK) {
            YearMonth first = anchorMonth.minusMonths(back);
            boolean reachesFrom = fromMonth != null && !first.isAfter(fromMonth);
            steps.add(new Step(months(reachesFrom ? fromMonth : first, anchorMonth), reachesFrom));
        }
        return steps;
    }

    /** The window's matches, one more than {@link #fetchCap} at most (then the window has too many to fetch). */
    private List<Match> matches(String where, Map<String, Object> params) {
        return jdbc.sql(QUERY + "select d.article_id, d.published_at from search_document d, q where " + where
                + " limit " + (fetchCap + 1)).params(params)
                .query((rs, row) -> new Match(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant())).list();
    }

    /** A result before its snippet: id, time and rank (0 when sorted by date). */
    private record Hit(long id, Instant publishedAt, double rank) {
    }

    /**
     * The candidates ranked, best first, after the cursor: the rank is worked out here for these stories only,
     * read by id.
     */
    private List<Hit> ranked(String text, List<Match> candidates, SearchCursor before, int wanted) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        Map<Long, Instant> times = new HashMap<>();
        candidates.forEach(match -> times.put(match.id(), match.publishedAt()));
        List<Hit> hits = new ArrayList<>(jdbc.sql(QUERY + """
                select d.article_id, ts_rank_cd(d.vector, q.query)::float8 from search_document d, q
                where d.article_id = any(:ids)
                """).param("q", text).param("ids", times.keySet().toArray(Long[]::new))
                .query((rs, row) -> new Hit(rs.getLong(1), times.get(rs.getLong(1)), rs.getDouble(2))).list());
        hits.sort(BEST_FIRST);
        if (before != null) {
            Hit cursor = new Hit(before.id(), before.publishedAt(), before.rank());
            hits.removeIf(hit -> BEST_FIRST.compare(hit, cursor) <= 0);
        }
        return hits.subList(0, Math.min(hits.size(), wanted));
    }

    private static final java.util.Comparator<Hit> BEST_FIRST = java.util.Comparator.comparingDouble(Hit::rank)
            .thenComparing(Hit::publishedAt).thenComparingLong(Hit::id).reversed();

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

    /** The page when its window holds too many matches to fetch: cut in the database, by date or by rank. */
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
            hits = QUERY + "select d.article_id as id, d.published_at, 0::float8 as rank\n"
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
                        select c.article_id as id, c.published_at, ts_rank_cd(c.vector, q.query)::float8 as rank
                        from candidates c, q
                    )
                    select * from ranked r""" + rankedKeyset
                    + " order by r.rank desc, r.published_at desc, r.id desc limit :limit";
        }
        List<Hit> found = jdbc.sql(hits).params(params).query((rs, row) -> new Hit(rs.getLong("id"),
                rs.getObject("published_at", OffsetDateTime.class).toInstant(), rs.getDouble("rank"))).list();
        return withSnippets(text, found, limit, total);
    }

    /**
     * The page's results in the order of {@code hits} (one more than the page: it says whether there is a next),
     * with headline, section and bylines from content's view of published articles and a snippet of the words.
     */
    private Page withSnippets(String text, List<Hit> hits, int limit, long total) {
        Map<Long, SearchResult> byId = new HashMap<>();
        List<Hit> shown = hits.subList(0, Math.min(hits.size(), limit));
        Map<Long, Hit> hitsById = new HashMap<>();
        shown.forEach(hit -> hitsById.put(hit.id(), hit));
        if (!shown.isEmpty()) {
            jdbc.sql(QUERY + """
                    select a.id, a.slug, a.headline, a.section_name, a.author_names,
                           ts_headline(article_search_config(a.language), a.body_text, q.query,
                               'StartSel=' || chr(57344) || ', StopSel=' || chr(57345)
                               || ', MaxWords=35, MinWords=15, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "') as snippet,
                           left(a.body_text, 200) as body_start, right(a.body_text, 200) as body_end
                    from content_published_article a, q where a.id = any(:ids)
                    """).param("q", text).param("ids", hitsById.keySet().toArray(Long[]::new)).query((rs, row) -> {
                        Hit hit = hitsById.get(rs.getLong("id"));
                        return new SearchResult(hit.id(), rs.getString("slug"), rs.getString("headline"),
                                rs.getString("section_name"), strings(rs.getArray("author_names")),
                                hit.publishedAt(),
                                markUp(withEllipses(rs.getString("snippet"), rs.getString("body_start"),
                                        rs.getString("body_end"))),
                                hit.rank());
                    }).list().forEach(result -> byId.put(result.id(), result));
        }
        // a story unpublished since the index last saw it is left out, as the view no longer has it
        List<SearchResult> results = shown.stream().map(hit -> byId.get(hit.id())).filter(java.util.Objects::nonNull).toList();
        SearchCursor next = null;
        if (hits.size() > limit) {
            Hit last = hits.get(limit - 1);
            next = new SearchCursor(last.rank(), last.publishedAt(), last.id());
        }
        return new Page(results, next, total);
    }

    /**
     * A better spelling of the query when some of its words are unknown and close to a word of what is published
     * now (headlines, standfirsts, bodies and captions), keeping a capital letter where the reader typed one.
     */
    Optional<String> suggestion(String text) {
        return withinTimeout(() -> {
            // Whether a word is published is asked of the words' index, never by reading every document: the
            // planner guesses thousands of matches for a word it has no statistics on, expects to meet one soon
            // and reads the table in order — 4.8 s at a million articles for a word nobody wrote.
            jdbc.sql("select set_config('enable_seqscan', 'off', true)").query().singleValue();
            return closerSpelling(text);
        });
    }

    private Optional<String> closerSpelling(String text) {
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
