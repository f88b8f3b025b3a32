package org.masthead.section;

import java.util.List;
import java.util.Optional;

import org.masthead.text.Slugs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Sections {

    private final JdbcClient jdbc;

    Sections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Section create(String name, String description, int position) {
        String slug = Slugs.slugify(name);
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

    public Optional<Section> findBySlug(String slug) {
        return jdbc.sql("select id, slug, name, description, position from section where slug = ?")
                .param(slug).query(Section.class).optional();
    }
}
