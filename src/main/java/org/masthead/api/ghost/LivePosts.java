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

import org.masthead.system.Site;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Live blogs as the Content API shows them: which posts of a page are live blogs (one query, whatever the page's
 * size), their coverage and key events, and — when the answer carries {@code html} — their published entries,
 * read for those posts only (one more query), through content's {@code content_live_*} views.
 */
@Component
public class LivePosts {

    /** Key events a post lists at most, as the reader page does. */
    static final int KEY_EVENTS = 50;
    /** An untitled key event is named by the start of its text. */
    static final int TITLE_LENGTH = 100;

    /**
     * A post's live coverage.
     *
     * @param entries its published entries newest first, or null when the answer shows no html
     */
    public record Live(long articleId, Instant coverageStart, Instant coverageEnd, boolean running, long entriesCount,
                       Instant latestEntryAt, List<Entry> keyEvents, List<Entry> entries) {

        /** Ghost's {@code html} of the post: the article's own, then the entries, newest first. */
        String html(String articleHtml, Site site) {
            if (entries == null || entries.isEmpty()) {
                return articleHtml;
            }
            StringBuilder html = new StringBuilder(articleHtml == null ? "" : articleHtml.strip() + "\n");
            for (Entry entry : entries) {
                html.append("<article class=\"live-entry\" id=\"entry-").append(entry.id()).append("\">")
                        .append("<time datetime=\"").append(site.iso(entry.publishedAt())).append("\">")
                        .append(escape(site.dateTime(entry.publishedAt()))).append("</time>");
                if (!entry.title().isBlank()) {
                    html.append("<h2>").append(escape(entry.title())).append("</h2>");
                }
                html.append(entry.html().strip()).append("</article>\n");
            }
            return html.toString().strip();
        }

        /** The {@code live} object Masthead adds to the post. */
        Map<String, Object> json(GhostDates dates) {
            Map<String, Object> live = new LinkedHashMap<>();
            live.put("coverage_start", dates.format(coverageStart));
            live.put("coverage_end", dates.format(coverageEnd));
            live.put("running", running);
            live.put("entries_count", entriesCount);
            live.put("key_events", keyEvents.stream().map(event -> {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("id", event.id());
                json.put("title", event.shortTitle());
                json.put("published_at", dates.format(event.publishedAt()));
                return json;
            }).toList());
            live.put("latest_entry_at", dates.format(latestEntryAt));
            return live;
        }
    }

    /** A published entry: its sanitized html as content rendered it, and its text. */
    public record Entry(long id, long articleId, Instant publishedAt, Instant updatedAt, String title, String html,
                        String text, boolean keyEvent, boolean pinned) {

        /** The entry's title, else the start of its text. */
        String shortTitle() {
            if (!title.isBlank()) {
                return title;
            }
            String plain = text == null ? "" : text.strip().replaceAll("\\s+", " ");
            if (plain.codePointCount(0, plain.length()) <= TITLE_LENGTH) {
                return plain;
            }
            String cut = plain.substring(0, plain.offsetByCodePoints(0, TITLE_LENGTH - 1));
            int space = cut.lastIndexOf(' ');
            return (space > TITLE_LENGTH / 2 ? cut.substring(0, space) : cut).strip() + "…";
        }
    }

    private static final String ENTRY = """
            select e.id, e.article_id, e.published_at, e.updated_at, e.title, e.body_html, e.body_text, e.key_event,
                e.pinned
            from content_live_entry e
            """;

    private final JdbcClient jdbc;

    LivePosts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the answer shows anything of live coverage: its {@code live} object or its {@code html}. */
    public static boolean wanted(GhostJson.View view) {
        return view.fields().isEmpty() || view.fields().contains("live") || entriesWanted(view);
    }

    /** Whether the answer shows {@code html}, and so the entries. */
    public static boolean entriesWanted(GhostJson.View view) {
        return view.wantsFormat("html") && (view.fields().isEmpty() || view.fields().contains("html"));
    }

    /**
     * The live blogs among these articles, by article id: an ordinary article has none.
     *
     * @param withEntries also read every published entry (for {@code html}); else only the key events
     */
    public Map<Long, Live> of(Collection<Long> articleIds, boolean withEntries) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        Long[] ids = articleIds.stream().distinct().toArray(Long[]::new);
        record Blog(long articleId, Instant coverageStart, Instant coverageEnd, boolean running, long entries,
                    Instant latestEntryAt) {
        }
        List<Blog> blogs = jdbc.sql("""
                select l.article_id, l.coverage_start, l.coverage_end, l.running,
                    (select count(*) from content_live_entry e where e.article_id = l.article_id and e.status = 'published') as entries,
                    (select max(e.published_at) from content_live_entry e where e.article_id = l.article_id and e.status = 'published') as latest
                from content_live_blog l where l.article_id = any(?)
                """).param(ids).query((rs, n) -> new Blog(rs.getLong("article_id"), instant(rs, "coverage_start"),
                instant(rs, "coverage_end"), rs.getBoolean("running"), rs.getLong("entries"), instant(rs, "latest"))).list();
        if (blogs.isEmpty()) {
            return Map.of();
        }
        Long[] live = blogs.stream().map(Blog::articleId).toArray(Long[]::new);
        // every published entry for html (the stream's index, newest first), else the key events alone
        List<Entry> read = jdbc.sql(ENTRY + " where e.article_id = any(?) and e.status = 'published'"
                        + (withEntries ? "" : " and e.key_event") + " order by e.article_id, e.published_at desc, e.id desc")
                .param(live).query(this::entry).list();
        Map<Long, List<Entry>> byArticle = new HashMap<>();
        read.forEach(entry -> byArticle.computeIfAbsent(entry.articleId(), id -> new ArrayList<>()).add(entry));
        Map<Long, Live> found = new LinkedHashMap<>();
        for (Blog blog : blogs) {
            List<Entry> entries = byArticle.getOrDefault(blog.articleId(), List.of());
            List<Entry> keyEvents = entries.stream().filter(Entry::keyEvent).limit(KEY_EVENTS).toList();
            found.put(blog.articleId(), new Live(blog.articleId(), blog.coverageStart(), blog.coverageEnd(), blog.running(),
                    blog.entries(), blog.latestEntryAt(), keyEvents, withEntries ? List.copyOf(entries) : null));
        }
        return found;
    }

    private Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getLong("id"), rs.getLong("article_id"), instant(rs, "published_at"), instant(rs, "updated_at"),
                rs.getString("title"), rs.getString("body_html"), rs.getString("body_text"), rs.getBoolean("key_event"),
                rs.getBoolean("pinned"));
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
