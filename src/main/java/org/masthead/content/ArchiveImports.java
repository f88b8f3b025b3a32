package org.masthead.content;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.masthead.body.BodyRenderer;
import org.masthead.content.internal.Article;
import org.masthead.content.internal.ArticleReferences;
import org.masthead.content.internal.ArticleStore;
import org.masthead.text.Slugs;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The write path for archives coming in: authors, sections and tags found again by the key the archive knew them
 * by (or by slug, as Ghost matches them), and articles created through the aggregate in batches — one transaction
 * per batch, each article's revision kept, one audit line and one {@link ArticlesImported} event per batch. Only
 * the importer actor may use it.
 */
@Service
public class ArchiveImports {

    private final ArticleStore store;
    private final ArticleHistory history;
    private final ArticleReferences references;
    private final BodyRenderer renderer;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** Sections, writers and pictures confirmed to exist in the last few seconds (see ArticleReferences). */
    private final com.github.benmanes.caffeine.cache.Cache<String, Boolean> recentlySeen =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().expireAfterWrite(java.time.Duration.ofSeconds(5))
                    .maximumSize(10_000).build();

    ArchiveImports(ArticleStore store, ArticleHistory history, ArticleReferences references, BodyRenderer renderer,
                   JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.history = history;
        this.references = references;
        this.renderer = renderer;
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    /**
     * An article or page from an archive.
     *
     * @param key         what the archive called it ("wp-post:12"); a second import of the same key is skipped
     * @param status      published (dated {@code publishedAt}), scheduled (for {@code publishedAt}), in review or draft
     * @param publishedAt first publication, or the planned time of a scheduled one
     * @param createdAt   when the archive says it was written (null: now)
     * @param updatedAt   when the archive last changed it (null: its publication or creation time)
     * @param ids         Ghost's id and uuid to keep, or null
     * @param oldPaths    addresses on the old site that should redirect to it
     */
    public record Incoming(String key, ArticleKind kind, ArticleContent content, ArticleStatus status, Instant publishedAt,
                           Instant createdAt, Instant updatedAt, Publishing.PublicIds ids, List<String> oldPaths) {
    }

    /**
     * What became of one incoming article.
     *
     * @param articleId null when it was not created (already imported, or refused)
     * @param notes     what changed on the way in (a slug suffixed, a status lowered), for the report
     */
    public record Outcome(String key, Long articleId, String slug, boolean alreadyImported, List<String> notes) {
    }

    /** The keys among these that earlier imports already created articles for. */
    @Transactional(readOnly = true)
    public Set<String> alreadyImported(Collection<String> keys) {
        return new HashSet<>(jdbc.sql("select import_key from article where import_key = any(?)")
                .param(keys.toArray(String[]::new)).query(String.class).list());
    }

    /** The article an import key created, if any (for references and old addresses). */
    @Transactional(readOnly = true)
    public Optional<Long> articleFor(String key) {
        return jdbc.sql("select id from article where import_key = ?").param(key).query(Long.class).optional();
    }

    /**
     * The author profile for an archive's writer: the one an earlier import made, else an existing profile with
     * the same slug (claimed for the key), else a new listed profile.
     */
    @Transactional
    public long author(Actor importer, String key, String slug, String name, String jobTitle, String bio,
                       Long avatarMediaId, List<Author.AuthorLink> links) {
        requireImporter(importer);
        Optional<Long> known = idByKey("author", key);
        if (known.isPresent()) {
            return known.get();
        }
        String wanted = Slugs.slugify(slug == null || slug.isBlank() ? name : slug);
        if (wanted.isEmpty()) {
            wanted = Slugs.slugify(name).isEmpty() ? "author" : Slugs.slugify(name);
        }
        Optional<Long> sameSlug = jdbc.sql("select id from author where slug = ? and import_key is null").param(wanted)
                .query(Long.class).optional();
        if (sameSlug.isPresent()) {
            jdbc.sql("update author set import_key = ? where id = ?").params(key, sameSlug.get()).update();
            return sameSlug.get();
        }
        String free = freeSlug("author", wanted);
        OffsetDateTime now = timestamp(clock.instant());
        return jdbc.sql("""
                insert into author (slug, name, job_title, bio, avatar_id, links, listed, created_at, updated_at, import_key)
                values (?, ?, ?, ?, ?, ?::jsonb, true, ?, ?, ?) returning id
                """).params(free, clip(name, 120), clip(jobTitle == null ? "" : jobTitle, 120), clip(bio == null ? "" : bio, 2000),
                avatarMediaId, json.writeValueAsString(links == null ? List.of() : links), now, now, key)
                .query(Long.class).single();
    }

    /** The section for an archive's category: found by key, else by slug, else created (after the others). */
    @Transactional
    public long section(Actor importer, String key, String slug, String name, String description) {
        requireImporter(importer);
        Optional<Long> known = idByKey("section", key);
        if (known.isPresent()) {
            return known.get();
        }
        String wanted = Slugs.slugify(slug == null || slug.isBlank() ? name : slug);
        if (wanted.isEmpty()) {
            wanted = Slugs.slugify(name).isEmpty() ? "section" : Slugs.slugify(name);
        }
        Optional<Long> sameSlug = jdbc.sql("select id from section where slug = ?").param(wanted).query(Long.class).optional();
        if (sameSlug.isPresent()) {
            jdbc.sql("update section set import_key = coalesce(import_key, ?) where id = ?").params(key, sameSlug.get()).update();
            return sameSlug.get();
        }
        long id = jdbc.sql("""
                insert into section (slug, name, description, position, import_key)
                values (?, ?, ?, (select coalesce(max(position), 0) + 1 from section), ?) returning id
                """).params(wanted, clip(name, 80), clip(description == null ? "" : description, 500), key)
                .query(Long.class).single();
        Section section = new Section(id, wanted, clip(name, 80), clip(description == null ? "" : description, 500), 0);
        events.publishEvent(new TaxonomyEvent.SectionCreated(UUID.randomUUID(), section, clock.instant()));
        return id;
    }

    /**
     * The tag for an archive's tag, by key, else by slug, else created with the archive's slug and description.
     *
     * @return the tag's name as articles list it
     */
    @Transactional
    public String tag(Actor importer, String key, String slug, String name, String description) {
        requireImporter(importer);
        Optional<String> known = jdbc.sql("select name from tag where import_key = ?").param(key).query(String.class).optional();
        if (known.isPresent()) {
            return known.get();
        }
        String wanted = slug == null || slug.isBlank() ? Tag.slugFor(name) : Slugs.slugify(slug);
        if (name.startsWith("#") && !wanted.startsWith("hash-")) {
            wanted = Tag.slugFor(name); // an internal tag keeps Masthead's form of its slug
        }
        if (wanted.isEmpty()) {
            wanted = Tag.slugFor(name);
        }
        Optional<String> sameSlug = jdbc.sql("select name from tag where slug = ?").param(wanted).query(String.class).optional();
        if (sameSlug.isPresent()) {
            jdbc.sql("update tag set import_key = coalesce(import_key, ?) where slug = ?").params(key, wanted).update();
            return sameSlug.get();
        }
        Optional<String> sameName = jdbc.sql("select name from tag where lower(name) = lower(?) limit 1").param(name)
                .query(String.class).optional();
        if (sameName.isPresent() || wanted.isEmpty()) {
            return sameName.orElse(name); // two archive tags with one name are one tag here
        }
        OffsetDateTime now = timestamp(clock.instant());
        Tag tag = jdbc.sql("""
                insert into tag (slug, name, description, created_at, updated_at, import_key) values (?, ?, ?, ?, ?, ?)
                returning id, slug, name, description, public_id
                """).params(wanted, clip(name, 191), description == null ? "" : clip(description, 500), now, now, key)
                .query(Tag.class).single();
        events.publishEvent(new TaxonomyEvent.TagCreated(UUID.randomUUID(), tag, clock.instant()));
        return tag.name();
    }

    /**
     * An incoming article made ready to store: checked, its body rendered and sanitized, its status applied — the
     * expensive part, done before the batch's transaction (and, by the importer, while the previous batch is written).
     */
    public static final class Prepared {
        private final Incoming incoming;
        private final Article article;
        private final List<String> notes;

        private Prepared(Incoming incoming, Article article, List<String> notes) {
            this.incoming = incoming;
            this.article = article;
            this.notes = notes;
        }

        public String key() {
            return incoming.key();
        }

        public Incoming incoming() {
            return incoming;
        }
    }

    /**
     * Builds the article through the aggregate — its checks, rendering and sanitizing, the archive's status as far
     * as it allows (what cannot go live as it was, such as a post without a headline, comes in as a draft) —
     * without writing anything.
     *
     * @throws ArticleValidationException the content cannot be stored at all (a field over its limit)
     */
    public Prepared prepare(Actor importer, Incoming incoming) {
        requireImporter(importer);
        List<String> notes = new ArrayList<>();
        ArticleContent content = references.resolve(incoming.content(), "", recentlySeen.asMap());
        if (!content.slug().isBlank()) {
            String wanted = Slugs.slugify(content.slug());
            if (!wanted.equals(content.slug())) {
                notes.add(wanted.isEmpty() ? "slug \"" + content.slug() + "\" has no letters a URL can use; made from the headline"
                        : "slug \"" + content.slug() + "\" is not URL-safe; now \"" + wanted + "\"");
            }
            content = content.withSlug(wanted);
        }
        Instant now = clock.instant();
        Instant createdAt = first(incoming.createdAt(), incoming.publishedAt(), now);
        Article article = Article.draft(incoming.kind(), content, renderer, Clock.fixed(createdAt, ZoneOffset.UTC), importer);
        if (incoming.ids() != null) {
            article.keepPublicIds(incoming.ids().id(), incoming.ids().uuid());
        }
        article.markImported(incoming.key());
        moveTo(article, incoming, now, notes);
        LeadImage lead = content.leadImage();
        if (lead != null && (lead.alt().isEmpty() || lead.credit().isEmpty())) {
            notes.add("its lead picture has no " + (lead.alt().isEmpty() ? lead.credit().isEmpty() ? "alt text or credit"
                    : "alt text" : "credit") + " in the archive; add it in the newsroom");
        }
        return new Prepared(incoming, article, notes);
    }

    /** {@link #prepare} and {@link #write} in one go, for a few articles. */
    @Transactional
    public List<Outcome> importBatch(Actor importer, String source, List<Incoming> batch) {
        return write(importer, source, batch.stream().map(incoming -> prepare(importer, incoming)).toList());
    }

    /**
     * Writes a batch of prepared articles in one transaction: each one's row, bylines, tags, revision and old
     * addresses; then one audit line and one event for the batch. Keys imported before are skipped; a taken slug
     * gets a suffix; an id another article has is replaced by a new one. Any failure rolls the whole batch back.
     */
    @Transactional
    public List<Outcome> write(Actor importer, String source, List<Prepared> batch) {
        requireImporter(importer);
        Set<String> known = alreadyImported(batch.stream().map(Prepared::key).toList());
        Set<String> takenIds = new HashSet<>(jdbc.sql("select public_id from article where public_id = any(?)")
                .param(batch.stream().map(prepared -> prepared.article.publicId()).filter(id -> id != null)
                        .toArray(String[]::new)).query(String.class).list());
        Set<UUID> takenUuids = new HashSet<>(jdbc.sql("select uuid from article where uuid = any(?)")
                .param(batch.stream().map(prepared -> prepared.article.uuid()).filter(id -> id != null)
                        .toArray(UUID[]::new)).query(UUID.class).list());
        Set<String> seen = new HashSet<>();
        List<Prepared> fresh = batch.stream().filter(prepared -> !known.contains(prepared.key()) && seen.add(prepared.key()))
                .toList();
        Map<Prepared, List<String>> notes = new java.util.IdentityHashMap<>();
        Set<String> takenSlugs = store.takenSlugs(fresh.stream().map(prepared -> prepared.article.slug()).toList());
        Set<String> batchSlugs = new HashSet<>();
        for (Prepared prepared : fresh) {
            notes.put(prepared, new ArrayList<>(prepared.notes));
            freeSlug(prepared, takenSlugs, batchSlugs, notes.get(prepared));
            freeIds(prepared, takenIds, takenUuids, notes.get(prepared));
        }
        List<Long> ids = store.insertImported(fresh.stream().map(prepared -> prepared.article).toList(), importer);
        List<ArticleHistory.Kept> versions = new ArrayList<>();
        List<Object[]> oldPaths = new ArrayList<>();
        Map<Prepared, Long> created = new java.util.IdentityHashMap<>();
        for (int i = 0; i < fresh.size(); i++) {
            Prepared prepared = fresh.get(i);
            long id = ids.get(i);
            created.put(prepared, id);
            versions.add(new ArticleHistory.Kept(id, prepared.article.slug(), prepared.article.content(),
                    prepared.article.updatedAt()));
            for (String path : prepared.incoming.oldPaths()) {
                if (path.startsWith("/") && path.length() > 1 && path.length() <= 2000) {
                    oldPaths.add(new Object[] {path, id});
                }
            }
        }
        history.keepAll(versions, RevisionReason.IMPORT, importer);
        if (!oldPaths.isEmpty()) {
            jdbc.sql("""
                    insert into article_old_path (path, article_id) select * from unnest(?::text[], ?::bigint[])
                    on conflict (path) do nothing
                    """).params(oldPaths.stream().map(row -> (String) row[0]).toArray(String[]::new),
                    oldPaths.stream().map(row -> (Long) row[1]).toArray(Long[]::new)).update();
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Prepared prepared : batch) {
            Long id = created.get(prepared);
            outcomes.add(id == null ? new Outcome(prepared.key(), null, null, true, List.of())
                    : new Outcome(prepared.key(), id, prepared.article.slug(), false, notes.get(prepared)));
        }
        if (!ids.isEmpty()) {
            history.record(importer, "imported", null, ids.size() + " article(s) from " + source, clock.instant());
            events.publishEvent(new ArticlesImported(UUID.randomUUID(), ids, importer, clock.instant()));
        }
        return outcomes;
    }

    /**
     * A slug another article, an old address or an earlier article of this batch has gets "-2", "-3"…; the
     * archive's own slug changing is worth a note, one made from the headline is not.
     */
    private void freeSlug(Prepared prepared, Set<String> takenSlugs, Set<String> batchSlugs, List<String> notes) {
        Article article = prepared.article;
        String wanted = article.slug();
        String free = wanted;
        for (int n = 2; (takenSlugs.contains(free) || batchSlugs.contains(free)) && n < 100_000; n++) {
            free = Slugs.numbered(wanted, n);
            if (!batchSlugs.contains(free) && !store.takenSlugs(List.of(free)).isEmpty()) {
                takenSlugs.add(free);
            }
        }
        batchSlugs.add(free);
        if (!free.equals(wanted)) {
            if (!article.slugFollowsHeadline()) {
                notes.add("slug \"" + wanted + "\" is taken; now \"" + free + "\"");
            }
            article.useSlug(free);
        }
    }

    /** Ghost's id or uuid that another article here already has is replaced by a new one. */
    private static void freeIds(Prepared prepared, Set<String> takenIds, Set<UUID> takenUuids, List<String> notes) {
        Article article = prepared.article;
        String publicId = article.publicId();
        UUID uuid = article.uuid();
        boolean idTaken = publicId != null && !takenIds.add(publicId);
        boolean uuidTaken = uuid != null && !takenUuids.add(uuid);
        if (idTaken || uuidTaken) {
            notes.add((idTaken ? "id " + publicId : "uuid " + uuid) + " belongs to another article here; a new one was made");
            article.keepPublicIds(idTaken ? null : publicId, uuidTaken ? null : uuid);
        }
    }

    /** The archive's status, as far as the article allows: what cannot go live as it was stays a draft. */
    private static void moveTo(Article article, Incoming incoming, Instant now, List<String> notes) {
        Instant changed = first(incoming.updatedAt(), incoming.publishedAt(), incoming.createdAt(), now);
        Clock at = Clock.fixed(changed, ZoneOffset.UTC);
        ArticleStatus status = incoming.status();
        Map<String, String> problems = status == ArticleStatus.DRAFT ? Map.of() : article.problemsBeforePublishing();
        if (!problems.isEmpty() && status != ArticleStatus.IN_REVIEW) {
            notes.add("imported as a draft, not " + status.dbValue() + ": " + String.join("; ", problems.values()));
            return;
        }
        try {
            if (status == ArticleStatus.PUBLISHED) {
                article.publishAt(first(incoming.publishedAt(), incoming.createdAt(), now), at);
            } else if (status == ArticleStatus.SCHEDULED) {
                Instant planned = incoming.publishedAt();
                if (planned != null && planned.isAfter(now)) {
                    article.schedule(planned, Clock.fixed(now, ZoneOffset.UTC));
                } else {
                    article.publishAt(first(planned, incoming.createdAt(), now), at);
                    notes.add("its scheduled time had passed; published");
                }
            } else if (status == ArticleStatus.IN_REVIEW) {
                article.submitForReview(at);
            }
        } catch (ArticleException e) {
            notes.add("imported as a draft, not " + status.dbValue() + ": " + e.getMessage());
        }
    }

    private Optional<Long> idByKey(String table, String key) {
        return jdbc.sql("select id from " + table + " where import_key = ?").param(key).query(Long.class).optional();
    }

    private String freeSlug(String table, String wanted) {
        String candidate = wanted;
        for (int n = 2; jdbc.sql("select exists (select 1 from " + table + " where slug = ?)").param(candidate)
                .query(Boolean.class).single(); n++) {
            candidate = wanted + "-" + n;
        }
        return candidate;
    }

    private static void requireImporter(Actor actor) {
        if (actor.kind() != Actor.Kind.IMPORTER) {
            throw new org.springframework.security.access.AccessDeniedException("Only importers bring in archives.");
        }
    }

    private static Instant first(Instant... candidates) {
        for (Instant candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }

    private static String clip(String text, int max) {
        String stripped = text == null ? "" : text.strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max);
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
