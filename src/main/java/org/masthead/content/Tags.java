package org.masthead.content;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.masthead.text.FieldErrors;
import org.masthead.text.FieldLimits;
import org.masthead.text.InvalidFieldsException;
import org.masthead.text.Slugs;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tags: topics with a name, a slug and a description. Writers create them by tagging articles; editors name,
 * describe and delete them here, and every change raises its own event.
 */
@Repository
public class Tags {

    private static final String COLUMNS = "id, slug, name, description, public_id";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ArticleHistory history;

    Tags(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, ArticleHistory history) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.history = history;
    }

    public Optional<Tag> findBySlug(String slug) {
        return jdbc.sql("select " + COLUMNS + " from tag where slug = ?").param(slug).query(Tag.class).optional();
    }

    public Optional<Tag> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from tag where id = ?").param(id).query(Tag.class).optional();
    }

    /** All tags by name, with how many published articles carry each. */
    public List<TagUse> all() {
        return jdbc.sql("""
                select t.id, t.slug, t.name, t.description, t.public_id,
                       (select count(*) from article_tag at where at.tag_id = t.id and at.published_at is not null) as published
                from tag t order by lower(t.name), t.id
                """).query((rs, row) -> new TagUse(new Tag(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
                rs.getString("description"), rs.getString("public_id")), rs.getLong("published"))).list();
    }

    public record TagUse(Tag tag, long publishedArticles) {
    }

    /** The tag with this Ghost-style id (what the APIs know it by). */
    public Optional<Tag> findByPublicId(String publicId) {
        return jdbc.sql("select " + COLUMNS + " from tag where public_id = ?").param(publicId).query(Tag.class).optional();
    }

    /** Its Ghost-style id. */
    public String publicIdOf(long id) {
        return jdbc.sql("select public_id from tag where id = ?").param(id).query(String.class).single();
    }

    @Transactional
    public Tag create(Actor actor, String name, String slug, String description) {
        requireEditor(actor, "create tags");
        Fields fields = Fields.checked(name, slug, description);
        if (findBySlug(fields.slug()).isPresent()) {
            throw new InvalidFieldsException("slug", "A tag with the slug \"" + fields.slug() + "\" already exists.");
        }
        java.time.OffsetDateTime now = clock.instant().atOffset(java.time.ZoneOffset.UTC);
        Tag tag = jdbc.sql("insert into tag (slug, name, description, created_at, updated_at) values (?, ?, ?, ?, ?) returning "
                        + COLUMNS)
                .params(fields.slug(), fields.name(), fields.description(), now, now).query(Tag.class).single();
        events.publishEvent(new TaxonomyEvent.TagCreated(UUID.randomUUID(), tag, clock.instant()));
        history.record(actor, "created tag", null, tag.name() + " (" + tag.slug() + ")", clock.instant());
        return tag;
    }

    /** Name, slug and description; a new slug moves the tag's page (the old address then finds nothing). */
    @Transactional
    public Tag update(Actor actor, long id, String name, String slug, String description) {
        requireEditor(actor, "edit tags");
        Tag previous = findById(id).orElseThrow(() -> new InvalidFieldsException("name", "That tag no longer exists."));
        Fields fields = Fields.checked(name, slug, description);
        if (!fields.slug().equals(previous.slug()) && findBySlug(fields.slug()).isPresent()) {
            throw new InvalidFieldsException("slug", "A tag with the slug \"" + fields.slug() + "\" already exists.");
        }
        jdbc.sql("update tag set name = ?, slug = ?, description = ?, updated_at = ? where id = ?")
                .params(fields.name(), fields.slug(), fields.description(),
                        clock.instant().atOffset(java.time.ZoneOffset.UTC), id).update();
        Tag tag = new Tag(id, fields.slug(), fields.name(), fields.description(), previous.publicId());
        if (!tag.equals(previous)) {
            events.publishEvent(tag.name().equals(previous.name()) && tag.slug().equals(previous.slug())
                    ? new TaxonomyEvent.TagEdited(UUID.randomUUID(), tag, previous, clock.instant())
                    : new TaxonomyEvent.TagRenamed(UUID.randomUUID(), tag, previous, clock.instant()));
            history.record(actor, "edited tag", null, previous.name() + " (" + previous.slug() + ")"
                    + (tag.name().equals(previous.name()) && tag.slug().equals(previous.slug()) ? ""
                    : " → " + tag.name() + " (" + tag.slug() + ")"), clock.instant());
        }
        return tag;
    }

    /**
     * Removes the tag from every article that carries it, and the tag itself. Those articles move to a new
     * version, so an editor with one of them open gets the usual conflict instead of saving the tag back.
     */
    @Transactional
    public void delete(Actor actor, long id) {
        requireEditor(actor, "delete tags");
        Tag tag = findById(id).orElseThrow(() -> new InvalidFieldsException("name", "That tag no longer exists."));
        List<Long> articles = jdbc.sql("delete from article_tag where tag_id = ? returning article_id").param(id)
                .query(Long.class).list();
        if (!articles.isEmpty()) {
            jdbc.sql("update article set version = version + 1 where id in (:ids)").param("ids", articles).update();
        }
        jdbc.sql("delete from tag where id = ?").param(id).update();
        events.publishEvent(new TaxonomyEvent.TagDeleted(UUID.randomUUID(), tag, articles, clock.instant()));
        history.record(actor, "deleted tag", null, tag.name() + " (" + tag.slug() + "), on " + articles.size()
                + " article(s)", clock.instant());
    }

    /** Naming, describing and deleting tags is an Editor's work, whoever asks (a form, the Admin API). */
    private static void requireEditor(Actor actor, String action) {
        if (!actor.can(Actor.Role.EDITOR)) {
            throw new org.springframework.security.access.AccessDeniedException("Your role does not allow you to " + action + ".");
        }
    }

    /** A tag's text as stored: cleaned, within the limits, with a usable slug (made from the name when blank). */
    private record Fields(String name, String slug, String description) {

        static Fields checked(String name, String slug, String description) {
            FieldErrors errors = new FieldErrors();
            String cleanName = errors.requiredLine("name", "A tag name", name, FieldLimits.TAG, "Enter the tag's name.");
            String cleanSlug = org.masthead.text.PlainText.line(slug);
            cleanSlug = cleanSlug.isEmpty() ? Tag.slugFor(cleanName) : cleanSlug;
            if (!cleanName.isEmpty() && !Slugs.isValid(cleanSlug)) {
                errors.add("slug", "A tag's slug may only use a-z, 0-9 and single hyphens, at most " + Slugs.MAX_LENGTH
                        + " characters.");
            }
            String cleanDescription = errors.text("description", "The description", description, FieldLimits.DESCRIPTION);
            errors.throwIfAny();
            return new Fields(cleanName, cleanSlug, cleanDescription);
        }
    }
}
