package org.masthead.author;

import java.util.List;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import org.masthead.media.Media;
import org.masthead.text.Slugs;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class Authors {

    private static final TypeReference<List<Author.AuthorLink>> LINKS = new TypeReference<>() {
    };

    private static final String SELECT = """
            select au.id, au.slug, au.name, au.job_title, au.bio, au.links::text as links, m.file_name
            from author au left join media m on m.id = au.avatar_id
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final org.masthead.system.ChangeSignals signals;

    Authors(JdbcClient jdbc, JsonMapper json, org.masthead.system.ChangeSignals signals) {
        this.jdbc = jdbc;
        this.json = json;
        this.signals = signals;
    }

    public Author create(String name, String jobTitle, String bio, Long avatarMediaId, List<Author.AuthorLink> links) {
        name = org.masthead.text.PlainText.clean(name);
        jobTitle = org.masthead.text.PlainText.clean(jobTitle);
        bio = org.masthead.text.PlainText.clean(bio);
        String slug = Slugs.slugify(name);
        long id = jdbc.sql("""
                insert into author (slug, name, job_title, bio, avatar_id, links) values (?, ?, ?, ?, ?, ?::jsonb)
                returning id
                """).params(slug, name.strip(), jobTitle == null ? "" : jobTitle.strip(), bio == null ? "" : bio.strip(),
                avatarMediaId, json.writeValueAsString(links)).query(Long.class).single();
        return findBySlug(slug).filter(author -> author.id() == id).orElseThrow();
    }

    /** A byline for a writer without a profile yet (a guest): found by name, or created with just the name. */
    public Author findOrCreateGuest(String name) {
        String slug = Slugs.slugify(name);
        if (slug.isEmpty()) {
            throw new IllegalArgumentException("A byline needs at least one letter or digit.");
        }
        return findBySlug(slug).orElseGet(() -> create(name, "Contributor", "", null, List.of()));
    }

    public Optional<Author> findById(long id) {
        return jdbc.sql(SELECT + "where au.id = ?").param(id).query(mapper()).optional();
    }

    public void update(long id, String name, String jobTitle, String bio, Long avatarMediaId, List<Author.AuthorLink> links) {
        name = org.masthead.text.PlainText.clean(name);
        jobTitle = org.masthead.text.PlainText.clean(jobTitle);
        bio = org.masthead.text.PlainText.clean(bio);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("The name must not be empty.");
        }
        jdbc.sql("update author set name = ?, job_title = ?, bio = ?, avatar_id = coalesce(?, avatar_id), links = ?::jsonb where id = ?")
                .params(name.strip(), jobTitle == null ? "" : jobTitle.strip(), bio == null ? "" : bio.strip(),
                        avatarMediaId, json.writeValueAsString(links), id).update();
        signals.send("changed"); // bylines on cached pages, on every node
    }

    public Optional<Author> findBySlug(String slug) {
        return jdbc.sql(SELECT + "where au.slug = ?").param(slug).query(mapper()).optional();
    }

    public List<Author> all() {
        return jdbc.sql(SELECT + "order by au.name").query(mapper()).list();
    }

    private RowMapper<Author> mapper() {
        return (rs, row) -> new Author(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
                rs.getString("job_title"), rs.getString("bio"),
                rs.getString("file_name") == null ? null : Media.url(rs.getString("file_name")),
                json.readValue(rs.getString("links"), LINKS));
    }
}
