package org.masthead.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Runs the packaged jar as a newsroom would: starts it on a data directory, stops it, kills it with SIGKILL,
 * and checks that every next start finds the same content and loads nothing twice.
 */
class RestartAndKillIT {

    private static final Pattern FEED_LINK = Pattern.compile("<li class=\"feed-item\"[^>]*>\\s*<time[^>]*>.*?</time>\\s*<a href=\"([^\"]+)\"", Pattern.DOTALL);
    private static final Pattern SHOW_MORE = Pattern.compile("class=\"show-more\"[^>]*href=\"([^\"]+)\"");

    private final Path dataDir = Path.of("target", "test-data", "restart-it");
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (Process process : started) {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        // a SIGKILLed run may have left its PostgreSQL behind; a last start-and-stop shuts it down cleanly
        EmbeddedPostgresServer.stopLeftoverServer(dataDir.resolve("postgres").toAbsolutePath());
        FileSystemUtils.deleteRecursively(dataDir);
    }

    @Test
    void contentSurvivesAStopAndASigkillAndDemoContentLoadsOnce() throws Exception {
        FileSystemUtils.deleteRecursively(dataDir);

        App first = start("first");
        List<String> articles = allArticles(first);
        assertThat(articles).hasSize(74).doesNotHaveDuplicates();
        assertThat(first.log()).contains("Loaded the demo newsroom");
        first.process.destroy(); // SIGTERM: graceful shutdown
        assertThat(first.process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        App second = start("second");
        assertThat(allArticles(second)).isEqualTo(articles);
        assertThat(second.log()).contains("already has articles").doesNotContain("Loaded the demo newsroom");
        second.process.destroyForcibly(); // SIGKILL: PostgreSQL is left running, postmaster.pid stays
        assertThat(second.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(dataDir.resolve("postgres/postmaster.pid")).exists();

        App third = start("third");
        assertThat(allArticles(third)).isEqualTo(articles);
        assertThat(third.log()).contains("from an earlier run still holds").doesNotContain("Loaded the demo newsroom");
        assertThat(get(third, "/actuator/health").body()).contains("\"db\":{\"status\":\"UP\"");
    }

    record App(Process process, int port, Path logFile) {
        String log() throws IOException {
            return Files.readString(logFile);
        }
    }

    private App start(String name) throws Exception {
        Path jar = Path.of(System.getProperty("masthead.jar", "target/masthead.jar"));
        assertThat(jar).as("run after 'package': the packaged jar").exists();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createDirectories(Path.of("target", "restart-it-logs")).resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx512m", "-jar", jar.toString(),
                "--server.port=" + port, "--masthead.data-dir=" + dataDir)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        started.add(process);
        App app = new App(process, port, log);
        org.awaitility.Awaitility.await("the app is ready; see " + log).atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250)).ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    assertThat(process.isAlive()).as("the app is running; see " + log).isTrue();
                    return get(app, "/actuator/health/readiness").statusCode() == 200;
                });
        return app;
    }

    /** Every article, by walking the News Feed the way a reader without JavaScript would. */
    private List<String> allArticles(App app) throws Exception {
        List<String> links = new ArrayList<>();
        String path = "/news-feed";
        while (path != null) {
            HttpResponse<String> page = get(app, path);
            assertThat(page.statusCode()).isEqualTo(200);
            Matcher item = FEED_LINK.matcher(page.body());
            while (item.find()) {
                links.add(item.group(1));
            }
            Matcher more = SHOW_MORE.matcher(page.body());
            path = more.find() ? more.group(1) : null;
        }
        return links;
    }

    private HttpResponse<String> get(App app, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
