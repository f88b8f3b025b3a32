package org.masthead.archive;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code users} from the bylines (author profiles), with Ghost's {@code roles} and every user given the Author role
 * in {@code roles_users}: Ghost's importer wants a role for each user it creates.
 */
final class ExportedPeople {

    /** Ghost's staff roles, so a file with them imports into Ghost as its own exports do. */
    static final List<String> ROLES = List.of("Administrator", "Editor", "Author", "Contributor");
    static final String BYLINE_ROLE = "Author";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record User(long id, String publicId, String slug, String name, String jobTitle, String bio, String links,
                        boolean listed, String avatarFile, Instant createdAt, Instant updatedAt) {
    }

    private final JdbcClient jdbc;
    private final ExportAddresses addresses;
    private final int pageSize;

    ExportedPeople(JdbcClient jdbc, ExportAddresses addresses, int pageSize) {
        this.jdbc = jdbc;
        this.addresses = addresses;
        this.pageSize = pageSize;
    }

    void writeUsers(JsonGenerator json) {
        json.writeArrayPropertyStart("users");
        long after = 0;
        while (true) {
            List<User> page = users(after);
            for (User user : page) {
                write(user, json);
            }
            if (page.size() < pageSize) {
                break;
            }
            after = page.get(page.size() - 1).id();
        }
        json.writeEndArray();
    }

    void writeRoles(JsonGenerator json, Instant now) {
        json.writeArrayPropertyStart("roles");
        for (String role : ROLES) {
            json.writeStartObject();
            json.writeStringProperty("id", roleId(role));
            json.writeStringProperty("name", role);
            json.writeStringProperty("description", role + "s");
            ExportJson.date(json, "created_at", now);
            ExportJson.date(json, "updated_at", now);
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    void writeRolesUsers(JsonGenerator json) {
        json.writeArrayPropertyStart("roles_users");
        String roleId = roleId(BYLINE_ROLE);
        long after = 0;
        while (true) {
            List<User> page = users(after);
            for (User user : page) {
                json.writeStartObject();
                json.writeStringProperty("id", ExportIds.of("roles_users", roleId, user.publicId()));
                json.writeStringProperty("role_id", roleId);
                json.writeStringProperty("user_id", user.publicId());
                json.writeEndObject();
            }
            if (page.size() < pageSize) {
                break;
            }
            after = page.get(page.size() - 1).id();
        }
        json.writeEndArray();
    }

    private List<User> users(long after) {
        return jdbc.sql("""
                select a.id, a.public_id, a.slug, a.name, a.job_title, a.bio, a.links::text as links, a.listed,
                    a.created_at, a.updated_at,
                    (select m.file_name from media_picture m where m.media_id = a.avatar_id) as avatar
                from content_author a where a.id > ? order by a.id limit ?
                """).params(after, pageSize).query((rs, n) -> new User(rs.getLong("id"), rs.getString("public_id"),
                rs.getString("slug"), rs.getString("name"), rs.getString("job_title"), rs.getString("bio"),
                rs.getString("links"), rs.getBoolean("listed"), rs.getString("avatar"),
                ExportedPosts.instant(rs, "created_at"), ExportedPosts.instant(rs, "updated_at"))).list();
    }

    private void write(User user, JsonGenerator json) {
        JsonNode links = user.links() == null ? JSON.createArrayNode() : JSON.readTree(user.links());
        json.writeStartObject();
        json.writeStringProperty("id", user.publicId());
        json.writeStringProperty("name", user.name());
        json.writeStringProperty("slug", user.slug());
        // Ghost requires an email for every user; bylines have none, and .invalid can never reach anyone
        json.writeStringProperty("email", user.slug() + "@example.invalid");
        json.writeStringProperty("profile_image", addresses.picture(user.avatarFile()));
        json.writeNullProperty("cover_image");
        ExportJson.text(json, "bio", user.bio());
        ExportJson.text(json, "website", links.path(0).path("url").asString(null));
        json.writeNullProperty("location");
        json.writeStringProperty("status", "active");
        json.writeStringProperty("visibility", "public");
        ExportJson.date(json, "created_at", user.createdAt());
        ExportJson.date(json, "updated_at", user.updatedAt());
        ExportJson.text(json, "masthead_job_title", user.jobTitle());
        // every profile link with its label, and whether the byline has a public page: Ghost has one website only
        json.writeName("masthead_links");
        json.writeTree(links);
        json.writeBooleanProperty("masthead_listed", user.listed());
        json.writeEndObject();
    }

    static String roleId(String role) {
        return ExportIds.of("roles", role);
    }
}
