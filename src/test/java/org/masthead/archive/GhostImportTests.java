package org.masthead.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.api.integrations.Integration;
import org.masthead.api.integrations.Integrations;
import org.masthead.archive.source.ArchiveFormatException;
import org.masthead.content.Actor;
import org.masthead.media.UploadTestsSupport;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.GhostClient;
import org.masthead.support.ReaderClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ghost exports through the whole import pipeline: the Ghost 6 download (ids and uuids kept and served by the
 * Content API, co-authors and tags in their sort order, the internal tag hidden from readers, the feature image's
 * alt text and caption, statuses, the duplicate slug, hostile markup, old addresses), the flat Ghost 1.x file with
 * mobiledoc only, Lexical-only posts, a truncated file; and the real WordPress theme unit test data.
 *
 * <p>Ghost ids, uuids and slugs are global, so every fixture is imported from a copy made unique to this run: its
 * ids and uuids get a fresh prefix, its slugs and names a suffix, and it says which site it came from (Ghost's
 * {@code url} setting, under the reserved {@code .invalid} domain), which scopes its import keys. Its pictures
 * therefore fail fast ("unknown host"), except the one this test hands over in a media folder.
 */
@EmptySiteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GhostImportTests {

    // the Ghost 6 fixture's posts
    private static final String GENEVA = "6650a1b2c3d4e5f6a7ba0001";
    private static final String ABOUT = "6650a1b2c3d4e5f6a7ba0002";
    private static final String BUDGET = "6650a1b2c3d4e5f6a7ba0003";
    private static final String DRAFT_NOTES = "6650a1b2c3d4e5f6a7ba0004";
    private static final String NEWSLETTER = "6650a1b2c3d4e5f6a7ba0005";
    private static final String CAFE = "6650a1b2c3d4e5f6a7ba0006";
    private static final String GENEVA_COPY = "6650a1b2c3d4e5f6a7ba0007";
    private static final String HOSTILE = "6650a1b2c3d4e5f6a7ba0008";
    private static final String LETTERS = "6650a1b2c3d4e5f6a7ba0009";
    /** Ghost 6's scheduled post is planned for 2026-01-15, which may have passed: the copy plans it for later. */
    private static final String FIXTURE_PLANNED = "\"published_at\": \"2026-01-15T08:00:00.000Z\"";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired ArchiveImporter importer;
    @Autowired Integrations integrations;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;
    @TempDir static Path folder;

    private Fixture ghost6;
    private Instant plannedFor;
    private ImportReport ghost6Report;

    /** The Ghost 6 export is imported once; the tests below read what it made. */
    @BeforeAll
    void importTheGhost6Export() throws IOException {
        plannedFor = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        ghost6 = Fixture.of("ghost-6-export.json", json -> {
            assertThat(json).contains(FIXTURE_PLANNED);
            return json.replace(FIXTURE_PLANNED, "\"published_at\": \"" + plannedFor + "\"");
        });
        // the feature image of "Geneva talks resume" comes with the import, as Ghost's content/images; the rest is fetched
        Path media = folder.resolve("media-" + ghost6.unique());
        Path geneva = media.resolve("content/images/2025/06/geneva.jpg");
        Files.createDirectories(geneva.getParent());
        Files.write(geneva, UploadTestsSupport.jpeg(743, 421));
        ghost6Report = importer.run(new ArchiveImporter.Request(ghost6.file(), media, false, "test"), progress -> { });
    }

    // --- Ghost 6

    @Test
    void theGhost6ExportImportsEveryPostButTheDuplicateSlugWhichIsReportedAsSkipped() {
        ImportReport report = ghost6Report;

        assertThat(report.failed()).as(report.text(null)).isZero();
        assertThat(report.totalPosts()).isEqualTo(8);
        assertThat(report.created()).isEqualTo(8);
        assertThat(report.unchanged()).isZero();
        assertThat(report.skipped()).containsEntry("duplicate slug", 1L);
        assertThat(report.lines()).anySatisfy(line -> assertThat(line).startsWith("skipped duplicate slug:")
                .contains("Geneva talks resume (copy)").contains(ghost6.id(GENEVA_COPY)).contains(ghost6.id(GENEVA)));

        assertThat(jdbc.sql("select count(*) from article where import_key like ?").param(ghost6.site() + "|%")
                .query(Long.class).single()).isEqualTo(8);
        assertThat(find(ghost6.key(GENEVA_COPY))).isNull();
        assertThat(stored(ghost6.key(GENEVA)).headline()).isEqualTo("Geneva talks resume");
    }

    @Test
    void aPostKeepsItsGhostIdAndUuidAndTheContentApiServesItByThatId() {
        Stored geneva = stored(ghost6.key(GENEVA));
        assertThat(geneva.publicId()).isEqualTo(ghost6.id(GENEVA));
        assertThat(geneva.uuid()).isEqualTo(ghost6.uuid("0f1e2d3c-4b5a-4697-8877-665544330001"));
        assertThat(geneva.featured()).isTrue();
        assertThat(geneva.publishedAt()).isEqualTo(Instant.parse("2025-06-30T09:15:00Z"));

        Integration app = integrations.create("Ghost import reader " + ghost6.unique(), "", Actor.Role.CONTRIBUTOR, 1L);
        GhostClient.Answer answer = new GhostClient(port).content(app, "posts/" + ghost6.id(GENEVA) + "/", "include=tags,authors");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode post = answer.json().path("posts").path(0);
        assertThat(post.path("id").asString()).isEqualTo(ghost6.id(GENEVA));
        assertThat(post.path("uuid").asString()).isEqualTo(geneva.uuid());
        assertThat(post.path("title").asString()).isEqualTo("Geneva talks resume");
        assertThat(post.path("slug").asString()).isEqualTo(ghost6.slug("geneva-talks-resume"));
        assertThat(post.path("custom_excerpt").asString()).isEqualTo("Delegations met again after a three-month pause.");
        assertThat(post.path("canonical_url").asString()).isEqualTo("https://wire.example/geneva");
        assertThat(post.path("featured").asBoolean()).isTrue();
        assertThat(post.path("published_at").asString()).startsWith("2025-06-30T09:15:00");
        assertThat(post.path("authors")).extracting(author -> author.path("name").asString())
                .containsExactly(ghost6.name("Jonas Berg"), ghost6.name("Amina Diallo"));
        // the internal #hero tag is kept on the article, but the Content API does not show it
        assertThat(post.path("tags")).extracting(tag -> tag.path("name").asString())
                .containsExactly(ghost6.name("News"), ghost6.name("Climate"));
        assertThat(post.path("primary_tag").path("name").asString()).isEqualTo(ghost6.name("News"));
        assertThat(post.path("feature_image").asString()).isNotBlank().doesNotContain(".invalid");

        // a draft keeps its Ghost id too, and the Content API does not serve it
        assertThat(stored(ghost6.key(DRAFT_NOTES)).publicId()).isEqualTo(ghost6.id(DRAFT_NOTES));
        assertThat(new GhostClient(port).content(app, "posts/" + ghost6.id(DRAFT_NOTES) + "/", "").status()).isEqualTo(404);
    }

    @Test
    void coAuthorsAndTagsFollowGhostsSortOrderAndTheInternalTagIsKeptButNotShownToReaders() {
        Stored geneva = stored(ghost6.key(GENEVA));

        assertThat(jdbc.sql("""
                select au.name from article_author aa join author au on au.id = aa.author_id
                where aa.article_id = ? order by aa.position
                """).param(geneva.id()).query(String.class).list())
                .containsExactly(ghost6.name("Jonas Berg"), ghost6.name("Amina Diallo"));
        assertThat(jdbc.sql("""
                select t.name from article_tag at join tag t on t.id = at.tag_id where at.article_id = ? order by at.position
                """).param(geneva.id()).query(String.class).list())
                .containsExactly(ghost6.name("News"), ghost6.name("Climate"), ghost6.name("#hero"));
        assertThat(jdbc.sql("select slug from tag where name = ?").param(ghost6.name("#hero")).query(String.class).single())
                .isEqualTo(ghost6.slug("hash-hero"));

        Document page = new ReaderClient(port).page("/articles/" + geneva.slug());
        assertThat(page.select("ul.tags a").eachText()).containsExactly(ghost6.name("News"), ghost6.name("Climate"));
        assertThat(page.html()).doesNotContain("hero " + ghost6.unique()).doesNotContain(ghost6.slug("hash-hero"));

        // a byline and a tag the export does not hold: the byline is kept (without a profile), the tag left out
        Stored letters = stored(ghost6.key(LETTERS));
        assertThat(jdbc.sql("""
                select au.name from article_author aa join author au on au.id = aa.author_id
                where aa.article_id = ? order by aa.position
                """).param(letters.id()).query(String.class).list())
                .hasSize(2).first().isEqualTo(ghost6.name("Amina Diallo"));
        assertThat(jdbc.sql("""
                select t.name from article_tag at join tag t on t.id = at.tag_id where at.article_id = ? order by at.position
                """).param(letters.id()).query(String.class).list()).containsExactly(ghost6.name("News"));
    }

    @Test
    void theFeatureImageBringsItsAltAndCaptionFromPostsMetaAndUnreachablePicturesAreReportedNotFatal() {
        ImportReport report = ghost6Report;
        Stored geneva = stored(ghost6.key(GENEVA));

        assertThat(geneva.leadImageId()).as(report.text(null)).isNotNull();
        assertThat(geneva.leadAlt()).isEqualTo("Delegates around the table");
        assertThat(geneva.leadCaption()).isEqualTo("Photo: Agency"); // the caption's link is HTML the lead keeps as text

        // stored: geneva.jpg from the media folder; not brought in: its og and twitter pictures, the inline one, the
        // café's feature image, the hostile post's "x" and Amina's profile picture — the import went on regardless
        assertThat(report.imagesStored()).isEqualTo(1);
        assertThat(report.imagesFailed()).as(report.text(null)).isEqualTo(6);
        String host = ghost6.site().substring("https://".length());
        assertThat(report.lines()).anySatisfy(line -> assertThat(line)
                .isEqualTo("picture not brought in: " + ghost6.site() + "/content/images/2025/06/table.jpg — unknown host " + host));
        assertThat(report.lines()).anySatisfy(line -> assertThat(line)
                .startsWith("picture not brought in: https://images.example/cafe.jpg — "));
        assertThat(report.lines()).anySatisfy(line -> assertThat(line)
                .startsWith("picture not brought in: " + ghost6.site() + "/content/images/2024/05/amina.jpg — "));

        assertThat(report.lines()).anySatisfy(line -> assertThat(line).startsWith(ghost6.key(GENEVA) + ": ")
                .contains("lead picture has no credit"));

        Stored cafe = stored(ghost6.key(CAFE));
        assertThat(cafe.status()).isEqualTo("published");
        assertThat(cafe.leadImageId()).as("its picture could not be fetched").isNull();
        assertThat(geneva.bodyHtml()).contains("Talks <strong>resumed</strong> in Geneva.");
    }

    @Test
    void ghostStatusesMapToMastheadOnesScheduledDraftSentAndPages() {
        Stored budget = stored(ghost6.key(BUDGET));
        assertThat(budget.status()).isEqualTo("scheduled");
        assertThat(budget.scheduledAt()).isEqualTo(plannedFor);
        assertThat(budget.publishedAt()).isNull();

        Stored draft = stored(ghost6.key(DRAFT_NOTES));
        assertThat(draft.status()).isEqualTo("draft");
        assertThat(draft.publishedAt()).isNull();

        Stored newsletter = stored(ghost6.key(NEWSLETTER));
        assertThat(newsletter.status()).as("sent: a newsletter that went out").isEqualTo("published");
        assertThat(newsletter.publishedAt()).isEqualTo(Instant.parse("2025-06-30T09:15:00Z"));

        Stored about = stored(ghost6.key(ABOUT));
        assertThat(about.kind()).isEqualTo("page");
        assertThat(about.status()).isEqualTo("published");
        assertThat(about.publishedAt()).isEqualTo(Instant.parse("2024-02-01T12:00:00Z"));

        assertThat(stored(ghost6.key(GENEVA)).kind()).isEqualTo("article");
    }

    @Test
    void hostileHtmlInAGhostPostIsSanitizedLikeEverythingElse() {
        Stored hostile = stored(ghost6.key(HOSTILE));

        assertThat(hostile.status()).isEqualTo("published");
        assertThat(hostile.bodyHtml()).contains("Hello").contains("click me")
                .doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("alert(")
                .doesNotContainIgnoringCase("onclick").doesNotContainIgnoringCase("onerror")
                .doesNotContainIgnoringCase("javascript:").doesNotContainIgnoringCase("<iframe")
                .doesNotContain("evil.example");
        HttpResponse<String> page = new ReaderClient(port).get("/articles/" + hostile.slug());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("tracker.example").doesNotContain("steal()");
    }

    @Test
    void oldGhostAddressesAnswerWithAPermanentRedirect() {
        ReaderClient reader = new ReaderClient(port);
        Stored geneva = stored(ghost6.key(GENEVA));

        HttpResponse<String> post = reader.get("/" + ghost6.slug("geneva-talks-resume") + "/");
        assertThat(post.statusCode()).isEqualTo(301);
        assertThat(post.headers().firstValue("Location").orElseThrow()).endsWith("/articles/" + geneva.slug());

        Stored about = stored(ghost6.key(ABOUT));
        HttpResponse<String> page = reader.get("/" + ghost6.slug("about") + "/");
        assertThat(page.statusCode()).isEqualTo(301);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/" + about.slug())
                .doesNotContain("/articles/");

        // the unicode slug: Masthead's slug is ASCII, the old address still leads to it
        Stored cafe = stored(ghost6.key(CAFE));
        assertThat(cafe.slug()).isEqualTo("cafe-economie-" + ghost6.unique());
        HttpResponse<String> unicode = reader.get("/" + URLEncoder.encode(ghost6.slug("café-économie"), StandardCharsets.UTF_8) + "/");
        assertThat(unicode.statusCode()).isEqualTo(301);
        assertThat(unicode.headers().firstValue("Location").orElseThrow()).endsWith("/articles/" + cafe.slug());

        // a draft had no address on the Ghost site
        assertThat(reader.get("/" + ghost6.slug("draft-notes") + "/").statusCode()).isEqualTo(404);
    }

    // --- Ghost 1.x and Lexical

    @Test
    void aFlatGhost1ExportWithMobiledocOnlyImportsEveryPostWithItsBodyRendered() {
        Fixture ghost1 = Fixture.of("ghost-1-export.json", UnaryOperator.identity());

        ImportReport report = run(ghost1.file());

        assertThat(report.failed()).as(report.text(null)).isZero();
        assertThat(report.created()).isEqualTo(6);
        Stored cards = stored(ghost1.key("6650a1b2c3d4e5f6a7ba0101"));
        assertThat(cards.status()).isEqualTo("published");
        assertThat(cards.publishedAt()).isEqualTo(Instant.ofEpochMilli(1530000000000L));
        assertThat(cards.publicId()).isEqualTo(ghost1.id("6650a1b2c3d4e5f6a7ba0101"));
        Document body = Jsoup.parseBodyFragment(cards.bodyHtml());
        assertThat(body.select("h2").eachText()).contains("Every section type");
        assertThat(body.select("ul > li").eachText()).contains("first bullet", "second bullet");
        assertThat(body.select("ol > li").eachText()).containsSubsequence("first step", "second step");
        assertThat(body.select("strong").eachText()).contains("Bold bold italic");
        assertThat(cards.bodyHtml()).contains("A quotation.");
        assertThat(jdbc.sql("""
                select au.name from article_author aa join author au on au.id = aa.author_id
                where aa.article_id = ? order by aa.position
                """).param(cards.id()).query(String.class).list()).containsExactly(ghost1.name("Amina Diallo"));

        Stored contact = stored(ghost1.key("6650a1b2c3d4e5f6a7ba0102"));
        assertThat(contact.kind()).as("the legacy page flag").isEqualTo("page");
        assertThat(contact.bodyHtml()).contains("Write to us.");

        Stored old = stored(ghost1.key("6650a1b2c3d4e5f6a7ba0103"));
        assertThat(old.bodyHtml()).contains("<strong>Old</strong>").contains("An old picture");
        assertThat(Jsoup.parseBodyFragment(old.bodyHtml()).select("ul > li").eachText()).containsExactly("item");

        Stored fromGhost0 = stored(ghost1.site() + "|ghost-post:42");
        assertThat(fromGhost0.publicId()).as("42 is no Ghost id: a new one").matches("[0-9a-f]{24}");
        assertThat(fromGhost0.bodyHtml()).contains("An old one.");

        Stored archived = stored(ghost1.key("6650a1b2c3d4e5f6a7ba0105"));
        assertThat(archived.status()).isEqualTo("draft");
        assertThat(archived.bodyHtml()).contains("Kept somewhere.");

        // every body rendered, but the one whose mobiledoc is broken, which comes in as an empty draft
        Stored broken = stored(ghost1.key("6650a1b2c3d4e5f6a7ba0104"));
        assertThat(broken.status()).isEqualTo("draft");
        assertThat(broken.bodyHtml()).isEmpty();
        assertThat(List.of(cards, contact, old, fromGhost0, archived))
                .allSatisfy(post -> assertThat(post.bodyHtml()).isNotBlank());
    }

    @Test
    void lexicalOnlyPostsAreRenderedWithTheirHeadingsAndLists() {
        Fixture lexical = Fixture.of("ghost-lexical-only.json", UnaryOperator.identity());

        ImportReport fixture = run(lexical.file());

        assertThat(fixture.failed()).as(fixture.text(null)).isZero();
        assertThat(fixture.created()).isEqualTo(1);
        Stored only = stored(lexical.key("6650a1b2c3d4e5f6a7ba0201"));
        assertThat(only.status()).isEqualTo("published");
        assertThat(only.publishedAt()).isEqualTo(Instant.parse("2025-06-30T15:31:36Z"));
        assertThat(only.bodyFormat()).isEqualTo("blocks");
        assertThat(only.bodyHtml()).isEqualTo("<p>Written in the Lexical editor.</p>");

        // a richer Lexical-only post: headings and both kinds of list
        String unique = hex(4);
        String site = "https://lexical-" + unique + ".invalid";
        String id = hex(12);
        ImportReport report = run(write("lexical-" + unique + ".json", lexicalExport(site, id, unique)));

        assertThat(report.failed()).as(report.text(null)).isZero();
        assertThat(report.created()).isEqualTo(1);
        Stored rich = stored(site + "|ghost-post:" + id);
        assertThat(rich.publicId()).isEqualTo(id);
        assertThat(rich.status()).isEqualTo("published");
        Document body = Jsoup.parseBodyFragment(rich.bodyHtml());
        assertThat(body.select("h2").eachText()).containsExactly("What the council decided");
        assertThat(body.select("h3").eachText()).containsExactly("Next steps");
        assertThat(body.select("ul > li").eachText()).containsExactly("Roads", "Schools");
        assertThat(body.select("ol > li").eachText()).containsExactly("First reading", "Second reading");
        assertThat(body.select("p strong").eachText()).containsExactly("bold");
    }

    @Test
    void aTruncatedGhostExportIsRefusedAndNothingIsWritten() throws IOException {
        Fixture whole = Fixture.of("ghost-6-export.json", UnaryOperator.identity());
        String json = Files.readString(whole.file());
        Path truncated = write("truncated-" + whole.unique() + ".json", json.substring(0, json.length() * 6 / 10));

        assertThatThrownBy(() -> run(truncated)).isInstanceOf(ArchiveFormatException.class)
                .hasMessageMatching("The Ghost export ends early at line \\d+: it is truncated\\.");

        for (String table : List.of("article", "author", "tag")) {
            assertThat(jdbc.sql("select count(*) from " + table + " where import_key like ?").param(whole.site() + "|%")
                    .query(Long.class).single()).as(table).isZero();
        }
        assertThat(find(whole.key(GENEVA))).isNull();
        assertThat(jdbc.sql("select count(*) from article where public_id = ?").param(whole.id(GENEVA)).query(Long.class)
                .single()).isZero();
    }

    // --- WordPress's own test data

    /**
     * What {@code WxrReaderTests} counts in the file: 58 articles (55 published, 1 scheduled, 2 drafts) and 21
     * published pages, none skipped as duplicates. Its pictures live on wpthemetestdata.files.wordpress.com, which this
     * machine cannot reach: each fails at once ("unknown host") and is reported.
     */
    @Test
    void theWordPressThemeUnitTestDataImportsWithoutFailures() throws IOException {
        String unique = hex(4);
        String site = "https://wpthemetestdata-" + unique + ".wordpress.com";
        String xml = resource("/archive/wordpress/themeunittestdata.wordpress.xml")
                .replace("https://wpthemetestdata.wordpress.com", site);
        Path file = write("themeunittestdata-" + unique + ".xml", xml);

        ImportReport report = assertTimeout(Duration.ofSeconds(90), () -> run(file));

        assertThat(report.failed()).as(report.text(null)).isZero();
        assertThat(report.totalPosts()).isEqualTo(79);
        assertThat(report.created()).isEqualTo(79);
        assertThat(report.skipped()).doesNotContainKey("duplicate slug");
        assertThat(report.imagesStored() + report.imagesFailed()).as(report.text(null)).isEqualTo(38);
        assertThat(report.lines()).anySatisfy(line -> assertThat(line)
                .startsWith("picture not brought in: https://wpthemetestdata.files.wordpress.com/"));

        String keys = site + "|%";
        assertThat(jdbc.sql("select kind, count(*) from article where import_key like ? group by kind").param(keys)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list())
                .containsExactlyInAnyOrder(Map.entry("article", 58L), Map.entry("page", 21L));
        assertThat(jdbc.sql("select count(*) from article where import_key like ? and status = 'published' and published_at is null")
                .param(keys).query(Long.class).single()).isZero();
        // published as in WordPress, or (a post with no words at all) a draft with the reason in the report
        long published = jdbc.sql("select count(*) from article where import_key like ? and status = 'published'")
                .param(keys).query(Long.class).single();
        long lowered = report.lines().stream().filter(line -> line.contains(": imported as a draft, not published")).count();
        assertThat(published + lowered).as(report.text(null)).isEqualTo(76);
        assertThat(jdbc.sql("select scheduled_at from article where import_key like ? and status = 'scheduled'").param(keys)
                .query(OffsetDateTime.class).list()).extracting(OffsetDateTime::toInstant)
                .containsExactly(Instant.parse("2030-01-01T19:00:18Z"));

        Stored sticky = stored(site + "|wp-post:1241");
        assertThat(sticky.headline()).isEqualTo("Template: Sticky");
        assertThat(sticky.status()).isEqualTo("published");
        assertThat(sticky.featured()).isTrue();
        assertThat(sticky.publishedAt()).isEqualTo(Instant.parse("2012-01-07T14:07:21Z"));
        assertThat(Jsoup.parseBodyFragment(sticky.bodyHtml()).select("ul > li")).hasSize(4);
    }

    // --- helpers

    /** The columns of an imported article the tests look at. */
    private record Stored(long id, String publicId, String uuid, String kind, String slug, String headline, String status,
                          Instant publishedAt, Instant scheduledAt, String bodyHtml, String bodyFormat, Long leadImageId,
                          String leadAlt, String leadCaption, boolean featured) {
    }

    private Stored find(String importKey) {
        return jdbc.sql("""
                select id, public_id, uuid::text as uuid, kind, slug, headline, status, published_at, scheduled_at, body_html,
                       body_format, lead_image_id, lead_image_alt, lead_image_caption, featured
                from article where import_key = ?
                """).param(importKey).query((rs, n) -> new Stored(rs.getLong("id"), rs.getString("public_id"),
                rs.getString("uuid"), rs.getString("kind"), rs.getString("slug"), rs.getString("headline"),
                rs.getString("status"), instant(rs.getObject("published_at", OffsetDateTime.class)),
                instant(rs.getObject("scheduled_at", OffsetDateTime.class)), rs.getString("body_html"),
                rs.getString("body_format"), rs.getObject("lead_image_id", Long.class), rs.getString("lead_image_alt"),
                rs.getString("lead_image_caption"), rs.getBoolean("featured"))).optional().orElse(null);
    }

    private Stored stored(String importKey) {
        Stored found = find(importKey);
        if (found == null) {
            throw new AssertionError("Nothing was imported as " + importKey);
        }
        return found;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private ImportReport run(Path file) {
        return importer.run(new ArchiveImporter.Request(file, null, false, "test"), progress -> { });
    }

    private static Path write(String name, String content) {
        try {
            return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = GhostImportTests.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("No test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code bytes} random bytes as lowercase hex digits. */
    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /**
     * A fixture from {@code src/test/resources/archive/ghost}, copied so nothing in it meets another import: ids
     * (all of which start with {@value #ID_PREFIX}) get a fresh prefix, uuids a fresh first group, slugs a
     * {@code -unique} suffix, names a {@code " unique"} one, and the site a {@code url} setting of its own.
     */
    private record Fixture(Path file, String unique, String site, String idPrefix, String uuidPrefix) {

        static final String ID_PREFIX = "6650a1b2c3d4e5f6";
        private static final Pattern SLUG = Pattern.compile("\"slug\": \"([^\"]*)\"");
        private static final Pattern NAME = Pattern.compile("\"name\": \"([^\"]*)\"");
        private static final List<String> UUID_PREFIXES = List.of("0f1e2d3c", "5a5a5a5a");

        static Fixture of(String name, UnaryOperator<String> alsoChange) {
            String unique = hex(4);
            Fixture fixture = new Fixture(null, unique, "https://ghost-" + unique + ".invalid", hex(8), hex(4));
            String json = resource("/archive/ghost/" + name).replace(ID_PREFIX, fixture.idPrefix());
            for (String uuid : UUID_PREFIXES) {
                json = json.replace("\"" + uuid + "-", "\"" + fixture.uuidPrefix() + "-");
            }
            json = SLUG.matcher(json).replaceAll(match -> Matcher.quoteReplacement("\"slug\": \"" + fixture.slug(match.group(1)) + "\""));
            json = NAME.matcher(json).replaceAll(match -> Matcher.quoteReplacement("\"name\": \"" + fixture.name(match.group(1)) + "\""));
            String url = "{\"key\": \"url\", \"value\": \"" + fixture.site() + "\"}";
            json = json.contains("\"settings\": [")
                    ? json.replaceFirst(Pattern.quote("\"settings\": ["), Matcher.quoteReplacement("\"settings\": [" + url + ","))
                    : json.replaceFirst(Pattern.quote("\"data\": {"), Matcher.quoteReplacement("\"data\": {\"settings\": [" + url + "],"));
            json = alsoChange.apply(json);
            return new Fixture(write(name.replace(".json", "-" + unique + ".json"), json), unique, fixture.site(),
                    fixture.idPrefix(), fixture.uuidPrefix());
        }

        /** The id in the copy of the fixture's id. */
        String id(String fixtureId) {
            return fixtureId.replace(ID_PREFIX, idPrefix);
        }

        String uuid(String fixtureUuid) {
            return uuidPrefix + fixtureUuid.substring(fixtureUuid.indexOf('-'));
        }

        /** The import key of the fixture's post with this id. */
        String key(String fixturePostId) {
            return site + "|ghost-post:" + id(fixturePostId);
        }

        String slug(String fixtureSlug) {
            return fixtureSlug + "-" + unique;
        }

        String name(String fixtureName) {
            return fixtureName + " " + unique;
        }
    }

    /** A flat Ghost 5 export of one Lexical-only post with headings, lists and bold text. */
    private static String lexicalExport(String site, String id, String unique) {
        List<Object> children = List.of(
                element("extended-heading", Map.of("tag", "h2"), text("What the council decided", 0)),
                element("paragraph", Map.of(), text("It voted on two ", 0), text("bold", 1), text(" plans.", 0)),
                element("list", Map.of("listType", "bullet", "tag", "ul", "start", 1),
                        element("listitem", Map.of("value", 1), text("Roads", 0)),
                        element("listitem", Map.of("value", 2), text("Schools", 0))),
                element("extended-heading", Map.of("tag", "h3"), text("Next steps", 0)),
                element("list", Map.of("listType", "number", "tag", "ol", "start", 1),
                        element("listitem", Map.of("value", 1), text("First reading", 0)),
                        element("listitem", Map.of("value", 2), text("Second reading", 0))));
        Map<String, Object> root = new LinkedHashMap<>(element("root", Map.of(), children.toArray()));
        String lexical = JSON.writeValueAsString(Map.of("root", root));
        String userId = hex(12);
        Map<String, Object> post = new LinkedHashMap<>();
        post.put("id", id);
        post.put("uuid", java.util.UUID.randomUUID().toString());
        post.put("title", "Council decides " + unique);
        post.put("slug", "council-decides-" + unique);
        post.put("mobiledoc", null);
        post.put("lexical", lexical);
        post.put("html", null);
        post.put("type", "post");
        post.put("status", "published");
        post.put("visibility", "public");
        post.put("created_at", "2025-03-01T08:00:00.000Z");
        post.put("updated_at", "2025-03-01T09:00:00.000Z");
        post.put("published_at", "2025-03-01T09:00:00.000Z");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("posts", List.of(post));
        data.put("posts_authors", List.of(Map.of("id", hex(12), "post_id", id, "author_id", userId, "sort_order", 0)));
        data.put("users", List.of(Map.of("id", userId, "name", "Lexi Writer " + unique, "slug", "lexi-" + unique,
                "email", "lexi-" + unique + "@example.org", "status", "active")));
        data.put("settings", List.of(Map.of("key", "url", "value", site)));
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("meta", Map.of("exported_on", 1740819600000L, "version", "5.110.0"));
        export.put("data", data);
        return JSON.writeValueAsString(export);
    }

    private static Map<String, Object> element(String type, Map<String, Object> attributes, Object... children) {
        Map<String, Object> node = new LinkedHashMap<>(attributes);
        node.put("type", type);
        node.put("version", 1);
        node.put("direction", "ltr");
        node.put("format", "");
        node.put("indent", 0);
        node.put("children", List.of(children));
        return node;
    }

    private static Map<String, Object> text(String text, int format) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("type", "extended-text");
        node.put("version", 1);
        node.put("text", text);
        node.put("format", format);
        node.put("detail", 0);
        node.put("mode", "normal");
        node.put("style", "");
        return node;
    }
}
