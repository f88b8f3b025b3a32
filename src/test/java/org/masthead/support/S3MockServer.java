package org.masthead.support;

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
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

/**
 * Adobe S3Mock, a real S3-compatible server, in a process of its own (it is a Spring Boot application of another
 * version than Masthead's): the build copies its executable jar to target/test-tools. One bucket, "media".
 */
public final class S3MockServer implements AutoCloseable {

    private final Process process;
    private final int port;

    private S3MockServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static S3MockServer start(String name) throws Exception {
        Path jar = Path.of("target", "test-tools", "s3mock.jar");
        assertThat(jar).as("copied by the build (process-test-resources)").exists();
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Files.createDirectories(Path.of("target", "s3mock-logs")).resolve(name + ".log");
        Process process = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString(), "--server.port=" + freePort(),
                "--com.adobe.testing.s3mock.httpPort=" + port, "--com.adobe.testing.s3mock.store.initialBuckets=media",
                "--com.adobe.testing.s3mock.store.retainFilesOnExit=false")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        Awaitility.await("S3Mock ready; see " + log).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(IOException.class).until(() -> http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/media/")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200);
        return new S3MockServer(process, port);
    }

    public int port() {
        return port;
    }

    /** What a Masthead node needs to keep its media in this server's bucket. */
    public List<String> nodeArguments() {
        return List.of("--masthead.media.store=s3", "--masthead.media.s3.bucket=media",
                "--masthead.media.s3.endpoint=http://127.0.0.1:" + port, "--masthead.media.s3.access-key=test",
                "--masthead.media.s3.secret-key=test");
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(20, TimeUnit.SECONDS);
    }
}
