package org.masthead.archive.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.archive.ImportArchives;
import org.masthead.content.Authors;
import org.masthead.content.Sections;
import org.masthead.identity.StaffAccounts;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.NewsroomClient;
import org.masthead.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The newsroom's import screen: upload, dry run, start, progress, report — for Administrators only. */
@EmptySiteTest
class ImportScreenTests {

    private static final Pattern JOB = Pattern.compile("/admin/imports/(\\d+)$");

    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired StaffAccounts accounts;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    Staff staff;
    NewsroomClient admin;
    String unique;

    @BeforeEach
    void signIn() {
        staff = Staff.create(sections, authors, accounts);
        admin = NewsroomClient.signedIn(port, staff.administrator().email(), Staff.PASSWORD);
        admin.loadCsrfFrom("/admin/imports");
        unique = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aDryRunReportsWithoutWritingAndStartingItImportsTheSameFile() {
        long id = upload(ImportArchives.wordpress(unique, 3), true);
        Document dryRun = finished(id);
        assertThat(dryRun.select("[role=status]").text()).contains("Dry run finished: nothing was written.");
        assertThat(dryRun.select("dl.counts").text()).contains("Would create 3");
        assertThat(dryRun.select("progress").attr("value")).isEqualTo("100");
        assertThat(stories()).isZero();

        HttpResponse<String> started = admin.post("/admin/imports/" + id + "/start", Map.of());
        assertThat(started.statusCode()).isEqualTo(302);
        Matcher real = JOB.matcher(started.headers().firstValue("Location").orElseThrow());
        assertThat(real.find()).isTrue();
        Document done = finished(Long.parseLong(real.group(1)));
        assertThat(done.select("[role=status]").text()).contains("Import finished.");
        assertThat(done.select("dl.counts").text()).contains("Created 3");
        assertThat(stories()).isEqualTo(3);

        HttpResponse<String> report = admin.get("/admin/imports/" + real.group(1) + "/report.txt");
        assertThat(report.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        assertThat(report.body()).contains("Created: 3").contains("Posts in the archive: 3");
    }

    @Test
    void aFileThatIsNoArchiveIsRefusedWithTheReason() {
        HttpResponse<String> refused = admin.postMultipart("/admin/imports", List.of(Map.entry("dryRun", "true")), "archive",
                "notes.txt", "text/plain", "just some notes".getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.body()).select("[role=alert]").text())
                .contains("neither a WordPress export (WXR, XML) nor a Ghost export (JSON)");
    }

    @Test
    void onlyAdministratorsMayImport() {
        NewsroomClient editor = NewsroomClient.signedIn(port, staff.editor().email(), Staff.PASSWORD);
        assertThat(editor.get("/admin/imports").statusCode()).isEqualTo(403);
        assertThat(editor.get("/admin/exports/site.json").statusCode()).isEqualTo(403);
    }

    @Test
    void theExportIsDownloadedFromTheScreen() {
        HttpResponse<String> export = admin.get("/admin/exports/site.json");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        assertThat(export.body()).startsWith("{\"db\":[{\"meta\":");
    }

    private long upload(String archive, boolean dryRun) {
        HttpResponse<String> uploaded = admin.postMultipart("/admin/imports", List.of(Map.entry("dryRun", String.valueOf(dryRun))),
                "archive", "wordpress.xml", "application/xml", archive.getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
        Matcher job = JOB.matcher(uploaded.headers().firstValue("Location").orElseThrow());
        assertThat(job.find()).isTrue();
        return Long.parseLong(job.group(1));
    }

    /** The job's page once it has finished; while it runs the page asks the browser to reload it. */
    private Document finished(long id) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            HttpResponse<String> page = admin.get("/admin/imports/" + id);
            assertThat(page.statusCode()).isEqualTo(200);
            Document document = Jsoup.parse(page.body());
            boolean running = page.headers().firstValue("Refresh").isPresent();
            return running ? null : document;
        }, document -> document != null);
    }

    private long stories() {
        return jdbc.sql("select count(*) from article where headline like ?").param("Story % " + unique)
                .query(Long.class).single();
    }
}
