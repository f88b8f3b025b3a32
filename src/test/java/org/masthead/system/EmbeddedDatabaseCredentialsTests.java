package org.masthead.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded PostgreSQL trusts nobody: a generated password kept in the data directory, scram-sha-256 for every
 * connection, and an application role that owns the schema but is no superuser (so no COPY … TO PROGRAM).
 */
class EmbeddedDatabaseCredentialsTests {

    private final Path directory = Path.of("target", "test-data", "embedded-credentials");

    @AfterEach
    void cleanUp() throws Exception {
        FileSystemUtils.deleteRecursively(directory);
    }

    @Test
    void aNewDatabaseHasAPasswordAndTheApplicationConnectsAsAnOrdinaryRoleThatOwnsTheSchema() throws Exception {
        FileSystemUtils.deleteRecursively(directory);
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory, 0, false)) {
            assertLockedDown(server);
            try (Connection app = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password())) {
                assertThat(single(app, "select pg_get_userbyid(datdba) from pg_database where datname = current_database()"))
                        .isEqualTo(server.username());
                execute(app, "create table owned_by_the_app (id int)", "create extension if not exists pg_trgm");
            }
        }
        // the next start reads the same credentials
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(directory, 0, false);
             Connection app = DriverManager.getConnection(again.jdbcUrl(), again.username(), again.password())) {
            assertThat(single(app, "select count(*) from owned_by_the_app")).isEqualTo("0");
            assertLockedDown(again);
        }
    }

    @Test
    void aDataDirectoryMadeByTheEarlierReleaseIsLockedDownInPlaceOnTheNextStart() throws Exception {
        FileSystemUtils.deleteRecursively(directory);
        Files.createDirectories(directory);
        // What the earlier release left: initdb with trust, everything created and owned by the superuser.
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1").start()) {
            try (Connection superuser = earlier.getPostgresDatabase().getConnection()) {
                execute(superuser, "create database masthead encoding 'UTF8' template template0");
            }
            Flyway.configure().dataSource(earlier.getJdbcUrl("postgres", "masthead"), "postgres", null)
                    .locations("classpath:db/migration").target("5").load().migrate();
            try (Connection superuser = DriverManager.getConnection(earlier.getJdbcUrl("postgres", "masthead"))) {
                execute(superuser, "insert into section (slug, name) values ('kept', 'Kept through the upgrade')");
            }
        }
        assertThat(Files.readString(directory.resolve("pg_hba.conf"))).contains("trust");

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory, 0, false)) {
            assertLockedDown(server);
            try (Connection app = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password())) {
                assertThat(single(app, "select name from section where slug = 'kept'")).isEqualTo("Kept through the upgrade");
                assertThat(single(app, "select count(*) from pg_tables where schemaname = 'public' and tableowner <> current_user"))
                        .isEqualTo("0");
                // owning the tables, the application can migrate them and write to them
                execute(app, "alter table section add column upgraded boolean",
                        "insert into section (slug, name) values ('new', 'Written by the application role')");
            }
        }
    }

    private static void assertLockedDown(EmbeddedPostgresServer server) throws Exception {
        Path credentials = server.credentialsFile();
        assertThat(credentials).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
        assertThat(Files.readString(credentials)).contains(server.password());
        List<String> rules = Files.readAllLines(server.dataDirectory().resolve("pg_hba.conf")).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        assertThat(rules).isNotEmpty().allSatisfy(rule -> assertThat(rule).endsWith("scram-sha-256"));

        String url = "jdbc:postgresql://127.0.0.1:" + server.port() + "/masthead";
        for (String user : List.of("postgres", server.username())) {
            Properties noPassword = new Properties();
            noPassword.setProperty("user", user);
            assertThatThrownBy(() -> DriverManager.getConnection(url, noPassword).close()).as(user)
                    .isInstanceOf(SQLException.class).hasMessageContaining("password");
        }
        try (Connection app = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password())) {
            assertThat(single(app, "select current_user")).isEqualTo(server.username()).isNotEqualTo("postgres");
            assertThat(single(app, "select rolsuper::text from pg_roles where rolname = current_user")).isEqualTo("false");
            assertThatThrownBy(() -> execute(app, "copy (select 1) to program 'true'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
    }

    private static void execute(Connection connection, String... statements) throws SQLException {
        try (var statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
