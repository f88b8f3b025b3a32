package org.masthead.section;

import java.util.List;
import java.util.Optional;

import org.masthead.text.FieldErrors;
import org.masthead.text.FieldLimits;
import org.masthead.text.InvalidFieldsException;
import org.masthead.text.Slugs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Sections {

    private final JdbcClient jdbc;
    private final org.masthead.system.ChangeSignals signals;

    Sections(JdbcClient jdbc, org.masthead.system.ChangeSignals signals) {
        this.jdbc = jdbc;
        this.signals = signals;
    }

    public Section create(String name, String description, int position) {
        Fields fields = Fields.checked(name, description);
        String slug = Slugs.slugify(fields.name());
        if (findBySlug(slug).isPresent()) {
            throw new InvalidFieldsException("name", "A section called \"" + fields.name() + "\" already exists.");
        }
        long id = jdbc.sql("insert into section (slug, name, description, position) values (?, ?, ?, ?) returning id")
                .params(slug, fields.name(), fields.description(), position)
                .query(Long.class).single();
        return new Section(id, slug, fields.name(), fields.description(), position);
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
    public void update(long id, String name, String description, int position) {
        Fields fields = Fields.checked(name, description);
        jdbc.sql("update section set name = ?, description = ?, position = ? where id = ?")
                .params(fields.name(), fields.description(), position, id).update();
        signals.send("changed"); // navigation and section pages on every node
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

    public Optional<Section> findBySlug(String slug) {
        return jdbc.sql("select id, slug, name, description, position from section where slug = ?")
                .param(slug).query(Section.class).optional();
    }
}
