package org.masthead.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadApplication;
import org.masthead.content.Author;
import org.masthead.content.Authors;
import org.masthead.content.Section;
import org.masthead.content.Sections;
import org.masthead.support.NewsroomClient;
import org.masthead.support.ReaderClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * The database goes away under a running site: readers keep getting recent pages (stale-if-error) or a friendly
 * 503, the embedded server is brought back by itself, and nothing acknowledged is lost.
 */
class DatabaseOutageTests {

    private static final String ADMIN = "outage-admin@test";
    private static final String PASSWORD = "outage admin password";

    @Test
    void afterTheEmbeddedPostmasterIsKilledTheSiteServesAgainWithin30SecondsAndNoSaveIsLost() throws Exception {
        Path dataDir = Path.of("target", "test-data", "outage-embedded");
        FileSystemUtils.deleteRecursively(dataDir);
        try (ConfigurableApplicationContext app = start("--masthead.data-dir=" + dataDir)) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Desk desk = desk(app);
            NewsroomClient admin = NewsroomClient.signedIn(port, ADMIN, PASSWORD);
            List<String> acknowledged = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                acknowledged.add(publish(admin, desk, "Before the outage " + i));
            }
            ReaderClient reader = new ReaderClient(port);
            assertThat(reader.get("/").statusCode()).isEqualTo(200);

            long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).strip());
            assertThat(ProcessHandle.of(postmaster).orElseThrow().destroyForcibly()).isTrue(); // SIGKILL

            // meanwhile readers never see a server error
            for (int i = 0; i < 10; i++) {
                int status = reader.get("/sections/" + desk.section().slug() + "?before=1771581600000000." + i).statusCode();
                assertThat(status).isIn(200, 503);
            }
            long started = System.nanoTime();
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> publish(NewsroomClient.signedIn(port, ADMIN, PASSWORD), desk, "After the outage " + System.nanoTime()) != null);
            System.out.printf("Embedded PostgreSQL killed; the site published again after %d ms%n",
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            assertThat(reader.get("/").body()).contains("After the outage");
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            for (String headline : acknowledged) { // slugs of what the newsroom acknowledged
                assertThat(jdbc.sql("select count(*) from article where slug = ? and status = 'published'")
                        .param(headline).query(Long.class).single()).as(headline).isEqualTo(1);
            }
            assertThat(reader.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
            assertThat(reader.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        } finally {
            EmbeddedPostgresServer.stopLeftoverServer(dataDir.resolve("postgres").toAbsolutePath());
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    @Test
    void whileTheDatabaseIsUnreachableRecentPagesAreServedStaleAndOthersGetA503() throws Exception {
        Path dbDir = Path.of("target", "test-data", "outage-external-db");
        Path appDir = Path.of("target", "test-data", "outage-external-app");
        FileSystemUtils.deleteRecursively(dbDir);
        FileSystemUtils.deleteRecursively(appDir);
        EmbeddedPostgresServer database = EmbeddedPostgresServer.start(dbDir, 0, false);
        int databasePort = database.port();
        try (ConfigurableApplicationContext app = start("--masthead.data-dir=" + appDir,
                "--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(), "--masthead.page-cache.ttl=1s",
                "--spring.datasource.hikari.connection-timeout=1000")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Desk desk = desk(app);
            String slug = publish(NewsroomClient.signedIn(port, ADMIN, PASSWORD), desk, "Cached before the outage");
            // the search index's eviction after the publish is done, so the copy cached next is the one to outlive it
            org.masthead.support.Listeners.awaitAll(app.getBean(org.springframework.jdbc.core.simple.JdbcClient.class));
            ReaderClient reader = new ReaderClient(port);
            HttpResponse<String> fresh = reader.get("/articles/" + slug);
            assertThat(fresh.statusCode()).isEqualTo(200);
            assertThat(reader.get("/").statusCode()).isEqualTo(200);

            database.close();
            // once the page cache's own copy expires (ttl 1 s), the last good copy is all there is
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> reader.get("/articles/" + slug).headers().firstValue("Warning").isPresent());
            HttpResponse<String> stale = reader.get("/articles/" + slug);
            assertThat(stale.statusCode()).isEqualTo(200);
            assertThat(stale.body()).isEqualTo(fresh.body());
            assertThat(stale.headers().firstValue("Warning").orElse("")).startsWith("111");
            assertThat(Long.parseLong(stale.headers().firstValue("Age").orElse("-1"))).isGreaterThanOrEqualTo(1);
            assertThat(reader.get("/").statusCode()).isEqualTo(200);

            HttpResponse<String> neverCached = reader.get("/sections/" + desk.section().slug() + "?before=1771581600000000.1");
            assertThat(neverCached.statusCode()).isEqualTo(503);
            assertThat(neverCached.headers().firstValue("Retry-After")).isPresent();
            assertThat(neverCached.body()).contains("back shortly");

            database = EmbeddedPostgresServer.start(dbDir, databasePort, false);
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                    .until(() -> reader.get("/sections/" + desk.section().slug() + "?before=1771581600000000.1").statusCode() == 200);
            Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> reader.get("/articles/" + slug).headers().firstValue("Warning").isEmpty());
        } finally {
            database.close();
            FileSystemUtils.deleteRecursively(dbDir);
            FileSystemUtils.deleteRecursively(appDir);
        }
    }

    record Desk(Section section, Author author) {
    }

    private static ConfigurableApplicationContext start(String... arguments) {
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--masthead.demo-content=false",
                "--masthead.admin.email=" + ADMIN, "--masthead.admin.password=" + PASSWORD,
                "--masthead.embedded-database.supervision-interval=500ms"));
        all.addAll(List.of(arguments));
        return new SpringApplicationBuilder(MastheadApplication.class).run(all.toArray(String[]::new));
    }

    private static Desk desk(ConfigurableApplicationContext app) {
        String unique = java.util.UUID.randomUUID().toString().substring(0, 8);
        return new Desk(app.getBean(Sections.class).create("Outage desk " + unique, "", 0),
                app.getBean(Authors.class).create("Outage writer " + unique, "Reporter", "", null, List.of()));
    }

    /** Publishes through the newsroom; returns the article's slug once the newsroom acknowledged it. */
    private static String publish(NewsroomClient admin, Desk desk, String headline) {
        HttpResponse<String> response = admin.post("/admin/articles", Map.of("headline", headline,
                "sectionId", String.valueOf(desk.section().id()), "authorIds", String.valueOf(desk.author().id()),
                "bodyMarkdown", "Written for the outage test.", "action", "publish"));
        if (response.statusCode() != 302) {
            throw new AssertionError("publish answered " + response.statusCode());
        }
        return org.masthead.text.Slugs.slugify(headline);
    }
}
