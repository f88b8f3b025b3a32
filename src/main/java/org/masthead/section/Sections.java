package org.masthead.section;

import java.util.List;
import java.util.Optional;

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
        String slug = Slugs.slugify(name == null ? "" : name);
        if (slug.isEmpty()) {
            throw new IllegalArgumentException("A section name needs at least one letter or digit.");
        }
        if (findBySlug(slug).isPresent()) {
            throw new IllegalArgumentException("A section called \"" + name.strip() + "\" already exists.");
        }
        long id = jdbc.sql("insert into section (slug, name, description, position) values (?, ?, ?, ?) returning id")
                .params(slug, name.strip(), description == null ? "" : description.strip(), position)
                .query(Long.class).single();
        return new Section(id, slug, name.strip(), description == null ? "" : description.strip(), position);
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
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("The name must not be empty.");
        }
        jdbc.sql("update section set name = ?, description = ?, position = ? where id = ?")
                .params(name.strip(), description == null ? "" : description.strip(), position, id).update();
        signals.send("changed"); // navigation and section pages on every node
    }

    public Optional<Section> findBySlug(String slug) {
        return jdbc.sql("select id, slug, name, description, position from section where slug = ?")
                .param(slug).query(Section.class).optional();
    }
}
