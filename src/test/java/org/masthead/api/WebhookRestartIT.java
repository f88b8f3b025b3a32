package org.masthead.api;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.masthead.support.GhostClient;
import org.masthead.support.WebhookReceiver;
import org.masthead.system.LeftoverDatabases;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * A webhook call owed when the app is killed is not lost: the packaged app publishes while the target is down
 * (the delivery waits to be retried), is killed with SIGKILL, and after the restart — the target now up — the
 * call arrives, once, with its payload and signature.
 */
class WebhookRestartIT {

    /** The demo site's integration (README): an Editor, so it may publish and register webhooks. */
    private static final String ADMIN_KEY_ID = "5f0c1b2a1234567890abcdef";
    private static final String ADMIN_SECRET = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private final Path dataDir = Path.of("target", "test-data", "webhook-restart-it");
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (Process process : started) {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        LeftoverDatabases.stop(dataDir.resolve("postgres").toAbsolutePath());
        FileSystemUtils.deleteRecursively(dataDir);
    }

    @Test
    void aDeliveryOwedWhenTheAppIsKilledArrivesAfterTheRestart() throws Exception {
        FileSystemUtils.deleteRecursively(dataDir);
        int targetPort = freePort(); // nothing listens there yet: every attempt fails until the restart
        App first = start("first");
        GhostClient ghost = new GhostClient(first.port());
        String token = GhostClient.token(ADMIN_KEY_ID, ADMIN_SECRET, Instant.now(), "/admin/");
        GhostClient.Answer hook = ghost.admin(token, "POST", "webhooks/", Map.of("webhooks", List.of(Map.of(
                "event", "post.published", "target_url", "http://127.0.0.1:" + targetPort + "/hook", "secret", "restart"))));
        assertThat(hook.status()).as(hook.body()).isEqualTo(201);
        GhostClient.Answer post = ghost.admin(token, "POST", "posts/?source=html", Map.of("posts", List.of(Map.of(
                "title", "Published before the crash", "html", "<p>Owed a webhook.</p>", "status", "published",
                "authors", List.of("reporter@masthead.test"), "tags", List.of("Politics")))));
        assertThat(post.status()).as(post.body()).isEqualTo(201);
        try (Connection database = connect()) {
            Awaitility.await("a failed attempt").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> single(database, "select coalesce(max(attempts), 0) from webhook_delivery") >= 1);
            assertThat(single(database, "select count(*) from webhook_delivery where status = 'pending'")).isEqualTo(1);
        }
        first.process().destroyForcibly();
        assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();

        try (WebhookReceiver receiver = WebhookReceiver.start(targetPort)) {
            start("second");
            Awaitility.await("the owed call").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> receiver.callsTo("/hook").size() >= 1);
            try (Connection database = connect()) {
                // delivered and nothing left owed: the sender has no call it could send again
                Awaitility.await("recorded as delivered").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                        .until(() -> single(database, "select count(*) from webhook_delivery where status = 'delivered'") == 1
                                && single(database, "select count(*) from webhook_delivery where status = 'pending'") == 0);
            }
            List<WebhookReceiver.Call> calls = receiver.callsTo("/hook");
            assertThat(calls).hasSize(1);
            JsonNode payload = GhostClient.JSON.readTree(calls.get(0).bodyText());
            assertThat(payload.path("post").path("current").path("title").asString()).isEqualTo("Published before the crash");
            assertThat(calls.get(0).header("X-Ghost-Signature")).startsWith("sha256=");
            try (Connection database = connect()) {
                assertThat(single(database, "select count(*) from webhook_delivery where status = 'delivered'")).isEqualTo(1);
            }
        }
    }

    record App(Process process, int port, Path logFile) {
    }

    private App start(String name) throws Exception {
        Path jar = Path.of(System.getProperty("masthead.jar", "target/masthead.jar"));
        assertThat(jar).as("run after 'package': the packaged jar").exists();
        int port = freePort();
        Path log = Files.createDirectories(Path.of("target", "webhook-restart-it-logs")).resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx512m", "-jar", jar.toString(), "--server.port=" + port,
                "--masthead.data-dir=" + dataDir, "--masthead.webhooks.allow-private-targets=true",
                "--masthead.webhooks.first-retry=1s", "--masthead.webhooks.max-retry-interval=2s",
                "--masthead.webhooks.poll-interval=250ms")
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
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
