package org.masthead.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.archive.source.ArchiveFormatException;
import org.masthead.content.ArchiveImports;
import org.masthead.content.Sections;
import org.masthead.media.UploadTestsSupport;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.ReaderClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The import pipeline end to end on a WordPress export written for it: people, sections, tags, statuses, pictures
 * fetched from the old site over HTTP, old addresses answering with 301s, re-runs that change nothing, a
 * truncated file that writes nothing, and a run stopped half-way that resumes.
 */
@EmptySiteTest
class ArchiveImportTests {

    private static final byte[] HARBOUR = UploadTestsSupport.jpeg(731, 411);
    private static final byte[] CRANES = UploadTestsSupport.jpeg(733, 412);
    private static HttpServer oldSite;
    private static final AtomicInteger pictureRequests = new AtomicInteger();

    @Autowired ArchiveImporter importer;
    @Autowired ArchiveImports imports;
    @Autowired ImportPictures pictures;
    @Autowired Sections sections;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;
    @TempDir Path folder;

    /** Makes this test's archive a site of its own, so its keys, slugs and paths meet no other test's. */
    private String site;
    private String unique;

    @BeforeAll
    static void startOldSite() throws IOException {
        oldSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        oldSite.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = path.endsWith("/harbour.jpg") ? HARBOUR : path.endsWith("/cranes.jpg") ? CRANES : null;
            if (body != null) {
                pictureRequests.incrementAndGet();
            }
            exchange.getResponseHeaders().set("Content-Type", body == null ? "text/plain" : "image/jpeg");
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (body != null) {
                    out.write(body);
                }
            }
        });
        oldSite.start();
    }

    @AfterAll
    static void stopOldSite() {
        oldSite.stop(0);
    }

    @BeforeEach
    void newSite() {
        unique = UUID.randomUUID().toString().substring(0, 8);
        site = "http://127.0.0.1:" + oldSite.getAddress().getPort() + "/" + unique;
    }

    @Test
    void aWordPressArchiveArrivesWithBylinesSectionsTagsPicturesAndDates() throws IOException {
        ImportReport report = run(archive(), false);

        assertThat(report.created()).isEqualTo(4);
        assertThat(report.failed()).isZero();
        assertThat(report.imagesStored()).isEqualTo(2);
        assertThat(report.imagesFailed()).as(report.text(null)).isEqualTo(2); // missing.jpg and the hostile "x"
        assertThat(report.lines()).anySatisfy(line -> assertThat(line).contains("missing.jpg").contains("HTTP 404"));
        assertThat(report.lines()).anySatisfy(line -> assertThat(line).contains("lead picture has no credit"));
        assertThat(report.skipped()).containsKeys("trash");

        Long id = article("Harbour deal signed " + unique);
        assertThat(jdbc.sql("select status from article where id = ?").param(id).query(String.class).single()).isEqualTo("published");
        assertThat(jdbc.sql("select published_at from article where id = ?").param(id).query(java.time.OffsetDateTime.class)
                .single().toInstant()).isEqualTo(Instant.parse("2024-02-20T09:30:00Z"));
        assertThat(jdbc.sql("""
                select au.name from article_author aa join author au on au.id = aa.author_id where aa.article_id = ? order by aa.position
                """).param(id).query(String.class).list()).containsExactly("Ana Reyes " + unique, "Tom Vell " + unique);
        assertThat(jdbc.sql("select s.name from article a join section s on s.id = a.section_id where a.id = ?").param(id)
                .query(String.class).single()).isEqualTo("World " + unique);
        assertThat(jdbc.sql("select t.name from article_tag at join tag t on t.id = at.tag_id where at.article_id = ? order by at.position")
                .param(id).query(String.class).list()).containsExactly("Ports " + unique);
        assertThat(jdbc.sql("select featured from article where id = ?").param(id).query(Boolean.class).single()).isTrue();

        record Lead(String alt, String caption, String html) {
        }
        Lead lead = jdbc.sql("select lead_image_alt, lead_image_caption, body_html from article where id = ?").param(id)
                .query((rs, n) -> new Lead(rs.getString(1), rs.getString(2), rs.getString(3))).single();
        assertThat(lead.alt()).isEqualTo("Cranes at dawn");
        assertThat(lead.caption()).isEqualTo("The new cranes at the port.");
        // the picture that came in points at the library; the unreachable one keeps its address and is reported
        assertThat(lead.html()).contains("/media/").doesNotContain(site + "/wp-content/uploads/2024/02/harbour.jpg")
                .doesNotContain("<script").doesNotContain("onerror");
        assertThat(lead.html()).contains("What was agreed</h2>");

        Long draft = article("Notes for later " + unique);
        assertThat(jdbc.sql("select status from article where id = ?").param(draft).query(String.class).single()).isEqualTo("draft");
        Long page = jdbc.sql("select id from article where kind = 'page' and headline = ?").param("About us " + unique)
                .query(Long.class).single();
        assertThat(page).isNotNull();
    }

    @Test
    void oldAddressesAnswerWithAPermanentRedirectToTheImportedArticle() throws IOException {
        run(archive(), false);
        String slug = jdbc.sql("select slug from article where headline = ?").param("Harbour deal signed " + unique)
                .query(String.class).single();
        ReaderClient reader = new ReaderClient(port);

        HttpResponse<String> permalink = reader.get("/2024/02/20/harbour-deal-" + unique + "/");
        assertThat(permalink.statusCode()).as(jdbc.sql("select path from article_old_path o join article a on a.id = o.article_id where a.slug = ?")
                .param(slug).query(String.class).list().toString()).isEqualTo(301);
        assertThat(permalink.headers().firstValue("Location").orElseThrow()).endsWith("/articles/" + slug);

        HttpResponse<String> shortLink = reader.get("/?p=" + postId(1));
        assertThat(shortLink.statusCode()).isEqualTo(301);
        assertThat(shortLink.headers().firstValue("Location").orElseThrow()).endsWith("/articles/" + slug);

        assertThat(reader.get("/2024/02/20/never-existed-" + unique + "/").statusCode()).isEqualTo(404);
        // a draft's old address does not reveal it
        assertThat(reader.get("/?p=" + postId(2)).statusCode()).isEqualTo(200);
    }

    @Test
    void importingTheSameFileAgainChangesNothingAndFetchesNothing() throws IOException {
        Path file = archive();
        run(file, false);
        long articles = count("article");
        long authors = count("author");
        long tags = count("tag");
        long media = count("media");
        int fetched = pictureRequests.get();

        ImportReport again = run(file, false);

        assertThat(again.created()).isZero();
        assertThat(again.unchanged()).isEqualTo(4);
        assertThat(count("article")).isEqualTo(articles);
        assertThat(count("author")).isEqualTo(authors);
        assertThat(count("tag")).isEqualTo(tags);
        assertThat(count("media")).isEqualTo(media);
        assertThat(pictureRequests.get()).isEqualTo(fetched);
    }

    @Test
    void aDryRunReportsWhatWouldHappenAndWritesNothing() throws IOException {
        long articles = count("article");
        ImportReport report = run(archive(), true);

        assertThat(report.dryRun()).isTrue();
        assertThat(report.totalPosts()).isEqualTo(4);
        assertThat(report.created()).isEqualTo(4);
        assertThat(count("article")).isEqualTo(articles);
        assertThat(report.text(null)).startsWith("Dry run: nothing was written.");
    }

    @Test
    void aTruncatedFileIsRefusedWithTheReasonAndNothingIsWritten() throws IOException {
        String whole = Files.readString(archive());
        Path truncated = folder.resolve("truncated.xml");
        Files.writeString(truncated, whole.substring(0, whole.indexOf("</item>", whole.indexOf("</item>") + 1)));
        long articles = count("article");
        long authors = count("author");

        assertThatThrownBy(() -> run(truncated, false)).isInstanceOf(ArchiveFormatException.class)
                .hasMessageContaining("line");
        assertThat(count("article")).isEqualTo(articles);
        assertThat(count("author")).isEqualTo(authors);
    }

    @Test
    void anImportStoppedHalfWayResumesWithoutDuplicates() throws IOException {
        Path file = archive();
        ArchiveImporter smallBatches = new ArchiveImporter(imports, sections, pictures, 2, 2);
        AtomicInteger reports = new AtomicInteger();
        // the first report is the check of the file, the second comes after the first batch of two
        assertThatThrownBy(() -> smallBatches.run(new ArchiveImporter.Request(file, null, false, "test"), progress -> {
            if (reports.incrementAndGet() == 2) {
                throw new IllegalStateException("the node died");
            }
        })).hasMessageContaining("the node died");
        assertThat(imported()).isEqualTo(2);

        ImportReport resumed = smallBatches.run(new ArchiveImporter.Request(file, null, false, "test"), progress -> { });

        assertThat(resumed.unchanged()).isEqualTo(2);
        assertThat(resumed.created()).isEqualTo(2);
        assertThat(imported()).isEqualTo(4);
    }

    @Test
    void importedArticlesAreFoundBySearch() throws IOException {
        run(archive(), false);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(new ReaderClient(port).get("/search?q=" + unique).body()).contains("Harbour deal signed " + unique));
    }

    private long imported() {
        return jdbc.sql("select count(*) from article where import_key like ?").param(site + "|%").query(Long.class).single();
    }

    private ImportReport run(Path file, boolean dryRun) {
        List<Long> seen = new ArrayList<>();
        return importer.run(new ArchiveImporter.Request(file, null, dryRun, "test"), report -> seen.add(report.processed()));
    }

    private Long article(String headline) {
        return jdbc.sql("select id from article where headline = ?").param(headline).query(Long.class).single();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    /** WordPress post ids of this test's archive: unique across tests, as the redirects are site-wide. */
    private int postId(int n) {
        return Math.abs(unique.hashCode() % 100_000) * 10 + n;
    }

    private Path archive() throws IOException {
        String xml = """
                <?xml version="1.0" encoding="UTF-8" ?>
                <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                     xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
                     xmlns:wp="http://wordpress.org/export/1.2/">
                <channel>
                  <title>Old site</title>
                  <link>SITE</link>
                  <language>en-US</language>
                  <wp:wxr_version>1.2</wp:wxr_version>
                  <wp:base_site_url>SITE</wp:base_site_url>
                  <wp:base_blog_url>SITE</wp:base_blog_url>
                  <wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[ana]]></wp:author_login>
                    <wp:author_email><![CDATA[ana@example.org]]></wp:author_email>
                    <wp:author_display_name><![CDATA[Ana Reyes U]]></wp:author_display_name></wp:author>
                  <wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[tom]]></wp:author_login>
                    <wp:author_email><![CDATA[tom@example.org]]></wp:author_email>
                    <wp:author_display_name><![CDATA[Tom Vell U]]></wp:author_display_name></wp:author>
                  <wp:category><wp:term_id>3</wp:term_id><wp:category_nicename><![CDATA[world-U]]></wp:category_nicename>
                    <wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[World U]]></wp:cat_name></wp:category>
                  <wp:tag><wp:term_id>4</wp:term_id><wp:tag_slug><![CDATA[ports-U]]></wp:tag_slug><wp:tag_name><![CDATA[Ports U]]></wp:tag_name></wp:tag>
                  <item>
                    <title><![CDATA[Harbour deal signed U]]></title>
                    <link>SITE/2024/02/20/harbour-deal-U/</link>
                    <pubDate>Tue, 20 Feb 2024 09:30:00 +0000</pubDate>
                    <dc:creator><![CDATA[ana]]></dc:creator>
                    <description></description>
                    <content:encoded><![CDATA[<!-- wp:paragraph --><p>The port and the union signed the deal.</p><!-- /wp:paragraph -->
                <!-- wp:heading --><h2 class="wp-block-heading">What was agreed</h2><!-- /wp:heading -->
                <!-- wp:image {"id":91} --><figure class="wp-block-image"><img src="SITE/wp-content/uploads/2024/02/harbour.jpg" alt="The harbour"/><figcaption>The harbour at noon.</figcaption></figure><!-- /wp:image -->
                <!-- wp:image --><figure class="wp-block-image"><img src="SITE/wp-content/uploads/2024/02/missing.jpg" alt="Gone"/></figure><!-- /wp:image -->
                <!-- wp:html --><p>Evil <img src=x onerror="alert(1)"><script>alert(2)</script></p><!-- /wp:html -->]]></content:encoded>
                    <excerpt:encoded><![CDATA[Dockers and owners agree on pay.]]></excerpt:encoded>
                    <wp:post_id>P1</wp:post_id>
                    <wp:post_date><![CDATA[2024-02-20 10:30:00]]></wp:post_date>
                    <wp:post_date_gmt><![CDATA[2024-02-20 09:30:00]]></wp:post_date_gmt>
                    <wp:post_modified_gmt><![CDATA[2024-02-21 08:00:00]]></wp:post_modified_gmt>
                    <wp:post_name><![CDATA[harbour-deal-U]]></wp:post_name>
                    <wp:status><![CDATA[publish]]></wp:status>
                    <wp:post_parent>0</wp:post_parent>
                    <wp:post_type><![CDATA[post]]></wp:post_type>
                    <wp:post_password><![CDATA[]]></wp:post_password>
                    <wp:is_sticky>1</wp:is_sticky>
                    <category domain="category" nicename="world-U"><![CDATA[World U]]></category>
                    <category domain="post_tag" nicename="ports-U"><![CDATA[Ports U]]></category>
                    <category domain="author" nicename="cap-ana"><![CDATA[Ana Reyes U]]></category>
                    <category domain="author" nicename="cap-tom"><![CDATA[Tom Vell U]]></category>
                    <wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[P9]]></wp:meta_value></wp:postmeta>
                    <wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_content><![CDATA[Great]]></wp:comment_content></wp:comment>
                  </item>
                  <item>
                    <title><![CDATA[Notes for later U]]></title>
                    <link>SITE/?p=P2</link>
                    <dc:creator><![CDATA[tom]]></dc:creator>
                    <content:encoded><![CDATA[Just notes.]]></content:encoded>
                    <excerpt:encoded><![CDATA[]]></excerpt:encoded>
                    <wp:post_id>P2</wp:post_id>
                    <wp:post_date><![CDATA[2024-03-01 10:00:00]]></wp:post_date>
                    <wp:post_date_gmt><![CDATA[0000-00-00 00:00:00]]></wp:post_date_gmt>
                    <wp:post_name><![CDATA[]]></wp:post_name>
                    <wp:status><![CDATA[draft]]></wp:status>
                    <wp:post_type><![CDATA[post]]></wp:post_type>
                    <category domain="category" nicename="world-U"><![CDATA[World U]]></category>
                  </item>
                  <item>
                    <title><![CDATA[Ferry timetable changes U]]></title>
                    <link>SITE/2024/01/05/ferry-U/</link>
                    <dc:creator><![CDATA[tom]]></dc:creator>
                    <content:encoded><![CDATA[First line.

                Second paragraph with a picture: <img src="/U/wp-content/uploads/2024/02/harbour.jpg" alt="Harbour again">]]></content:encoded>
                    <excerpt:encoded><![CDATA[]]></excerpt:encoded>
                    <wp:post_id>P3</wp:post_id>
                    <wp:post_date_gmt><![CDATA[2024-01-05 07:00:00]]></wp:post_date_gmt>
                    <wp:post_name><![CDATA[ferry-U]]></wp:post_name>
                    <wp:status><![CDATA[publish]]></wp:status>
                    <wp:post_type><![CDATA[post]]></wp:post_type>
                    <category domain="category" nicename="world-U"><![CDATA[World U]]></category>
                  </item>
                  <item>
                    <title><![CDATA[About us U]]></title>
                    <link>SITE/about-U/</link>
                    <dc:creator><![CDATA[ana]]></dc:creator>
                    <content:encoded><![CDATA[<p>We report on the port.</p>]]></content:encoded>
                    <wp:post_id>P4</wp:post_id>
                    <wp:post_date_gmt><![CDATA[2023-06-01 07:00:00]]></wp:post_date_gmt>
                    <wp:post_name><![CDATA[about-U]]></wp:post_name>
                    <wp:status><![CDATA[publish]]></wp:status>
                    <wp:post_type><![CDATA[page]]></wp:post_type>
                  </item>
                  <item>
                    <title><![CDATA[Binned U]]></title>
                    <wp:post_id>P5</wp:post_id>
                    <wp:status><![CDATA[trash]]></wp:status>
                    <wp:post_type><![CDATA[post]]></wp:post_type>
                  </item>
                  <item>
                    <title><![CDATA[cranes]]></title>
                    <wp:post_id>P9</wp:post_id>
                    <wp:status><![CDATA[inherit]]></wp:status>
                    <wp:post_type><![CDATA[attachment]]></wp:post_type>
                    <wp:attachment_url><![CDATA[SITE/wp-content/uploads/2024/02/cranes.jpg]]></wp:attachment_url>
                    <excerpt:encoded><![CDATA[The new cranes at the port.]]></excerpt:encoded>
                    <wp:postmeta><wp:meta_key><![CDATA[_wp_attachment_image_alt]]></wp:meta_key><wp:meta_value><![CDATA[Cranes at dawn]]></wp:meta_value></wp:postmeta>
                  </item>
                </channel>
                </rss>
                """;
        for (int n = 9; n >= 1; n--) {
            xml = xml.replace("P" + n, String.valueOf(postId(n)));
        }
        xml = xml.replace("SITE", site).replace("/U/", "/" + unique + "/").replace(" U]", " " + unique + "]")
                .replace("-U", "-" + unique).replace(" U<", " " + unique + "<");
        Path file = folder.resolve("wordpress-" + unique + ".xml");
        Files.writeString(file, xml, StandardCharsets.UTF_8);
        return file;
    }
}
