package org.masthead.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.masthead.support.NewsroomClient;
import org.springframework.util.FileSystemUtils;

/**
 * Durable listeners survive a crash: the packaged app is killed with SIGKILL after a publish committed but while
 * its search listener could not finish (the test holds a lock it needs), and after the restart the article is
 * indexed, exactly once.
 */
class ListenerRecoveryIT {

    private final Path dataDir = Path.of("target", "test-data", "listener-recovery-it");
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (Process process : started) {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        EmbeddedPostgresServer.stopLeftoverServer(dataDir.resolve("postgres").toAbsolutePath());
        FileSystemUtils.deleteRecursively(dataDir);
    }

    @Test
    void aPublishWhoseSearchListenerDidNotFinishIsIndexedAfterTheAppIsKilledAndRestarted() throws Exception {
        FileSystemUtils.deleteRecursively(dataDir);
        App first = start("first");
        try (Connection database = connect()) {
            awaitNoOpenPublications(database);
            database.setAutoCommit(false);
            // writers of the search index wait for this lock; readers do not
            database.createStatement().execute("lock table search_document in exclusive mode");

            NewsroomClient admin = NewsroomClient.signedIn(first.port(), "admin@masthead.test", "admin-demo12");
            long section = single(database, "select id from section order by id limit 1");
            long author = single(database, "select id from author order by id limit 1");
            HttpResponse<String> publish = admin.post("/admin/articles", List.of(Map.entry("headline", "Zebrafinch census resumes"),
                    Map.entry("sectionId", String.valueOf(section)), Map.entry("authorIds", String.valueOf(author)),
                    Map.entry("bodyMarkdown", "Volunteers counted zebrafinches."), Map.entry("action", "publish")));
            assertThat(publish.statusCode()).isEqualTo(302);
            assertThat(get(first, "/articles/zebrafinch-census-resumes").statusCode()).as("the publish committed").isEqualTo(200);

            try (Connection observer = connect()) {
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> single(observer,
                        "select count(*) from event_publication where completion_date is null and listener_id like '%SearchIndexer%'") == 1);
            }
            first.process().destroyForcibly(); // SIGKILL between the commit and the listener's end
            assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            database.rollback();
        }

        App second = start("second");
        Awaitility.await("the article is found by search after the restart").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> get(second, "/search?q=zebrafinch").body().contains("Zebrafinch census resumes"));
        try (Connection database = connect()) {
            awaitNoOpenPublications(database);
            assertThat(single(database, "select count(*) from search_document d join article a on a.id = d.article_id"
                    + " where a.slug = 'zebrafinch-census-resumes'")).isEqualTo(1);
        }
        assertThat(Files.readString(second.logFile())).as("resubmitted on start, not by chance").contains("Resubmitting event publication");
    }

    record App(Process process, int port, Path logFile) {
    }

    private App start(String name) throws Exception {
        Path jar = Path.of(System.getProperty("masthead.jar", "target/masthead.jar"));
        assertThat(jar).as("run after 'package': the packaged jar").exists();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createDirectories(Path.of("target", "listener-recovery-it-logs")).resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx512m", "-jar", jar.toString(), "--server.port=" + port,
                "--masthead.data-dir=" + dataDir, "--logging.level.org.springframework.modulith.events=DEBUG")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        started.add(process);
        App app = new App(process, port, log);
        Awaitility.await("ready; see " + log).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptionsInstanceOf(IOException.class).until(() -> {
                    assertThat(process.isAlive()).as("the app is running; see " + log).isTrue();
                    return get(app, "/actuator/health/readiness").statusCode() == 200;
                });
        return app;
    }

    /** The embedded database as the app sees it: its port from postmaster.pid, its role from the credentials file. */
    private Connection connect() throws Exception {
        Path postgres = dataDir.resolve("postgres");
        String port = Files.readAllLines(postgres.resolve("postmaster.pid")).get(3).strip();
        Properties credentials = new Properties();
        try (Reader reader = Files.newBufferedReader(postgres.resolve("masthead-credentials.properties"))) {
            credentials.load(reader);
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/masthead",
                credentials.getProperty("application.role"), credentials.getProperty("application.password"));
    }

    private static void awaitNoOpenPublications(Connection database) {
        Awaitility.await("no open event publications").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> single(database, "select count(*) from event_publication where completion_date is null") == 0);
    }

    private static long single(Connection database, String sql) throws Exception {
        try (var statement = database.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private HttpResponse<String> get(App app, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
