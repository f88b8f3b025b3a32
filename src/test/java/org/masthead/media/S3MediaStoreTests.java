package org.masthead.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadApplication;
import org.masthead.system.EmbeddedPostgresServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Media in an S3-compatible bucket, against a real S3 server (Adobe S3Mock, its own process): two app nodes share
 * one bucket and one database, and a picture uploaded on node A — original and variants — is served by node B; a
 * bucket that is not there is a clear storage error, not a half-stored picture.
 */
class S3MediaStoreTests {

    private static org.masthead.support.S3MockServer s3;
    private static int s3Port;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void bucketAndTwoNodes() throws Exception {
        s3 = org.masthead.support.S3MockServer.start("s3-media-store");
        s3Port = s3.port();
        nodeA = node("--masthead.data-dir=target/test-data/s3-node-a", "--masthead.embedded-database.ephemeral=true");
        EmbeddedPostgresServer database = nodeA.getBean(EmbeddedPostgresServer.class);
        nodeB = node("--masthead.data-dir=target/test-data/s3-node-b", "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(), "--spring.datasource.password=" + database.password());
    }

    private static ConfigurableApplicationContext node(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--server.port=0", "--masthead.demo-content=false"));
        args.addAll(s3.nodeArguments());
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(MastheadApplication.class).run(args.toArray(String[]::new));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void aPictureUploadedOnOneNodeIsServedByTheOtherFromTheSharedBucket() throws Exception {
        assertThat(nodeA.getBean(MediaStore.class)).isInstanceOf(S3MediaStore.class);
        MediaLibrary library = nodeA.getBean(MediaLibrary.class);
        byte[] picture = UploadTestsSupport.jpeg(1400, 800);
        MediaFile stored = library.upload(picture, "harbour.jpg", null);
        assertThat(Path.of("target", "test-data", "s3-node-a", "media")).doesNotExist(); // nothing on a node's disk

        HttpClient http = HttpClient.newHttpClient();
        int portB = Integer.parseInt(nodeB.getEnvironment().getProperty("local.server.port"));
        HttpResponse<byte[]> original = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + portB + stored.url()))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(original.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(original.body()).isEqualTo(picture); // a clean JPEG is kept byte for byte
        List<MediaLibrary.Variant> variants = library.variants(stored.id());
        assertThat(variants).isNotEmpty();
        for (MediaLibrary.Variant variant : variants) {
            assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + portB + variant.url())).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).as(variant.url()).isEqualTo(200);
        }
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + portB + "/media/0000000000000000000000000000000a.jpg"))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);

        // the same bytes again are the same object, written once
        assertThat(nodeB.getBean(MediaStore.class).put(stored.fileName(), picture)).isFalse();
        nodeB.getBean(MediaStore.class).delete(stored.fileName());
        assertThat(nodeA.getBean(MediaStore.class).get(stored.fileName())).isEmpty();
    }

    @Test
    void aLocalMediaDirectoryIsCopiedIntoTheBucketAndTheCopyCanRunAgain() throws Exception {
        Path local = Files.createTempDirectory("masthead-media");
        byte[] bytes = UploadTestsSupport.jpeg(321, 123);
        String name = "ab" + "0123456789abcdef0123456789abcd.jpg";
        Files.createDirectories(local.resolve("ab"));
        Files.write(local.resolve("ab").resolve(name), bytes);

        MediaCopy copy = nodeA.getBean(MediaCopy.class);
        assertThat(copy.from(local)).isEqualTo(new MediaCopy.Copied(1, 0));
        assertThat(copy.from(local)).isEqualTo(new MediaCopy.Copied(0, 1));
        try (var in = nodeB.getBean(MediaStore.class).get(name).orElseThrow().getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
    }

    @Test
    void aBucketThatIsNotThereIsAClearStorageError() {
        S3MediaStore missing = new S3MediaStore("no-such-bucket", "http://127.0.0.1:" + s3Port, "us-east-1", "test", "test");
        assertThatThrownBy(() -> missing.put("0123456789abcdef0123456789abcdef.jpg", new byte[] {1, 2, 3}))
                .isInstanceOf(MediaStoreException.class).hasMessageContaining("could not be stored");
        missing.close();
    }
}
