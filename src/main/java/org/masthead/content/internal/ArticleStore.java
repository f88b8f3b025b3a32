package org.masthead.content.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.masthead.content.Actor;
import org.masthead.content.ArticleConflictException;
import org.masthead.content.ArticleContent;
import org.masthead.content.ArticleEvent;
import org.masthead.content.ArticleKind;
import org.masthead.content.ArticleStatus;
import org.masthead.content.ArticleValidationException;
import org.masthead.content.Correction;
import org.masthead.content.LeadImage;
import org.masthead.content.Seo;
import org.masthead.content.Tag;
import org.masthead.content.TagRef;
import org.masthead.content.TaxonomyEvent;
import org.masthead.body.BodyDocument;
import org.masthead.body.BodyFormat;
import org.masthead.body.BodyRenderer.RenderedBody;
import org.masthead.media.MediaLibrary;
import org.masthead.text.Slugs;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores the article aggregate: one row write per command (optimistic locking on {@code version}), bylines and
 * tags only when they changed, slug history, corrections — then publishes the one event the aggregate raised,
 * inside the same transaction, so durable listeners are recorded with the change or not at all.
 */
@Repository
public class ArticleStore {

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MediaLibrary media;

    ArticleStore(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate jdbcTemplate, ApplicationEventPublisher events,
                 Clock clock, MediaLibrary media) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.events = events;
        this.clock = clock;
        this.media = media;
    }

    /**
     * The article as its writers edit it. Related rows are read after the article row, never from inside a row
     * mapper: a nested query would hold two pooled connections at once and deadlock a busy pool.
     */
    public Optional<Article> find(long id) {
        return find(id, false);
    }

    /** Locks the row until the transaction ends: the scheduler and concurrent commands wait instead of racing. */
    public Optional<Article> findForUpdate(long id) {
        return find(id, true);
    }

    private Optional<Article> find(long id, boolean lock) {
        return jdbc.sql("select * from article where id = ?" + (lock ? " for update" : "")).param(id)
                .query((rs, row) -> row(rs)).optional().map(stored -> {
                    List<Long> authorIds = jdbc.sql("select author_id from article_author where article_id = ? order by position")
                            .param(id).query(Long.class).list();
                    List<TagRef> tags = jdbc.sql("""
                            select t.name, t.slug from article_tag at join tag t on t.id = at.tag_id
                            where at.article_id = ? order by at.position
                            """).param(id).query((rs, n) -> new TagRef(rs.getString("name"), rs.getString("slug"))).list();
                    ArticleContent content = new ArticleContent(stored.headline(), stored.slug(), stored.standfirst(),
                            stored.sectionId(), authorIds, tags.stream().map(TagRef::name).toList(), stored.bodySource(),
                            stored.bodyFormat(), stored.leadImage(), stored.language(), stored.seo(), stored.featured());
                    return Article.load(id, stored.kind(), stored.version(), content, tags.stream().map(TagRef::slug).toList(),
                            stored.slug(), stored.body(), stored.status(), stored.publishedAt(), stored.scheduledAt(),
                            stored.origin(), stored.createdAt(), stored.updatedAt());
                });
    }

    private record Row(ArticleKind kind, String headline, String slug, String standfirst, Long sectionId,
                       String bodySource, BodyFormat bodyFormat, LeadImage leadImage, String language, RenderedBody body,
                       ArticleStatus status, Instant publishedAt, Instant scheduledAt, int version, Article.Origin origin,
                       Instant createdAt, Instant updatedAt, Seo seo, boolean featured) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(ArticleKind.fromDb(rs.getString("kind")), rs.getString("headline"), rs.getString("slug"),
                rs.getString("standfirst"), rs.getObject("section_id", Long.class), rs.getString("body_source"),
                BodyFormat.fromDb(rs.getString("body_format")),
                rs.getObject("lead_image_id") == null ? null : new LeadImage(rs.getLong("lead_image_id"),
                        rs.getString("lead_image_alt"), rs.getString("lead_image_caption"), rs.getString("lead_image_credit")),
                rs.getString("language"),
                new RenderedBody(rs.getString("body_html"), rs.getString("body_text"), rs.getInt("word_count"),
                        rs.getInt("body_image_count")),
                ArticleStatus.fromDb(rs.getString("status")), instant(rs, "published_at"), instant(rs, "scheduled_at"),
                rs.getInt("version"), new Article.Origin(rs.getObject("created_by", Long.class),
                        rs.getObject("created_by_integration", Long.class), rs.getString("public_id"),
                        rs.getObject("uuid", java.util.UUID.class)),
                instant(rs, "created_at"),
                instant(rs, "updated_at"), new Seo(rs.getString("meta_title"), rs.getString("meta_description"),
                        rs.getString("og_title"), rs.getString("og_description"), rs.getObject("og_image_id", Long.class),
                        rs.getString("twitter_title"), rs.getString("twitter_description"),
                        rs.getObject("twitter_image_id", Long.class), rs.getString("canonical_url")),
                rs.getBoolean("featured"));
    }

    /**
     * Writes what the command changed and publishes its event.
     *
     * @return the event, or null when the command changed nothing
     */
    public ArticleEvent save(Article article, Actor actor) {
        ArticleEvent event = saveQuietly(article, actor);
        if (event != null) {
            events.publishEvent(event);
        }
        return event;
    }

    /**
     * Writes the change without publishing its event: for importers, which announce a whole batch at once
     * ({@link org.masthead.content.ArticlesImported}) instead of a hundred thousand articles one by one.
     */
    public ArticleEvent saveQuietly(Article article, Actor actor) {
        if (!article.isChanged()) {
            return null;
        }
        if (!article.isDeleted() && article.slugFollowsHeadline()) {
            makeSlugUnique(article);
        }
        long id;
        int version;
        String publicId = article.publicId();
        java.util.UUID uuid = article.uuid();
        try {
            if (article.isDeleted()) {
                delete(article);
                id = article.id();
                version = article.version();
            } else if (article.id() == null) {
                Inserted inserted = insert(article);
                id = inserted.id();
                publicId = inserted.publicId();
                uuid = inserted.uuid();
                version = 0;
            } else {
                id = article.id();
                version = update(article);
            }
        } catch (DuplicateKeyException e) {
            if (e.getMessage() != null && (e.getMessage().contains("article_public_id_unique")
                    || e.getMessage().contains("article_uuid_unique"))) {
                throw new ArticleValidationException(Map.of("id", "Another article already has this id or uuid."));
            }
            throw new ArticleValidationException(Map.of("slug", "Another article already uses the slug \"" + article.slug()
                    + "\". Choose another slug."));
        }
        if (!article.isDeleted()) {
            if (article.hasNewContent()) {
                media.claim(picturesOf(article.content())); // uploads this article uses stay in the library
                describePictures(article.content());
            }
            if (article.authorsOrTagsChanged()) {
                boolean created = article.id() == null; // nothing to replace yet: one statement less per link table
                replaceAuthors(id, article.content().authorIds(), created);
                article.tagsResolved(replaceTags(id, article.content().tags(), created));
            }
            for (String retired : article.retiredSlugs()) {
                jdbc.sql("""
                        insert into article_slug_history (slug, article_id, retired_at) values (?, ?, ?)
                        on conflict (slug) do update set article_id = excluded.article_id, retired_at = excluded.retired_at
                        """).params(retired, id, timestamp(article.updatedAt())).update();
            }
            if (!article.retiredSlugs().isEmpty() || article.id() == null) {
                // a slug in use by a live article must not also redirect elsewhere
                jdbc.sql("delete from article_slug_history where slug = ?").param(article.slug()).update();
            }
            Correction correction = article.correction();
            if (correction != null) {
                jdbc.sql("""
                        insert into article_correction (article_id, kind, text, published_at, staff_id)
                        values (?, ?, ?, ?, ?)
                        """).params(id, correction.kind().name().toLowerCase(java.util.Locale.ROOT), correction.text(),
                        timestamp(correction.publishedAt()), actor.staffId()).update();
            }
        }
        article.identify(id, version, publicId, uuid);
        ArticleEvent event = article.event(actor, clock);
        article.settle();
        return event;
    }

    /**
     * Writes a batch of new articles an importer brought, quietly (the importer announces the batch), in a handful of
     * statements for the whole batch instead of a dozen per article: slugs checked together, rows, bylines and tag
     * links sent as JDBC batches, tags resolved once per distinct name, pictures claimed once. Slugs must already be
     * unique among the batch and free here ({@link #takenSlugs}).
     *
     * @return the new articles' ids, in the batch's order
     */
    public List<Long> insertImported(List<Article> batch, Actor actor) {
        if (batch.isEmpty()) {
            return List.of();
        }
        List<Long> ids = jdbc.sql("select nextval(pg_get_serial_sequence('article', 'id')) from generate_series(1, ?)")
                .param(batch.size()).query(Long.class).list();
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbcTemplate);
        org.springframework.jdbc.core.namedparam.SqlParameterSource[] rows =
                new org.springframework.jdbc.core.namedparam.SqlParameterSource[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            Article article = batch.get(i);
            if (article.id() != null || !article.isChanged() || article.isDeleted()) {
                throw new IllegalArgumentException("Only new articles are inserted in bulk");
            }
            rows[i] = withNewId(columns(article), ids.get(i));
        }
        named.batchUpdate("""
                insert into article (id, kind, slug, headline, standfirst, section_id, language, body_source, body_format,
                    body_html, body_text, word_count, body_image_count, reading_minutes, lead_image_id, lead_image_alt,
                    lead_image_caption, lead_image_credit, status, published_at, scheduled_at, created_by, created_at,
                    updated_at, meta_title, meta_description, og_title, og_description, og_image_id, twitter_title,
                    twitter_description, twitter_image_id, canonical_url, featured, created_by_integration, public_id,
                    uuid, import_key)
                overriding system value
                values (:newId, :kind, :slug, :headline, :standfirst, :sectionId, :language, :source, :format, :html, :text,
                    :words, :images, :readingMinutes, :imageId, :imageAlt, :imageCaption, :imageCredit, :status,
                    :publishedAt, :scheduledAt, :createdBy, :createdAt, :updatedAt, :metaTitle, :metaDescription, :ogTitle,
                    :ogDescription, :ogImageId, :twitterTitle, :twitterDescription, :twitterImageId, :canonicalUrl,
                    :featured, :createdByIntegration, coalesce(cast(:publicId as text), new_object_id()),
                    coalesce(cast(:uuid as uuid), gen_random_uuid()), :importKey)
                """, rows);
        Map<Long, Article> byId = new java.util.HashMap<>();
        List<Object[]> bylines = new ArrayList<>();
        java.util.Set<Long> pictures = new java.util.LinkedHashSet<>();
        Map<Long, LeadImage> firstUse = new java.util.LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Article article = batch.get(i);
            byId.put(ids.get(i), article);
            List<Long> authorIds = article.content().authorIds();
            for (int position = 0; position < authorIds.size(); position++) {
                bylines.add(new Object[] {ids.get(i), authorIds.get(position), position});
            }
            pictures.addAll(picturesOf(article.content()));
            LeadImage lead = article.content().leadImage();
            if (lead != null) {
                firstUse.putIfAbsent(lead.mediaId(), lead);
            }
        }
        jdbcTemplate.batchUpdate("insert into article_author (article_id, author_id, position) values (?, ?, ?)", bylines);
        linkTagsInBulk(ids, batch);
        media.claim(pictures);
        firstUse.values().forEach(lead -> media.describeWhereBlank(lead.mediaId(), lead.alt(), lead.caption(), lead.credit()));
        for (Article article : batch) {
            if (article.content().bodyFormat() == BodyFormat.BLOCKS) {
                describePictures(article.content());
            }
        }
        jdbc.sql("delete from article_slug_history where slug = any(?)")
                .param(batch.stream().map(Article::slug).toArray(String[]::new)).update();
        Map<Long, Object[]> stored = new java.util.HashMap<>();
        jdbc.sql("select id, public_id, uuid from article where id = any(?)").param(ids.toArray(Long[]::new))
                .query((rs, n) -> stored.put(rs.getLong("id"), new Object[] {rs.getString("public_id"),
                        rs.getObject("uuid", java.util.UUID.class)})).list();
        for (int i = 0; i < batch.size(); i++) {
            Article article = batch.get(i);
            Object[] origin = stored.get(ids.get(i));
            article.identify(ids.get(i), 0, (String) origin[0], (java.util.UUID) origin[1]);
            article.event(actor, clock);
            article.settle();
        }
        return ids;
    }

    /** The row's columns with the id taken from the sequence ahead of the batch. */
    private static org.springframework.jdbc.core.namedparam.SqlParameterSource withNewId(Columns columns, long id) {
        var properties = new org.springframework.jdbc.core.namedparam.SimplePropertySqlParameterSource(columns);
        return new org.springframework.jdbc.core.namedparam.AbstractSqlParameterSource() {
            @Override
            public boolean hasValue(String name) {
                return "newId".equals(name) || properties.hasValue(name);
            }

            @Override
            public Object getValue(String name) {
                return "newId".equals(name) ? id : properties.getValue(name);
            }
        };
    }

    /** Tags for a bulk insert: every distinct name resolved (or created, in slug order) once, links sent as a batch. */
    private void linkTagsInBulk(List<Long> ids, List<Article> batch) {
        // each name's slug worked out once: a batch of a big archive carries a thousand distinct names
        Map<String, String> slugOf = new java.util.LinkedHashMap<>();
        java.util.TreeMap<String, List<String>> namesBySlug = new java.util.TreeMap<>();
        for (Article article : batch) {
            for (String name : article.content().tags()) {
                if (!slugOf.containsKey(name)) {
                    String slug = Tag.slugFor(name);
                    slugOf.put(name, slug);
                    namesBySlug.computeIfAbsent(slug, ignored -> new ArrayList<>()).add(name);
                }
            }
        }
        Map<String, TagRef> resolved = new java.util.HashMap<>();
        if (!slugOf.isEmpty()) {
            Map<String, TagRef> byName = new java.util.HashMap<>();
            Map<String, TagRef> byLowerName = new java.util.HashMap<>();
            Map<String, TagRef> bySlug = new java.util.HashMap<>();
            jdbc.sql("select name, slug from tag where lower(name) = any(:lowered) or slug = any(:slugs) order by id")
                    .param("lowered", slugOf.keySet().stream().map(name -> name.toLowerCase(java.util.Locale.ROOT))
                            .distinct().toArray(String[]::new))
                    .param("slugs", namesBySlug.keySet().toArray(String[]::new))
                    .query((rs, n) -> new TagRef(rs.getString("name"), rs.getString("slug"))).list()
                    .forEach(tag -> { // the first (oldest) of each kind wins, as in existingTag
                        byName.putIfAbsent(tag.name(), tag);
                        byLowerName.putIfAbsent(tag.name().toLowerCase(java.util.Locale.ROOT), tag);
                        bySlug.putIfAbsent(tag.slug(), tag);
                    });
            // what existingTag would find: the same name, the same name in other case, then the slug
            slugOf.forEach((name, slug) -> {
                TagRef found = byName.getOrDefault(name, byLowerName.getOrDefault(name.toLowerCase(java.util.Locale.ROOT),
                        bySlug.get(slug)));
                if (found != null) {
                    resolved.put(name, found);
                }
            });
            List<String> newNames = new ArrayList<>();
            namesBySlug.forEach((slug, names) -> { // created in slug order, as replaceTags does, so saves cannot deadlock
                List<String> unresolved = names.stream().filter(name -> !resolved.containsKey(name)).toList();
                if (!unresolved.isEmpty()) {
                    TagRef created = new TagRef(unresolved.get(0), slug);
                    newNames.add(created.name());
                    unresolved.forEach(name -> resolved.put(name, created));
                }
            });
            createTags(newNames);
        }
        List<Object[]> links = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            List<String> slugs = new ArrayList<>();
            for (String name : batch.get(i).content().tags()) {
                String slug = resolved.get(name).slug();
                if (!slugs.contains(slug)) {
                    links.add(new Object[] {ids.get(i), slugs.size(), slug});
                    slugs.add(slug);
                }
            }
            batch.get(i).tagsResolved(slugs);
        }
        jdbcTemplate.batchUpdate("""
                insert into article_tag (article_id, tag_id, position)
                select ?, id, ? from tag where slug = ? on conflict do nothing
                """, links);
    }

    /** Which of these slugs an article or an old address already has. */
    public java.util.Set<String> takenSlugs(java.util.Collection<String> slugs) {
        String[] wanted = slugs.toArray(String[]::new);
        return new java.util.HashSet<>(jdbc.sql("""
                select slug from article where slug = any(:slugs)
                union select slug from article_slug_history where slug = any(:slugs)
                """).param("slugs", wanted).query(String.class).list());
    }

    /**
     * A slug made from the headline that another article (or an old address) already has gets "-2", "-3"…, as
     * writers expect; a slug the writer chose is theirs, and a clash is an error on the field.
     */
    private void makeSlugUnique(Article article) {
        String base = article.slug();
        String candidate = base;
        for (int n = 2; taken(candidate, article.id()) && n < 1000; n++) {
            candidate = Slugs.numbered(base, n);
        }
        if (!candidate.equals(base)) {
            article.useSlug(candidate);
        }
    }

    private boolean taken(String slug, Long ownId) {
        return jdbc.sql("""
                select exists (select 1 from article where slug = :slug and id is distinct from :id)
                    or exists (select 1 from article_slug_history where slug = :slug and article_id is distinct from :id)
                """).param("slug", slug).param("id", ownId).query(Boolean.class).single();
    }

    /** The alt text, caption and credit typed where a picture is used fill the library's blanks for it. */
    private void describePictures(ArticleContent content) {
        if (content.leadImage() != null) {
            media.describeWhereBlank(content.leadImage().mediaId(), content.leadImage().alt(), content.leadImage().caption(),
                    content.leadImage().credit());
        }
        if (content.bodyFormat() == BodyFormat.BLOCKS) {
            BodyDocument.parse(content.bodySource()).visit(node -> {
                if ("image".equals(node.type()) && node.number("mediaId") != null) {
                    media.describeWhereBlank(node.number("mediaId"), node.attr("alt"), node.attr("caption"), node.attr("credit"));
                }
            });
        }
    }

    /** Every library picture the content shows: lead image, social images, pictures in the body. */
    private static java.util.Set<Long> picturesOf(ArticleContent content) {
        java.util.Set<Long> ids = new java.util.LinkedHashSet<>();
        if (content.leadImage() != null) {
            ids.add(content.leadImage().mediaId());
        }
        if (content.seo().ogImageId() != null) {
            ids.add(content.seo().ogImageId());
        }
        if (content.seo().twitterImageId() != null) {
            ids.add(content.seo().twitterImageId());
        }
        if (content.bodyFormat() == BodyFormat.BLOCKS) {
            ids.addAll(BodyDocument.parse(content.bodySource()).mediaIds());
        }
        return ids;
    }

    private record Inserted(long id, String publicId, java.util.UUID uuid) {
    }

    private Inserted insert(Article article) {
        return jdbc.sql("""
                insert into article (kind, slug, headline, standfirst, section_id, language, body_source, body_format,
                    body_html, body_text, word_count, body_image_count, reading_minutes, lead_image_id, lead_image_alt,
                    lead_image_caption, lead_image_credit, status, published_at, scheduled_at, created_by, created_at,
                    updated_at, meta_title, meta_description, og_title, og_description, og_image_id, twitter_title,
                    twitter_description, twitter_image_id, canonical_url, featured, created_by_integration, public_id,
                    uuid, import_key)
                values (:kind, :slug, :headline, :standfirst, :sectionId, :language, :source, :format, :html, :text,
                    :words, :images, :readingMinutes, :imageId, :imageAlt, :imageCaption, :imageCredit, :status,
                    :publishedAt, :scheduledAt, :createdBy, :createdAt, :updatedAt, :metaTitle, :metaDescription, :ogTitle,
                    :ogDescription, :ogImageId, :twitterTitle, :twitterDescription, :twitterImageId, :canonicalUrl,
                    :featured, :createdByIntegration, coalesce(cast(:publicId as text), new_object_id()),
                    coalesce(cast(:uuid as uuid), gen_random_uuid()), :importKey)
                returning id, public_id, uuid
                """).paramSource(columns(article))
                .query((rs, n) -> new Inserted(rs.getLong("id"), rs.getString("public_id"),
                        rs.getObject("uuid", java.util.UUID.class))).single();
    }

    private int update(Article article) {
        int updated = jdbc.sql("""
                update article set slug = :slug, headline = :headline, standfirst = :standfirst,
                    section_id = :sectionId, language = :language, body_source = :source, body_format = :format,
                    body_html = :html, body_text = :text, word_count = :words, body_image_count = :images,
                    reading_minutes = :readingMinutes, lead_image_id = :imageId, lead_image_alt = :imageAlt,
                    lead_image_caption = :imageCaption, lead_image_credit = :imageCredit, status = :status,
                    published_at = :publishedAt, scheduled_at = :scheduledAt, updated_at = :updatedAt,
                    meta_title = :metaTitle, meta_description = :metaDescription, og_title = :ogTitle,
                    og_description = :ogDescription, og_image_id = :ogImageId, twitter_title = :twitterTitle,
                    twitter_description = :twitterDescription, twitter_image_id = :twitterImageId,
                    canonical_url = :canonicalUrl, featured = :featured, version = version + 1
                where id = :id and version = :version
                """).paramSource(columns(article)).update();
        if (updated != 1) {
            // Optimistic locking: someone saved since this copy was read (or it was deleted). Never overwrite.
            throw new ArticleConflictException(article.id());
        }
        return article.version() + 1;
    }

    private void delete(Article article) {
        int deleted = jdbc.sql("delete from article where id = ? and version = ?").params(article.id(), article.version()).update();
        if (deleted != 1) {
            throw new ArticleConflictException(article.id());
        }
    }

    private Columns columns(Article article) {
        ArticleContent content = article.content();
        RenderedBody body = article.body();
        LeadImage image = content.leadImage();
        return new Columns(article.id(), article.kind().dbValue(), article.slug(), content.headline(), content.standfirst(),
                content.sectionId(), content.language(), content.bodySource(), content.bodyFormat().dbValue(), body.html(),
                body.text(), body.words(), body.imageCount(), article.readingMinutes(),
                image == null ? null : image.mediaId(), image == null ? null : image.alt(),
                image == null ? null : image.caption(), image == null ? null : image.credit(),
                article.status().dbValue(), timestamp(article.publishedAt()), timestamp(article.scheduledAt()),
                article.createdBy(), article.version(), timestamp(article.createdAt()), timestamp(article.updatedAt()),
                content.seo().metaTitle(), content.seo().metaDescription(), content.seo().ogTitle(),
                content.seo().ogDescription(), content.seo().ogImageId(), content.seo().twitterTitle(),
                content.seo().twitterDescription(), content.seo().twitterImageId(), content.seo().canonicalUrl(),
                content.featured(), article.createdByIntegration(), article.publicId(), article.uuid(),
                article.importKey());
    }

    /** Named parameters of the article row, read by JdbcClient through the record's accessors. */
    record Columns(Long id, String kind, String slug, String headline, String standfirst, Long sectionId,
                   String language, String source, String format, String html, String text, int words, int images,
                   int readingMinutes, Long imageId, String imageAlt, String imageCaption, String imageCredit,
                   String status, OffsetDateTime publishedAt, OffsetDateTime scheduledAt, Long createdBy, int version,
                   OffsetDateTime createdAt, OffsetDateTime updatedAt, String metaTitle, String metaDescription,
                   String ogTitle, String ogDescription, Long ogImageId, String twitterTitle, String twitterDescription,
                   Long twitterImageId, String canonicalUrl, boolean featured, Long createdByIntegration, String publicId,
                   java.util.UUID uuid, String importKey) {
    }

    private void replaceAuthors(long articleId, List<Long> authorIds, boolean created) {
        if (!created) {
            jdbc.sql("delete from article_author where article_id = ?").param(articleId).update();
        }
        for (int position = 0; position < authorIds.size(); position++) {
            jdbc.sql("insert into article_author (article_id, author_id, position) values (?, ?, ?)")
                    .params(articleId, authorIds.get(position), position).update();
        }
    }

    /**
     * Links the article to its tags, by name: an existing tag is found by its name (whatever slug an editor gave
     * it) or by the slug its name makes; a new name creates a tag.
     *
     * @return the slugs of the linked tags, in the article's order
     */
    private List<String> replaceTags(long articleId, List<String> tags, boolean created) {
        if (!created) {
            jdbc.sql("delete from article_tag where article_id = ?").param(articleId).update();
        }
        for (String name : tags) {
            if (Tag.slugFor(name).isEmpty()) {
                throw new ArticleValidationException(Map.of("tags",
                        "The tag \"" + name + "\" needs at least one letter or digit a URL can use."));
            }
        }
        // Tags are resolved and created in slug order, so concurrent saves lock tag rows in the same order and
        // cannot deadlock.
        Map<String, TagRef> resolved = new java.util.HashMap<>();
        for (String name : tags.stream().sorted(Comparator.comparing(Tag::slugFor)).toList()) {
            resolved.put(name, existingTag(name).orElseGet(() -> createTag(name)));
        }
        List<String> slugs = new ArrayList<>();
        for (String name : tags) {
            String slug = resolved.get(name).slug();
            if (slugs.contains(slug)) {
                continue; // two spellings of one tag
            }
            jdbc.sql("""
                    insert into article_tag (article_id, tag_id, position)
                    select ?, id, ? from tag where slug = ? on conflict do nothing
                    """).params(articleId, slugs.size(), slug).update();
            slugs.add(slug);
        }
        return slugs;
    }

    private Optional<TagRef> existingTag(String name) {
        return jdbc.sql("""
                select name, slug from tag where lower(name) = lower(:name) or slug = :slug
                order by (name = :name) desc, (lower(name) = lower(:name)) desc, id limit 1
                """).param("name", name).param("slug", Tag.slugFor(name))
                .query((rs, n) -> new TagRef(rs.getString("name"), rs.getString("slug"))).optional();
    }

    private TagRef createTag(String name) {
        String slug = Tag.slugFor(name);
        OffsetDateTime now = timestamp(clock.instant());
        jdbc.sql("""
                insert into tag (slug, name, created_at, updated_at) values (?, ?, ?, ?) on conflict (slug) do nothing
                returning id, public_id
                """).params(slug, name, now, now).query((rs, n) -> new Tag(rs.getLong("id"), slug, name, "", rs.getString("public_id")))
                .optional()
                .ifPresent(created -> events.publishEvent(new TaxonomyEvent.TagCreated(java.util.UUID.randomUUID(),
                        created, clock.instant())));
        return new TagRef(name, slug);
    }

    /**
     * A bulk insert's new tags, given in slug order: one statement, and one event for all of them — an archive's
     * long tail of topics makes thousands, and an event each would cost more than the articles.
     */
    private void createTags(List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        OffsetDateTime now = timestamp(clock.instant());
        List<Tag> created = jdbc.sql("""
                insert into tag (slug, name, created_at, updated_at)
                select t.slug, t.name, :now, :now
                from unnest(cast(:slugs as text[]), cast(:names as text[])) with ordinality as t(slug, name, position)
                order by t.position
                on conflict (slug) do nothing
                returning id, public_id, slug, name
                """).param("slugs", names.stream().map(Tag::slugFor).toArray(String[]::new))
                .param("names", names.toArray(String[]::new)).param("now", now)
                .query((rs, n) -> new Tag(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), "",
                        rs.getString("public_id"))).list();
        if (!created.isEmpty()) {
            events.publishEvent(new TaxonomyEvent.TagsCreated(java.util.UUID.randomUUID(), created, clock.instant()));
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
