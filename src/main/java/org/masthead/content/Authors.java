package org.masthead.content;

import java.util.List;
import java.util.Optional;

import org.masthead.media.MediaUrls;
import org.masthead.text.FieldErrors;
import org.masthead.text.FieldLimits;
import org.masthead.text.Slugs;
import java.time.Clock;
import java.util.UUID;

import org.masthead.text.InvalidFieldsException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Author profiles. A profile made from a guest byline is unlisted: it has no public page, feed or place in
 * search filters until an article carrying it is published.
 */
@Repository
public class Authors {

    private static final TypeReference<List<Author.AuthorLink>> LINKS = new TypeReference<>() {
    };

    private static final String SELECT = """
            select au.id, au.slug, au.name, au.job_title, au.bio, au.links::text as links, m.file_name, m.width,
                   m.height, m.variants, m.webp_variants
            from author au left join media_picture m on m.media_id = au.avatar_id
            """;
    /** Listed by the newsroom, or carrying at least one published article. */
    private static final String PUBLIC = """
            (au.listed or exists (select 1 from article_author aa where aa.author_id = au.id and aa.published_at is not null))
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final MediaUrls media;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Authors(JdbcClient jdbc, JsonMapper json, MediaUrls media, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.media = media;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Author create(String name, String jobTitle, String bio, Long avatarMediaId, List<Author.AuthorLink> links) {
        return create(name, jobTitle, bio, avatarMediaId, links, true);
    }

    private Author create(String name, String jobTitle, String bio, Long avatarMediaId, List<Author.AuthorLink> links,
                          boolean listed) {
        Profile profile = Profile.checked(name, jobTitle, bio, links);
        String slug = Slugs.slugify(profile.name());
        long id = jdbc.sql("""
                insert into author (slug, name, job_title, bio, avatar_id, links, listed, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
                returning id
                """).params(slug, profile.name(), profile.jobTitle(), profile.bio(), avatarMediaId,
                json.writeValueAsString(profile.links()), listed, now(), now()).query(Long.class).single();
        Author author = findById(id).orElseThrow();
        events.publishEvent(new TaxonomyEvent.AuthorCreated(UUID.randomUUID(), author, clock.instant()));
        return author;
    }

    /**
     * A byline for a writer without a profile yet (a guest): found by name, or created with just the name and
     * unlisted until an article carrying it is published.
     */
    public Author findOrCreateGuest(String name) {
        return findBySlug(Slugs.slugify(Profile.checked(name, "", "", List.of()).name()))
                .orElseGet(() -> create(name, "Contributor", "", null, List.of(), false));
    }

    public Optional<Author> findById(long id) {
        return jdbc.sql(SELECT + "where au.id = ?").param(id).query(mapper()).optional();
    }

    @Transactional
    public void update(long id, String name, String jobTitle, String bio, Long avatarMediaId, List<Author.AuthorLink> links) {
        Profile profile = Profile.checked(name, jobTitle, bio, links);
        Author previous = findById(id).orElseThrow(() -> new InvalidFieldsException("name", "That profile no longer exists."));
        jdbc.sql("""
                update author set name = ?, job_title = ?, bio = ?, avatar_id = coalesce(?, avatar_id), links = ?::jsonb,
                    updated_at = ?
                where id = ?
                """).params(profile.name(), profile.jobTitle(), profile.bio(), avatarMediaId,
                        json.writeValueAsString(profile.links()), now(), id).update();
        Author author = findById(id).orElseThrow();
        if (author.equals(previous)) {
            return;
        }
        events.publishEvent(previous.name().equals(author.name())
                ? new TaxonomyEvent.AuthorEdited(UUID.randomUUID(), author, previous, clock.instant())
                : new TaxonomyEvent.AuthorRenamed(UUID.randomUUID(), author, previous.name(), clock.instant()));
    }

    /** Only a profile without bylines can go: articles would otherwise lose their author. */
    @Transactional
    public void delete(long id) {
        Author author = findById(id).orElseThrow(() -> new InvalidFieldsException("name", "That profile no longer exists."));
        long bylines = jdbc.sql("select count(*) from article_author where author_id = ?").param(id).query(Long.class).single();
        if (bylines > 0) {
            throw new InvalidFieldsException("name", author.name() + " is the byline of " + bylines
                    + (bylines == 1 ? " article" : " articles") + "; change those bylines first.");
        }
        jdbc.sql("delete from author where id = ?").param(id).update();
        events.publishEvent(new TaxonomyEvent.AuthorDeleted(UUID.randomUUID(), author, clock.instant()));
    }

    /** Any profile, listed or not: for the newsroom. */
    public Optional<Author> findBySlug(String slug) {
        return jdbc.sql(SELECT + "where au.slug = ?").param(slug).query(mapper()).optional();
    }

    /** A profile readers may see: listed, or with a published article. */
    public Optional<Author> findPublicBySlug(String slug) {
        return jdbc.sql(SELECT + "where au.slug = ? and " + PUBLIC).param(slug).query(mapper()).optional();
    }

    /** Every profile, for the newsroom. */
    public List<Author> all() {
        return jdbc.sql(SELECT + "order by au.name").query(mapper()).list();
    }

    /** The profiles readers may see, for public filters. */
    public List<Author> allPublic() {
        return jdbc.sql(SELECT + "where " + PUBLIC + " order by au.name").query(mapper()).list();
    }

    private RowMapper<Author> mapper() {
        return (rs, row) -> new Author(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
                rs.getString("job_title"), rs.getString("bio"),
                rs.getString("file_name") == null ? null : media.url(rs.getString("file_name")),
                json.readValue(rs.getString("links"), LINKS), PictureRows.picture(media, rs.getString("file_name"),
                        rs.getInt("width"), rs.getInt("height"), rs.getArray("variants"), rs.getArray("webp_variants"), "", "", ""));
    }

    /** A profile's text as stored: cleaned, within the limits, with a name a URL can be made from. */
    private record Profile(String name, String jobTitle, String bio, List<Author.AuthorLink> links) {

        static Profile checked(String name, String jobTitle, String bio, List<Author.AuthorLink> links) {
            FieldErrors errors = new FieldErrors();
            String cleanName = errors.requiredLine("name", "The name", name, FieldLimits.NAME, "Enter the author's name.");
            if (!cleanName.isEmpty() && Slugs.slugify(cleanName).isEmpty()) {
                errors.add("name", "A name needs at least one letter or digit.");
            }
            String cleanJob = errors.line("jobTitle", "The job title", jobTitle, FieldLimits.JOB_TITLE);
            String cleanBio = errors.text("bio", "The bio", bio, FieldLimits.BIO);
            List<Author.AuthorLink> allLinks = links == null ? List.of() : links;
            if (allLinks.size() > FieldLimits.LINKS_PER_AUTHOR) {
                errors.add("links", "A profile may have at most " + FieldLimits.LINKS_PER_AUTHOR + " links.");
            }
            allLinks.forEach(link -> {
                errors.line("links", "A link's label", link.label(), FieldLimits.NAME);
                errors.line("links", "A link", link.url(), FieldLimits.URL);
            });
            errors.throwIfAny();
            return new Profile(cleanName, cleanJob, cleanBio, List.copyOf(allLinks));
        }
    }

    private java.time.OffsetDateTime now() {
        return clock.instant().atOffset(java.time.ZoneOffset.UTC);
    }
}
