package org.masthead.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.masthead.content.Authors;
import org.masthead.identity.StaffAccounts;
import org.masthead.content.Sections;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.Staff;
import org.masthead.support.NewsroomClient;
import org.masthead.system.MastheadProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A read-only or full media disk, made real by mounting a small tmpfs over the media directory: the uploader is
 * told what happened, no partial file stays behind and nothing reaches the database.
 */
@EmptySiteTest
class MediaStoreFaultTests {

    @Autowired MastheadProperties properties;
    @Autowired JdbcClient jdbc;
    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired StaffAccounts accounts;
    @LocalServerPort int port;

    @Test
    void aReadOnlyMediaDiskGivesTheEditorAClearErrorAndStoresNothing() throws Exception {
        refusedWhileMounted("ro,size=1m", "read-only", UploadTestsSupport.jpeg(500, 300));
    }

    @Test
    void aFullMediaDiskGivesTheEditorAClearErrorAndLeavesNoPartialFile() throws Exception {
        refusedWhileMounted("size=16k", "full", UploadTestsSupport.jpeg(1200, 900));
    }

    private void refusedWhileMounted(String options, String expectedWord, byte[] picture) throws Exception {
        Staff staff = Staff.create(sections, authors, accounts);
        NewsroomClient editor = NewsroomClient.signedIn(port, staff.editor().email(), Staff.PASSWORD);
        Path media = Files.createDirectories(properties.mediaDir()).toAbsolutePath();
        mount(options, media);
        try {
            long rowsBefore = jdbc.sql("select (select count(*) from media) + (select count(*) from media_variant)"
                    + " + (select count(*) from article)").query(Long.class).single();
            HttpResponse<String> library = editor.postMultipart("/admin/media", List.of(Map.entry("alt", "A picture")),
                    "file", "fault.jpg", "image/jpeg", picture);
            assertThat(library.statusCode()).isBetween(400, 599).isNotEqualTo(500);
            assertThat(Jsoup.parse(library.body()).select("[role=alert]").text()).contains("could not be stored", expectedWord);

            HttpResponse<String> article = editor.postMultipart("/admin/articles", List.of(Map.entry("headline", "Fault " + staff.section().slug()),
                    Map.entry("sectionId", String.valueOf(staff.section().id())), Map.entry("action", "save")),
                    "leadImageFile", "fault.jpg", "image/jpeg", picture);
            assertThat(article.statusCode()).isBetween(400, 599).isNotEqualTo(500);
            assertThat(Jsoup.parse(article.body()).selectFirst("#leadImageFile-error").text()).contains("could not be stored");

            assertThat(jdbc.sql("select (select count(*) from media) + (select count(*) from media_variant)"
                    + " + (select count(*) from article)").query(Long.class).single()).isEqualTo(rowsBefore);
            try (Stream<Path> files = Files.walk(media)) {
                assertThat(files.filter(Files::isRegularFile).map(Path::getFileName).map(Path::toString).toList())
                        .noneMatch(name -> name.endsWith(".tmp"));
            }
        } finally {
            run("umount", "-l", media.toString());
        }
    }

    private static void mount(String options, Path at) throws IOException, InterruptedException {
        int exit = run("mount", "-t", "tmpfs", "-o", options, "masthead-test-media", at.toString());
        if (exit != 0) {
            String message = "MediaStoreFaultTests need to mount a tmpfs (root with CAP_SYS_ADMIN); mount exited " + exit;
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message);
            }
            System.err.println("SKIPPED LOUDLY: " + message);
            Assumptions.abort(message);
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().transferTo(System.err);
        return process.waitFor();
    }
}
