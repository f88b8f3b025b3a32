package org.masthead.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadApplication;
import org.masthead.content.ArticleContent;
import org.masthead.content.ArticleKind;
import org.masthead.content.Authors;
import org.masthead.content.EditableArticle;
import org.masthead.content.Publishing;
import org.masthead.content.Sections;
import org.masthead.identity.StaffAccounts;
import org.masthead.support.ReaderClient;
import org.masthead.support.Staff;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * A real PostgreSQL streaming replica (a base backup of the primary through the low-level backup API, started from
 * the same bundled binaries as a standby): public pages read from it, the newsroom and writes from the primary.
 * Pausing the replica's replay shows which is which — a story published meanwhile is on the primary, not yet on the
 * public page; once replay resumes it is.
 */
class ReadReplicaTests {

    @Test
    void publicPagesReadFromTheReplicaAndEverythingElseFromThePrimary() throws Exception {
        Path primaryDir = Path.of("target", "test-data", "replica-primary");
        Path replicaDir = Path.of("target", "test-data", "replica-standby").toAbsolutePath();
        FileSystemUtils.deleteRecursively(replicaDir);
        try (EmbeddedPostgresServer primary = EmbeddedPostgresServer.start(primaryDir, 0, true)) {
            String superuser = primary.superuserPassword();
            try (Connection admin = DriverManager.getConnection(url(primary.port(), "postgres"), "postgres", superuser);
                 Statement sql = admin.createStatement()) {
                sql.execute("select pg_create_physical_replication_slot('replica1', true)");
                sql.execute("select pg_backup_start('replica', true)");
                copy(primary.dataDirectory(), replicaDir);
                try (ResultSet stop = sql.executeQuery("select labelfile from pg_backup_stop(false)")) {
                    stop.next();
                    Files.writeString(replicaDir.resolve("backup_label"), stop.getString(1));
                }
            }
            Files.createFile(replicaDir.resolve("standby.signal"));
            try (Stream<Path> all = Files.walk(replicaDir)) { // PostgreSQL accepts a data directory only its owner may enter
                for (Path path : (Iterable<Path>) all::iterator) {
                    Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString(
                            Files.isDirectory(path) ? "rwx------" : "rw-------"));
                }
            }
            Files.writeString(replicaDir.resolve("postgresql.auto.conf"), "\nprimary_conninfo = 'host=127.0.0.1 port="
                    + primary.port() + " user=postgres password=" + superuser + "'\nprimary_slot_name = 'replica1'\n",
                    StandardOpenOption.APPEND);
            try (EmbeddedPostgresServer replica = EmbeddedPostgresServer.start(replicaDir, 0, false);
                 ConfigurableApplicationContext app = new SpringApplicationBuilder(MastheadApplication.class).run(
                         "--server.port=0", "--masthead.data-dir=target/test-data/replica-app", "--masthead.demo-content=false",
                         "--spring.datasource.url=" + primary.jdbcUrl(), "--spring.datasource.username=" + primary.username(),
                         "--spring.datasource.password=" + primary.password(),
                         "--masthead.datasource.replicas=" + replica.jdbcUrl(), "--masthead.page-cache.enabled=false")) {
                int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
                ReaderClient reader = new ReaderClient(port);
                Staff staff = Staff.create(app.getBean(Sections.class), app.getBean(Authors.class), app.getBean(StaffAccounts.class));
                EditableArticle first = publish(app, staff, "Replicated story");
                Awaitility.await("replayed on the replica").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                        .until(() -> reader.get("/articles/" + first.slug()).statusCode() == 200);

                try (Connection standby = DriverManager.getConnection(url(replica.port(), "postgres"), "postgres", superuser);
                     Statement sql = standby.createStatement()) {
                    sql.execute("select pg_wal_replay_pause()");
                    Awaitility.await("replay paused").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                            .until(() -> {
                                try (ResultSet state = sql.executeQuery("select pg_get_wal_replay_pause_state()")) {
                                    return state.next() && state.getString(1).equals("paused");
                                }
                            });
                    EditableArticle second = publish(app, staff, "Held back story");
                    // on the primary (the newsroom sees it)…
                    assertThat(app.getBean(Publishing.class).view(Staff.actor(staff.editor()), second.id()).status().name())
                            .isEqualTo("PUBLISHED");
                    // …but the public page reads the paused replica
                    assertThat(reader.get("/articles/" + second.slug()).statusCode()).isEqualTo(404);
                    // a signed-in editor reading the public site: the session is saved on the primary, not the replica
                    org.masthead.support.NewsroomClient editor = org.masthead.support.NewsroomClient.signedIn(port,
                            staff.editor().email(), Staff.PASSWORD);
                    org.masthead.support.NewsroomClient reading = new org.masthead.support.NewsroomClient(port)
                            .withHeader("Cookie", "SESSION=" + editor.sessionCookie());
                    assertThat(reading.get("/articles/" + first.slug()).statusCode()).isEqualTo(200);
                    assertThat(reading.get("/admin").body()).contains("Hello,");
                    sql.execute("select pg_wal_replay_resume()");
                    Awaitility.await("replayed after resuming").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                            .until(() -> reader.get("/articles/" + second.slug()).statusCode() == 200);
                }
            }
        }
    }

    private static EditableArticle publish(ConfigurableApplicationContext app, Staff staff, String headline) {
        Publishing publishing = app.getBean(Publishing.class);
        EditableArticle draft = publishing.create(Staff.actor(staff.editor()), new Publishing.Create(ArticleKind.ARTICLE,
                ArticleContent.markdown(headline + " " + UUID.randomUUID().toString().substring(0, 8), null, null,
                        staff.section().id(), List.of(staff.byline().id()), List.of(), "From the primary.", null, "en"),
                "", Publishing.Then.KEEP));
        return publishing.move(Staff.actor(staff.editor()), new Publishing.Move(draft.id(), draft.version(), Publishing.Then.PUBLISH));
    }

    private static String url(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The data directory as the backup sees it: no lock file, no WAL (the standby streams it), no slots. */
    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path relative = from.relativize(source);
                String name = relative.toString();
                Path target = to.resolve(relative);
                if (Files.isDirectory(source)) {
                    if (!name.startsWith("pg_replslot/")) { // a slot copied half would stop the standby
                        Files.createDirectories(target);
                    }
                } else if (!name.equals("postmaster.pid") && !name.equals("postmaster.opts")
                        && !name.startsWith("pg_wal/") && !name.startsWith("pg_replslot/") && !name.startsWith("pg_stat_tmp/")) {
                    Files.copy(source, target);
                }
            }
        }
    }
}
