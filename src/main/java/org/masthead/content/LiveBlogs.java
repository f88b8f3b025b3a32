package org.masthead.content;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.masthead.body.BodyDocument;
import org.masthead.body.BodyFormat;
import org.masthead.body.BodyRenderer;
import org.masthead.media.MediaLibrary;
import org.masthead.system.NotFoundException;
import org.masthead.text.FieldLimits;
import org.masthead.text.PlainText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Live blogs: an article the desk covers as it happens, with entries added every few minutes for hours. Every
 * change to an entry names its actor, is checked against the newsroom's roles (reporters post and edit their own,
 * editors anything; contributors' entries wait for an editor unless the blog is opened to them), keeps a revision
 * and an audit line, and — when readers see it — a numbered change their streams replay; one
 * {@link LiveEntryChanged} tells the other modules.
 */
@Service
public class LiveBlogs {

    /** What a reporter writes for an entry. */
    public record EntryContent(String title, String body, BodyFormat format, boolean keyEvent, boolean pinned,
                               List<Long> authorIds) {

        public EntryContent {
            title = PlainText.line(title);
            body = body == null ? "" : PlainText.clean(body.replace("\r\n", "\n"));
            format = format == null ? BodyFormat.MARKDOWN : format;
            authorIds = authorIds == null ? List.of() : authorIds.stream().distinct().toList();
        }
    }

    public record LiveBlog(long articleId, Instant coverageStart, Instant coverageEnd, boolean openToContributors,
                           boolean running) {
    }

    /**
     * An entry as readers and the desk see it.
     *
     * @param status published, or pending (a contributor's entry waiting for an editor)
     */
    public record Entry(long id, long articleId, String status, Instant publishedAt, Instant updatedAt, String title,
                        String bodyHtml, String bodyText, boolean keyEvent, boolean pinned, int version,
                        List<Byline> bylines, Long createdBy, String bodySource, BodyFormat bodyFormat) {

        public String anchor() {
            return "entry-" + id;
        }

        public Cursor cursor() {
            return new Cursor(publishedAt, id);
        }

        public boolean isPublished() {
            return "published".equals(status);
        }
    }

    /** A numbered change readers' streams deliver: what happened to which entry. */
    public record Change(long id, long articleId, long entryId, String kind, Instant at) {
    }

    private static final String ENTRY = """
            select e.id, e.article_id, e.status, e.published_at, e.updated_at, e.title, e.body_html, e.body_text,
                e.key_event, e.pinned, e.version, e.created_by, e.body_source, e.body_format
            from live_entry e
            """;

    private final org.springframework.jdbc.core.RowMapper<Entry> entryRow = this::entry;
    private final JdbcClient jdbc;
    private final BodyRenderer renderer;
    private final ArticleHistory history;
    private final MediaLibrary media;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LiveBlogs(JdbcClient jdbc, BodyRenderer renderer, ArticleHistory history, MediaLibrary media,
              ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.renderer = renderer;
        this.history = history;
        this.media = media;
        this.events = events;
        this.clock = clock;
    }

    /** Makes an article a live blog, its coverage starting now (an Editor's call). */
    @Transactional
    public LiveBlog start(Actor actor, long articleId) {
        requireEditor(actor, "start a live blog");
        String kind = jdbc.sql("select kind from article where id = ?").param(articleId).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("No article " + articleId));
        if (!kind.equals(ArticleKind.ARTICLE.dbValue())) {
            throw new ArticleException("Only an article can be a live blog, not a page.");
        }
        int made = jdbc.sql("insert into live_blog (article_id, coverage_start) values (?, ?) on conflict do nothing")
                .params(articleId, timestamp(clock.instant())).update();
        if (made == 0) {
            jdbc.sql("update live_blog set coverage_end = null where article_id = ?").param(articleId).update();
        }
        history.record(actor, made == 0 ? "resumed live coverage" : "started live coverage", articleId, "", clock.instant());
        announce(articleId, 0, "coverage", null, actor);
        return find(articleId).orElseThrow();
    }

    /** Ends the coverage: the live blog stays as an archive page, and takes no more entries. */
    @Transactional
    public LiveBlog end(Actor actor, long articleId) {
        requireEditor(actor, "end a live blog");
        LiveBlog blog = find(articleId).orElseThrow(() -> new NotFoundException("No live blog " + articleId));
        jdbc.sql("update live_blog set coverage_end = ? where article_id = ? and coverage_end is null")
                .params(timestamp(clock.instant()), articleId).update();
        history.record(actor, "ended live coverage", blog.articleId(), "", clock.instant());
        announce(articleId, 0, "coverage", null, actor);
        return find(articleId).orElseThrow();
    }

    /** Lets contributors' entries go live at once (or back to waiting for an editor). */
    @Transactional
    public LiveBlog openToContributors(Actor actor, long articleId, boolean open) {
        requireEditor(actor, "open a live blog to contributors");
        int changed = jdbc.sql("update live_blog set open_to_contributors = ? where article_id = ?").params(open, articleId)
                .update();
        if (changed == 0) {
            throw new NotFoundException("No live blog " + articleId);
        }
        history.record(actor, open ? "opened the live blog to contributors" : "closed the live blog to contributors",
                articleId, "", clock.instant());
        return find(articleId).orElseThrow();
    }

    @Transactional
    public Entry add(Actor actor, long articleId, EntryContent content) {
        LiveBlog blog = lockRunning(articleId);
        requireAllowed(actor.can(Actor.Role.CONTRIBUTOR), "post to this live blog");
        Checked checked = check(actor, content);
        boolean waits = !actor.can(Actor.Role.REPORTER) && !blog.openToContributors();
        Instant now = clock.instant();
        if (content.pinned()) {
            requireAllowed(actor.can(Actor.Role.EDITOR), "pin an entry");
            unpinOthers(actor, articleId, null, now);
        }
        long id = jdbc.sql("""
                insert into live_entry (article_id, status, published_at, updated_at, title, body_source, body_format,
                    body_html, body_text, key_event, pinned, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """).params(articleId, waits ? "pending" : "published", timestamp(now), timestamp(now), content.title(),
                content.body(), content.format().dbValue(), checked.body().html(), checked.body().text(), content.keyEvent(),
                content.pinned(), actor.staffId()).query(Long.class).single();
        replaceAuthors(id, checked.authorIds());
        claimPictures(content);
        revision(id, articleId, "added", content, actor, now);
        history.record(actor, waits ? "added a live entry for review" : "added a live entry", articleId,
                "#" + id + describe(content), now);
        announce(articleId, id, "added", waits ? null : change(articleId, id, "added", now), actor);
        return entry(id).orElseThrow();
    }

    @Transactional
    public Entry edit(Actor actor, long entryId, int version, EntryContent content) {
        Entry entry = lockEntry(entryId);
        requireAllowed(mayChange(actor, entry), "edit this entry");
        if (entry.version() != version) {
            throw new ArticleException("Someone changed this entry since you opened it; reload to see their version.");
        }
        if (content.authorIds().isEmpty()) {
            // an edit without bylines keeps the entry's own: an editor's correction does not re-byline it to them
            content = new EntryContent(content.title(), content.body(), content.format(), content.keyEvent(), content.pinned(),
                    entry.bylines().stream().map(Byline::authorId).toList());
        }
        if (content.pinned() != entry.pinned()) {
            requireAllowed(actor.can(Actor.Role.EDITOR), content.pinned() ? "pin an entry" : "unpin an entry");
        }
        Checked checked = check(actor, content);
        Instant now = clock.instant();
        if (content.pinned() && !entry.pinned()) {
            unpinOthers(actor, entry.articleId(), entryId, now);
        }
        jdbc.sql("""
                update live_entry set title = ?, body_source = ?, body_format = ?, body_html = ?, body_text = ?,
                    key_event = ?, pinned = ?, updated_at = ?, version = version + 1
                where id = ?
                """).params(content.title(), content.body(), content.format().dbValue(), checked.body().html(),
                checked.body().text(), content.keyEvent(), content.pinned(), timestamp(now), entryId).update();
        replaceAuthors(entryId, checked.authorIds());
        claimPictures(content);
        revision(entryId, entry.articleId(), "edited", content, actor, now);
        history.record(actor, "edited a live entry", entry.articleId(), "#" + entryId + describe(content), now);
        announce(entry.articleId(), entryId, "edited", entry.isPublished() ? change(entry.articleId(), entryId, "edited", now)
                : null, actor);
        return entry(entryId).orElseThrow();
    }

    @Transactional
    public void delete(Actor actor, long entryId) {
        Entry entry = lockEntry(entryId);
        requireAllowed(mayChange(actor, entry), "delete this entry");
        Instant now = clock.instant();
        revision(entryId, entry.articleId(), "deleted", new EntryContent(entry.title(), entry.bodySource(), entry.bodyFormat(),
                entry.keyEvent(), entry.pinned(), List.of()), actor, now);
        jdbc.sql("delete from live_entry where id = ?").param(entryId).update();
        history.record(actor, "deleted a live entry", entry.articleId(), "#" + entryId
                + (entry.title().isBlank() ? "" : " \"" + entry.title() + "\""), now);
        announce(entry.articleId(), entryId, "deleted", entry.isPublished() ? change(entry.articleId(), entryId, "deleted", now)
                : null, actor);
    }

    /** An editor lets a contributor's waiting entry go live, timed now. */
    @Transactional
    public Entry approve(Actor actor, long entryId) {
        requireEditor(actor, "approve entries");
        Entry entry = lockEntry(entryId);
        if (entry.isPublished()) {
            return entry;
        }
        lockRunning(entry.articleId()); // an ended coverage takes no more entries, approved ones included
        Instant now = clock.instant();
        jdbc.sql("update live_entry set status = 'published', published_at = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(timestamp(now), timestamp(now), entryId).update();
        revision(entryId, entry.articleId(), "approved", new EntryContent(entry.title(), entry.bodySource(), entry.bodyFormat(),
                entry.keyEvent(), entry.pinned(), List.of()), actor, now);
        history.record(actor, "approved a live entry", entry.articleId(), "#" + entryId, now);
        announce(entry.articleId(), entryId, "approved", change(entry.articleId(), entryId, "added", now), actor);
        return entry(entryId).orElseThrow();
    }

    public Optional<LiveBlog> find(long articleId) {
        return jdbc.sql("select article_id, coverage_start, coverage_end, open_to_contributors, running from content_live_blog where article_id = ?")
                .param(articleId).query((rs, n) -> new LiveBlog(rs.getLong("article_id"), instant(rs, "coverage_start"),
                        instant(rs, "coverage_end"), rs.getBoolean("open_to_contributors"), rs.getBoolean("running")))
                .optional();
    }

    /** The articles whose live coverage is running (published, not ended), for LIVE labels. */
    public Set<Long> running() {
        return Set.copyOf(jdbc.sql("select article_id from content_live_blog where running").query(Long.class).list());
    }

    public Optional<Entry> entry(long id) {
        return withBylines(jdbc.sql(ENTRY + " where e.id = ?").param(id).query(entryRow).list()).stream().findFirst();
    }

    /** Published entries, newest first, strictly before {@code before} (null: from the newest). */
    public List<Entry> page(long articleId, Cursor before, int size) {
        String sql = ENTRY + " where e.article_id = ? and e.status = 'published'"
                + (before == null ? "" : " and (e.published_at, e.id) < (?, ?)") + " order by e.published_at desc, e.id desc limit ?";
        List<Object> params = new ArrayList<>(List.of(articleId));
        if (before != null) {
            params.add(timestamp(before.publishedAt()));
            params.add(before.id());
        }
        params.add(size);
        return withBylines(jdbc.sql(sql).params(params).query(entryRow).list());
    }

    /** How many entries are newer than {@code after} (what a reader who jumped down the page has above). */
    public long newerThan(long articleId, Cursor after) {
        return jdbc.sql("""
                select count(*) from live_entry e where e.article_id = ? and e.status = 'published'
                and (e.published_at, e.id) > (?, ?)
                """).params(articleId, timestamp(after.publishedAt()), after.id()).query(Long.class).single();
    }

    public List<Entry> keyEvents(long articleId) {
        return withBylines(jdbc.sql(ENTRY + " where e.article_id = ? and e.status = 'published' and e.key_event"
                + " order by e.published_at desc, e.id desc limit 50").param(articleId).query(entryRow).list());
    }

    public Optional<Entry> pinned(long articleId) {
        return withBylines(jdbc.sql(ENTRY + " where e.article_id = ? and e.status = 'published' and e.pinned limit 1")
                .param(articleId).query(entryRow).list()).stream().findFirst();
    }

    /** Entries waiting for an editor, oldest first. */
    public List<Entry> pending(long articleId) {
        return withBylines(jdbc.sql(ENTRY + " where e.article_id = ? and e.status = 'pending' order by e.id")
                .param(articleId).query(entryRow).list());
    }

    public long published(long articleId) {
        return jdbc.sql("select count(*) from live_entry where article_id = ? and status = 'published'").param(articleId)
                .query(Long.class).single();
    }

    /** What changed after the change a reader last saw, in order (at most {@code limit}). */
    public List<Change> changesAfter(long articleId, long after, int limit) {
        return jdbc.sql("select id, article_id, entry_id, kind, at from content_live_change where article_id = ? and id > ? order by id limit ?")
                .params(articleId, after, limit)
                .query((rs, n) -> new Change(rs.getLong("id"), rs.getLong("article_id"), rs.getLong("entry_id"),
                        rs.getString("kind"), instant(rs, "at"))).list();
    }

    public long latestChange(long articleId) {
        return jdbc.sql("select coalesce(max(id), 0) from content_live_change where article_id = ?").param(articleId)
                .query(Long.class).single();
    }

    private record Checked(BodyRenderer.RenderedBody body, List<Long> authorIds) {
    }

    private Checked check(Actor actor, EntryContent content) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (content.title().length() > FieldLimits.HEADLINE) {
            problems.put("title", "The title may be at most " + FieldLimits.HEADLINE + " characters.");
        }
        if (content.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > FieldLimits.BODY_BYTES) {
            problems.put("body", "The entry is too long.");
        }
        if (content.format() != BodyFormat.MARKDOWN && content.format() != BodyFormat.BLOCKS) {
            problems.put("body", "An entry is written in the editor's blocks or in Markdown.");
        }
        BodyRenderer.RenderedBody body = problems.isEmpty() ? renderer.render(content.body(), content.format()) : null;
        if (body != null && body.words() == 0 && body.imageCount() == 0) {
            problems.put("body", "Write the entry: it has no words or pictures.");
        }
        List<Long> authors = content.authorIds().isEmpty() && actor.authorId() != null ? List.of(actor.authorId())
                : content.authorIds();
        if (authors.isEmpty()) {
            problems.put("authorIds", "Choose who the entry is by.");
        } else if (jdbc.sql("select count(*) from author where id = any(?)").param(authors.toArray(Long[]::new))
                .query(Long.class).single() != authors.size()) {
            problems.put("authorIds", "One of the chosen authors no longer exists.");
        }
        if (!problems.isEmpty()) {
            throw new ArticleValidationException(problems);
        }
        return new Checked(body, authors);
    }

    private LiveBlog lockRunning(long articleId) {
        LiveBlog blog = jdbc.sql("""
                select l.article_id, l.coverage_start, l.coverage_end, l.open_to_contributors,
                    l.coverage_end is null and a.status = 'published' as running
                from live_blog l join article a on a.id = l.article_id where l.article_id = ? for update of l
                """).param(articleId).query((rs, n) -> new LiveBlog(rs.getLong("article_id"), instant(rs, "coverage_start"),
                instant(rs, "coverage_end"), rs.getBoolean("open_to_contributors"), rs.getBoolean("running")))
                .optional().orElseThrow(() -> new NotFoundException("No live blog " + articleId));
        if (blog.coverageEnd() != null) {
            throw new ArticleException("The live coverage has ended; resume it to add entries.");
        }
        return blog;
    }

    /**
     * Locks the entry's live blog first (as adding does): one blog's changes commit one after another, so their
     * numbers reach readers' streams in order.
     */
    private Entry lockEntry(long entryId) {
        long articleId = jdbc.sql("select article_id from live_entry where id = ?").param(entryId).query(Long.class)
                .optional().orElseThrow(() -> new NotFoundException("No live entry " + entryId));
        jdbc.sql("select article_id from live_blog where article_id = ? for update").param(articleId).query(Long.class).list();
        jdbc.sql("select id from live_entry where id = ? for update").param(entryId).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("No live entry " + entryId));
        return entry(entryId).orElseThrow();
    }

    /** Editors change any entry; others their own — a contributor's only while it waits, or on an open blog. */
    private boolean mayChange(Actor actor, Entry entry) {
        if (actor.can(Actor.Role.EDITOR)) {
            return true;
        }
        boolean own = actor.staffId() != null && actor.staffId().equals(entry.createdBy());
        if (!own) {
            return false;
        }
        return actor.can(Actor.Role.REPORTER) || !entry.isPublished()
                || find(entry.articleId()).map(LiveBlog::openToContributors).orElse(false);
    }

    /** One pinned entry at a time: the one pinned before is unpinned, with its revision, and readers hear of it. */
    private void unpinOthers(Actor actor, long articleId, Long except, Instant now) {
        List<Long> unpinned = jdbc.sql("""
                update live_entry set pinned = false, version = version + 1, updated_at = ?
                where article_id = ? and pinned and id is distinct from ? returning id
                """).params(timestamp(now), articleId, except).query(Long.class).list();
        for (long id : unpinned) {
            Entry entry = entry(id).orElseThrow();
            revision(id, articleId, "edited", new EntryContent(entry.title(), entry.bodySource(), entry.bodyFormat(),
                    entry.keyEvent(), false, List.of()), actor, now);
            announce(articleId, id, "edited", entry.isPublished() ? change(articleId, id, "edited", now) : null, actor);
        }
    }

    private void replaceAuthors(long entryId, List<Long> authorIds) {
        jdbc.sql("delete from live_entry_author where entry_id = ?").param(entryId).update();
        for (int position = 0; position < authorIds.size(); position++) {
            jdbc.sql("insert into live_entry_author (entry_id, author_id, position) values (?, ?, ?)")
                    .params(entryId, authorIds.get(position), position).update();
        }
    }

    private void claimPictures(EntryContent content) {
        if (content.format() == BodyFormat.BLOCKS) {
            media.claim(BodyDocument.parse(content.body()).mediaIds());
        }
    }

    private void revision(long entryId, long articleId, String action, EntryContent content, Actor actor, Instant at) {
        jdbc.sql("""
                insert into live_entry_revision (entry_id, article_id, action, title, body_source, key_event, pinned,
                    actor_kind, actor_name, staff_id, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(entryId, articleId, action, content.title(), content.body(), content.keyEvent(), content.pinned(),
                actor.kind().dbValue(), actor.name(), actor.staffId(), timestamp(at)).update();
    }

    private long change(long articleId, long entryId, String kind, Instant at) {
        return jdbc.sql("insert into live_change (article_id, entry_id, kind, at) values (?, ?, ?, ?) returning id")
                .params(articleId, entryId, kind, timestamp(at)).query(Long.class).single();
    }

    private void announce(long articleId, long entryId, String kind, Long changeId, Actor actor) {
        events.publishEvent(new LiveEntryChanged(UUID.randomUUID(), articleId, entryId, kind, changeId, actor, clock.instant()));
    }

    private List<Entry> withBylines(List<Entry> entries) {
        if (entries.isEmpty()) {
            return entries;
        }
        Map<Long, List<Byline>> bylines = new HashMap<>();
        jdbc.sql("""
                select ea.entry_id, au.id, au.slug, au.name, au.job_title, au.bio from live_entry_author ea
                join author au on au.id = ea.author_id where ea.entry_id = any(?) order by ea.entry_id, ea.position
                """).param(entries.stream().map(Entry::id).toArray(Long[]::new)).query(rs -> {
            bylines.computeIfAbsent(rs.getLong("entry_id"), id -> new ArrayList<>()).add(new Byline(rs.getLong("id"),
                    rs.getString("slug"), rs.getString("name"), rs.getString("job_title"), rs.getString("bio"), null, null));
        });
        return entries.stream().map(entry -> new Entry(entry.id(), entry.articleId(), entry.status(), entry.publishedAt(),
                entry.updatedAt(), entry.title(), entry.bodyHtml(), entry.bodyText(), entry.keyEvent(), entry.pinned(),
                entry.version(), List.copyOf(bylines.getOrDefault(entry.id(), List.of())), entry.createdBy(),
                entry.bodySource(), entry.bodyFormat())).toList();
    }

    private Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getLong("id"), rs.getLong("article_id"), rs.getString("status"), instant(rs, "published_at"),
                instant(rs, "updated_at"), rs.getString("title"), rs.getString("body_html"), rs.getString("body_text"),
                rs.getBoolean("key_event"), rs.getBoolean("pinned"), rs.getInt("version"), List.of(),
                rs.getObject("created_by", Long.class), rs.getString("body_source"), BodyFormat.fromDb(rs.getString("body_format")));
    }

    private static String describe(EntryContent content) {
        return content.title().isBlank() ? "" : " \"" + content.title() + "\"";
    }

    private static void requireEditor(Actor actor, String what) {
        requireAllowed(actor.can(Actor.Role.EDITOR), what);
    }

    private static void requireAllowed(boolean allowed, String what) {
        if (!allowed) {
            throw new AccessDeniedException("Your role may not " + what + ".");
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
