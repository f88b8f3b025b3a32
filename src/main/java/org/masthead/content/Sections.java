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

/** The site's sections, in the newsroom's order; every change raises its own event. */
@Repository
public class Sections {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Sections(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Section create(String name, String description, int position) {
        Fields fields = Fields.checked(name, description);
        String slug = Slugs.slugify(fields.name());
        if (findBySlug(slug).isPresent()) {
            throw new InvalidFieldsException("name", "A section called \"" + fields.name() + "\" already exists.");
        }
        long id = jdbc.sql("insert into section (slug, name, description, position) values (?, ?, ?, ?) returning id")
                .params(slug, fields.name(), fields.description(), position)
                .query(Long.class).single();
        Section section = new Section(id, slug, fields.name(), fields.description(), position);
        events.publishEvent(new TaxonomyEvent.SectionCreated(UUID.randomUUID(), section, clock.instant()));
        return section;
    }

    /** In the order the newsroom arranged them (navigation, home page). */
    public List<Section> all() {
        return jdbc.sql("select id, slug, name, description, position from section order by position, id")
                .query(Section.class).list();
    }

    public Optional<Section> findById(long id) {
        return jdbc.sql("select id, slug, name, description, position from section where id = ?")
                .param(id).query(Section.class).optional();
    }

    /** Renames keep the slug, so section URLs stay stable. */
    @Transactional
    public void update(long id, String name, String description, int position) {
        Fields fields = Fields.checked(name, description);
        Section previous = findById(id).orElseThrow(() -> new InvalidFieldsException("name", "That section no longer exists."));
        jdbc.sql("update section set name = ?, description = ?, position = ? where id = ?")
                .params(fields.name(), fields.description(), position, id).update();
        Section section = new Section(id, previous.slug(), fields.name(), fields.description(), position);
        if (section.equals(previous)) {
            return;
        }
        events.publishEvent(previous.name().equals(section.name())
                ? new TaxonomyEvent.SectionEdited(UUID.randomUUID(), section, previous, clock.instant())
                : new TaxonomyEvent.SectionRenamed(UUID.randomUUID(), section, previous.name(), clock.instant()));
    }

    /** Only a section no article uses can go: its articles would otherwise lose their place on the site. */
    @Transactional
    public void delete(long id) {
        Section section = findById(id).orElseThrow(() -> new InvalidFieldsException("name", "That section no longer exists."));
        long articles = jdbc.sql("select count(*) from article where section_id = ?").param(id).query(Long.class).single();
        if (articles > 0) {
            throw new InvalidFieldsException("name", "\"" + section.name() + "\" still has " + articles
                    + (articles == 1 ? " article" : " articles") + "; move them to another section first.");
        }
        jdbc.sql("delete from section where id = ?").param(id).update();
        events.publishEvent(new TaxonomyEvent.SectionDeleted(UUID.randomUUID(), section, clock.instant()));
    }

    public Optional<Section> findBySlug(String slug) {
        return jdbc.sql("select id, slug, name, description, position from section where slug = ?")
                .param(slug).query(Section.class).optional();
    }

    /** A section's text as stored: cleaned, within the limits, with a name a URL can be made from. */
    private record Fields(String name, String description) {

        static Fields checked(String name, String description) {
            FieldErrors errors = new FieldErrors();
            String cleanName = errors.requiredLine("name", "A section name", name, FieldLimits.NAME, "Enter the section's name.");
            if (!cleanName.isEmpty() && Slugs.slugify(cleanName).isEmpty()) {
                errors.add("name", "A section name needs at least one letter or digit.");
            }
            String cleanDescription = errors.text("description", "The description", description, FieldLimits.DESCRIPTION);
            errors.throwIfAny();
            return new Fields(cleanName, cleanDescription);
        }
    }
}
