package org.masthead.archive.ghost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.masthead.archive.source.ArchiveFormatException;
import org.masthead.archive.source.SourceAuthor;
import org.masthead.archive.source.SourceImage;
import org.masthead.archive.source.SourcePost;
import org.masthead.archive.source.SourcePost.Kind;
import org.masthead.archive.source.SourcePost.SourceBody.Format;
import org.masthead.archive.source.SourcePost.Status;
import org.masthead.archive.source.SourceTerm;

/**
 * Ghost exports of every era read into the archive visitor: the {@code db}-wrapped Ghost 4 to 6 download, the flat
 * Ghost 1 file with mobiledoc only, a Lexical-only post, Masthead's own extension, and files that are cut or broken.
 */
class GhostJsonReaderTests {

    private static final String AMINA = "ghost-user:6650a1b2c3d4e5f6a7b80001";
    private static final String JONAS = "ghost-user:6650a1b2c3d4e5f6a7b80002";
    private static final String LEA = "ghost-user:6650a1b2c3d4e5f6a7b80004";
    private static final String NEWS = "ghost-tag:6650a1b2c3d4e5f6a7b90001";
    private static final String HERO = "ghost-tag:6650a1b2c3d4e5f6a7b90002";
    private static final String CLIMATE = "ghost-tag:6650a1b2c3d4e5f6a7b90003";

    @TempDir
    Path temp;

    static Path fixture(String name) {
        try {
            return Path.of(GhostJsonReaderTests.class.getResource("/archive/ghost/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RecordingVisitor read(String fixture) {
        RecordingVisitor visitor = new RecordingVisitor();
        GhostJsonReader.read(fixture(fixture), visitor);
        return visitor;
    }

    // --- Ghost 6 download: {"db":[{"meta":…,"data":{…}}]}

    @Test
    void theSiteThenItsBylineAuthorsAndTagsAreDeclaredBeforeThePostsAndSkippedTablesLast() {
        RecordingVisitor ghost = read("ghost-6-export.json");

        assertThat(ghost.siteUrl).isNull(); // Ghost keeps its address in its config, not in the export
        assertThat(ghost.siteTitle).isEqualTo("The Lakeside Ledger");
        assertThat(String.join(",", ghost.events))
                .matches("site(,author){3}(,tag){4}(,post|,skipped){9}(,skipped){5}");
        // the owner signs no post, so is not an author; users keep the order of the users table
        assertThat(ghost.authors).extracting(SourceAuthor::key).containsExactly(AMINA, JONAS, LEA);
        assertThat(ghost.authors.get(0)).isEqualTo(new SourceAuthor(AMINA, "amina", "Amina Diallo", "amina@ledger.example",
                "Covers diplomacy.", "https://amina.example", "__GHOST_URL__/content/images/2024/05/amina.jpg", null));
        assertThat(ghost.tags).extracting(SourceTerm::key, SourceTerm::name, SourceTerm::internal).containsExactly(
                tuple(NEWS, "News", false), tuple(HERO, "#hero", true), tuple(CLIMATE, "Climate", false),
                tuple("ghost-tag:6650a1b2c3d4e5f6a7b90004", "#legacy-import", true));
        assertThat(ghost.tags.get(0).description()).isEqualTo("What happened.");
    }

    @Test
    void postsAndPagesKeepTheirKindAndGhostStatusesMapToMastheadOnes() {
        RecordingVisitor ghost = read("ghost-6-export.json");

        assertThat(ghost.posts).extracting(SourcePost::slug, SourcePost::kind, SourcePost::status).containsExactly(
                tuple("geneva-talks-resume", Kind.ARTICLE, Status.PUBLISHED),
                tuple("about", Kind.PAGE, Status.PUBLISHED),
                tuple("budget-vote-preview", Kind.ARTICLE, Status.SCHEDULED),
                tuple("draft-notes", Kind.ARTICLE, Status.DRAFT),
                tuple("newsletter-june", Kind.ARTICLE, Status.PUBLISHED), // "sent": an email-only newsletter
                tuple("café-économie", Kind.ARTICLE, Status.PUBLISHED),
                tuple("hostile-markup", Kind.ARTICLE, Status.PUBLISHED),
                tuple("letters", Kind.ARTICLE, Status.PUBLISHED));
        assertThat(ghost.post("budget-vote-preview").publishedAt()).isEqualTo(Instant.parse("2026-01-15T08:00:00Z"));
        assertThat(ghost.post("draft-notes").publishedAt()).isNull();
    }

    @Test
    void aPostKeepsItsGhostIdentityTextsDatesAndFlags() {
        SourcePost geneva = read("ghost-6-export.json").post("geneva-talks-resume");

        assertThat(geneva.key()).isEqualTo("ghost-post:6650a1b2c3d4e5f6a7ba0001");
        assertThat(geneva.ghostId()).isEqualTo("6650a1b2c3d4e5f6a7ba0001");
        assertThat(geneva.uuid()).isEqualTo("0f1e2d3c-4b5a-4697-8877-665544330001");
        assertThat(geneva.title()).isEqualTo("Geneva talks resume");
        assertThat(geneva.excerpt()).isEqualTo("Delegations met again after a three-month pause.");
        assertThat(geneva.publishedAt()).isEqualTo(Instant.parse("2025-06-30T09:15:00Z"));
        assertThat(geneva.createdAt()).isEqualTo(Instant.parse("2025-06-01T08:00:00Z"));
        assertThat(geneva.updatedAt()).isEqualTo(Instant.parse("2025-06-30T09:20:00Z"));
        assertThat(geneva.featured()).isTrue();
        assertThat(geneva.language()).isEqualTo("en");
        assertThat(geneva.comments()).isZero();
        assertThat(geneva.warnings()).isEmpty();
        assertThat(read("ghost-6-export.json").post("letters").featured()).as("featured as 1").isTrue();
        assertThat(read("ghost-6-export.json").post("about").language()).isNull();
    }

    @Test
    void htmlIsPreferredToLexicalAndPassedOnUnsanitizedWithGhostUrlsAsTheyAre() {
        RecordingVisitor ghost = read("ghost-6-export.json");

        assertThat(ghost.post("geneva-talks-resume").body().format()).isEqualTo(Format.HTML);
        assertThat(ghost.post("geneva-talks-resume").body().source())
                .startsWith("<p>Talks <strong>resumed</strong> in Geneva.</p>")
                .contains("src=\"__GHOST_URL__/content/images/2025/06/table.jpg\"");
        // the reader reads; the importer sanitizes, so hostile markup reaches it exactly as written
        assertThat(ghost.post("hostile-markup").body().source()).isEqualTo("<script>alert(\"boo\")</script>"
                + "<p onclick=\"steal()\">Hello <img src=\"x\" onerror=\"alert(2)\"></p>"
                + "<a href=\"javascript:alert(3)\">click me</a><iframe src=\"https://evil.example/\"></iframe>");
    }

    @Test
    void coAuthorsAndTagsFollowTheirSortOrderNotTheOrderOfTheRows() {
        SourcePost geneva = read("ghost-6-export.json").post("geneva-talks-resume");

        assertThat(geneva.authors()).extracting(SourceAuthor::key).containsExactly(JONAS, AMINA);
        assertThat(geneva.tags()).extracting(SourceTerm::key).containsExactly(NEWS, CLIMATE, HERO);
        assertThat(geneva.tags().get(2).internal()).isTrue();
    }

    @Test
    void theFeatureImageCarriesItsAltAndHtmlCaptionFromPostsMeta() {
        RecordingVisitor ghost = read("ghost-6-export.json");

        assertThat(ghost.post("geneva-talks-resume").featureImage()).isEqualTo(new SourceImage(
                "__GHOST_URL__/content/images/2025/06/geneva.jpg", "Delegates around the table",
                "Photo: <a href=\"https://agency.example\">Agency</a>", null));
        assertThat(ghost.post("café-économie").featureImage())
                .isEqualTo(new SourceImage("https://images.example/cafe.jpg", "Two cups on a zinc counter", null, null));
        assertThat(ghost.post("about").featureImage()).isNull();
    }

    @Test
    void searchAndSocialFieldsComeFromPostsMetaAndTheCanonicalAddressFromThePost() {
        SourcePost.Meta meta = read("ghost-6-export.json").post("geneva-talks-resume").meta();

        assertThat(meta).isEqualTo(new SourcePost.Meta("Geneva talks resume | Ledger", "After a three-month pause.",
                "Talks resume", "Delegations met again.", "__GHOST_URL__/content/images/2025/06/geneva-og.jpg",
                "Talks resume", "Delegations met.", "__GHOST_URL__/content/images/2025/06/geneva-tw.jpg",
                "https://wire.example/geneva"));
        assertThat(read("ghost-6-export.json").post("about").meta()).isEqualTo(SourcePost.Meta.NONE);
    }

    @Test
    void aLaterPostWithATakenSlugIsSkippedAsGhostsImporterDoes() {
        RecordingVisitor ghost = read("ghost-6-export.json");

        assertThat(ghost.slugs()).containsOnlyOnce("geneva-talks-resume");
        assertThat(ghost.post("geneva-talks-resume").title()).isEqualTo("Geneva talks resume");
        assertThat(ghost.skipped).filteredOn(skip -> skip.kind().equals("duplicate slug")).singleElement()
                .satisfies(skip -> assertThat(skip.detail()).contains("Geneva talks resume (copy)")
                        .contains("ghost-post:6650a1b2c3d4e5f6a7ba0007").contains("ghost-post:6650a1b2c3d4e5f6a7ba0001"));
    }

    @Test
    void aBylineOrTagMissingFromTheExportIsNamedOrDroppedWithAWarning() {
        SourcePost letters = read("ghost-6-export.json").post("letters");

        assertThat(letters.authors()).containsExactly(read("ghost-6-export.json").authors.get(0),
                SourceAuthor.named("ghost-user:6650a1b2c3d4e5f6a7b80099", null, null));
        assertThat(letters.tags()).extracting(SourceTerm::key).containsExactly(NEWS);
        assertThat(letters.warnings()).containsExactly(
                "its author 6650a1b2c3d4e5f6a7b80099 is not in the export: kept as a byline without a profile",
                "its tag 6650a1b2c3d4e5f6a7b90099 is not in the export, so it was left out");
    }

    @Test
    void publicPostsAndPagesAnsweredAtTheirSlugUnicodeIncludedButDraftsScheduledAndEmailOnlyPostsDidNot() {
        RecordingVisitor ghost = read("ghost-6-export.json");

        assertThat(ghost.post("geneva-talks-resume").oldPaths()).containsExactly("/geneva-talks-resume/");
        assertThat(ghost.post("about").oldPaths()).containsExactly("/about/");
        assertThat(ghost.post("café-économie").oldPaths()).containsExactly("/café-économie/");
        assertThat(ghost.post("draft-notes").oldPaths()).isEmpty();
        assertThat(ghost.post("budget-vote-preview").oldPaths()).isEmpty();
        assertThat(ghost.post("newsletter-june").oldPaths()).isEmpty();
    }

    @Test
    void whatMastheadCannotKeepIsNamedInThePostsWarnings() {
        RecordingVisitor ghost = read("ghost-6-export.json");

        assertThat(ghost.post("budget-vote-preview").warnings())
                .containsExactly("it was for paid members only in Ghost: it is public now");
        assertThat(ghost.post("hostile-markup").warnings())
                .containsExactly("its code injection (scripts and styles for this post) was left out");
    }

    @Test
    void tablesNobodyImportsAreReportedOnceEachWithTheirRowCounts() {
        RecordingVisitor ghost = read("ghost-6-export.json");

        // empty tables and Ghost's own bookkeeping (roles, settings, theme settings) are not worth a line
        assertThat(ghost.skipped).filteredOn(skip -> skip.kind().equals("table")).extracting(RecordingVisitor.Skipped::detail)
                .containsExactly("members (2 rows)", "newsletters (1 row)", "posts_products (1 row)", "products (2 rows)",
                        "snippets (1 row)");
    }

    // --- Ghost 1.x: flat {"meta":…,"data":{…}}, mobiledoc only, author_id, page flag, epoch milliseconds

    @Test
    void aFlatGhost1ExportRendersItsMobiledocOnlyPostsToHtml() {
        RecordingVisitor ghost = read("ghost-1-export.json");

        assertThat(ghost.siteTitle).isEqualTo("Ledger (2018)");
        SourcePost cards = ghost.post("every-card");
        assertThat(cards.body().format()).isEqualTo(Format.HTML);
        assertThat(cards.body().source())
                .startsWith("<h2>Every section type</h2><p><strong>Bold <em>bold italic</em></strong> plain ")
                .contains("<figure class=\"figure figure--wide\"><img src=\"__GHOST_URL__/content/images/2018/06/harbour.jpg\"")
                .contains("<pre><code class=\"language-javascript\">if (a &lt; b &amp;&amp; c &gt; d) {")
                .contains("<p><a href=\"https://www.youtube.com/watch?v=abc123\">https://www.youtube.com/watch?v=abc123</a></p>")
                .contains("<figure class=\"gallery\">")
                .doesNotContain("only in the newsletter");
        assertThat(cards.warnings()).containsExactly("inline formatting \"marquee\" left out",
                "its video cards are kept as links to their files", "its file cards are kept as links to their files",
                "its members-only divider (paywall card) is gone: all of it is public", "unknown card \"signup\" left out");
        assertThat(ghost.post("old-format").body().source()).isEqualTo("<p><strong>Old</strong> mobiledoc, "
                + "<a href=\"https://example.org\">linked</a></p><figure><img src=\"/content/images/2016/old.jpg\" alt=\"\">"
                + "<figcaption>An old picture</figcaption></figure><ul><li>item</li></ul>");
    }

    @Test
    void theLegacyPageFlagAndTheAuthorIdColumnAreRead() {
        RecordingVisitor ghost = read("ghost-1-export.json");

        assertThat(ghost.post("contact").kind()).isEqualTo(Kind.PAGE);
        assertThat(ghost.post("every-card").kind()).isEqualTo(Kind.ARTICLE);
        assertThat(ghost.post("contact").authors()).extracting(SourceAuthor::key).containsExactly("ghost-user:6650a1b2c3d4e5f6a7b80102");
        assertThat(ghost.post("every-card").authors()).extracting(SourceAuthor::name).containsExactly("Amina Diallo");
        assertThat(ghost.authors).extracting(SourceAuthor::name).containsExactly("Amina Diallo", "Jonas Berg");
    }

    @Test
    void epochMillisecondDatesAndMetaColumnsOnThePostAreRead() {
        SourcePost cards = read("ghost-1-export.json").post("every-card");

        assertThat(cards.publishedAt()).isEqualTo(Instant.ofEpochMilli(1530000000000L));
        assertThat(cards.createdAt()).isEqualTo(Instant.ofEpochMilli(1529900000000L));
        assertThat(cards.featured()).isTrue();
        assertThat(cards.featureImage()).isEqualTo(new SourceImage("/content/images/2018/06/lead.jpg", null, null, null));
        assertThat(cards.meta()).isEqualTo(new SourcePost.Meta("Every card | Ledger", "All the cards.", "OG title", null,
                "/content/images/2018/06/og.jpg", "Tweet title", null, null, null));
    }

    @Test
    void tagsWithoutSortOrderKeepTheOrderOfTheirRowsAndNumericIdsStillJoin() {
        RecordingVisitor ghost = read("ghost-1-export.json");

        assertThat(ghost.post("every-card").tags()).extracting(SourceTerm::name).containsExactly("Weather", "Harbour");
        SourcePost old = ghost.post("from-ghost-0");
        assertThat(old.key()).isEqualTo("ghost-post:42");
        assertThat(old.ghostId()).as("not a 24-digit Ghost id").isNull();
        assertThat(old.uuid()).as("not a valid uuid").isNull();
        assertThat(old.tags()).extracting(SourceTerm::name).containsExactly("Harbour");
    }

    @Test
    void aBrokenMobiledocLeavesTheBodyEmptyAndAnUnknownStatusMakesADraftEachWithAWarning() {
        RecordingVisitor ghost = read("ghost-1-export.json");

        assertThat(ghost.post("broken-body").body().source()).isEmpty();
        assertThat(ghost.post("broken-body").warnings()).containsExactly("its mobiledoc is not valid JSON, so its body is empty");
        assertThat(ghost.post("archived-thing").status()).isEqualTo(Status.DRAFT);
        assertThat(ghost.post("archived-thing").warnings())
                .containsExactly("its status \"archived\" is not one Ghost knows: imported as a draft");
    }

    // --- Lexical only, "data" before "meta"

    @Test
    void aLexicalOnlyPostIsPassedOnAsLexicalJsonEvenWhenDataComesBeforeMeta() {
        RecordingVisitor ghost = read("ghost-lexical-only.json");

        SourcePost lexical = ghost.post("only-lexical");
        assertThat(lexical.body().format()).isEqualTo(Format.LEXICAL);
        assertThat(lexical.body().source()).startsWith("{\"root\":{\"children\":[").contains("Written in the Lexical editor.");
        assertThat(lexical.publishedAt()).as("MySQL form, UTC").isEqualTo(Instant.parse("2025-06-30T15:31:36Z"));
        assertThat(lexical.updatedAt()).as("with an offset").isEqualTo(Instant.parse("2025-06-30T13:31:36Z"));
        assertThat(ghost.siteTitle).isNull();
        assertThat(ghost.siteUrl).isNull();
        assertThat(ghost.events).startsWith("site");
    }

    // --- Masthead's extension of the format

    @Test
    void aMastheadExportBringsBackItsSectionsBodiesStatusesCreditsOldAddressesAndJobTitles() {
        RecordingVisitor masthead = read("masthead-export.json");

        assertThat(masthead.siteUrl).isEqualTo("https://daily.example");
        assertThat(masthead.siteTitle).isEqualTo("Masthead Daily");
        assertThat(masthead.sections).containsExactly(
                new SourceTerm("masthead-section:1", "world", "World", "Beyond the lake.", false),
                new SourceTerm("masthead-section:2", "local", "Local", null, false));
        assertThat(masthead.authors).singleElement().satisfies(rosa -> {
            assertThat(rosa.key()).isEqualTo("ghost-user:6650a1b2c3d4e5f6a7b80301");
            assertThat(rosa.jobTitle()).isEqualTo("Night editor");
            assertThat(rosa.email()).as("the placeholder Ghost requires").isNull();
        });

        SourcePost markdown = masthead.post("markdown-story");
        assertThat(markdown.body()).isEqualTo(new SourcePost.SourceBody("Rendered *markdown*.", Format.MARKDOWN));
        assertThat(markdown.section()).isEqualTo(masthead.sections.get(0));
        assertThat(markdown.featureImage().credit()).isEqualTo("Photo: Jane Roe / Agency");
        assertThat(markdown.oldPaths()).containsExactly("/markdown-story/", "/2019/04/01/markdown-story/", "/?p=123");
        assertThat(markdown.warnings()).isEmpty();

        SourcePost blocks = masthead.post("block-story");
        assertThat(blocks.body().format()).isEqualTo(Format.BLOCKS);
        assertThat(blocks.body().source()).startsWith("{\"type\":\"doc\"");
        assertThat(blocks.section()).isNull();
        assertThat(blocks.oldPaths()).containsExactly("/block-story/", "/old/block-story/");
        assertThat(blocks.warnings()).containsExactly(
                "its section 99 is not in the export: it goes to the default section",
                "its old address \"relative/not-allowed\" is not site-relative, so it was left out");

        assertThat(masthead.post("imprint").body())
                .isEqualTo(new SourcePost.SourceBody("<p>Who <strong>we</strong> are.</p>", Format.HTML));
        assertThat(masthead.post("odd-format").body()).isEqualTo(SourcePost.SourceBody.html("<p>Ghost's copy.</p>"));
        assertThat(masthead.post("odd-format").warnings())
                .containsExactly("its Masthead body format \"rst\" is unknown: Ghost's body was used");

        // Ghost has drafts only; the status Masthead had rides beside it
        assertThat(masthead.post("awaiting-review").status()).isEqualTo(Status.IN_REVIEW);
        assertThat(masthead.post("awaiting-review").body().format()).isEqualTo(Format.MARKDOWN);
        assertThat(masthead.post("taken-down").status()).isEqualTo(Status.DRAFT);
        assertThat(masthead.post("taken-down").oldPaths()).containsExactly("/2024/01/02/taken-down/");
    }

    // --- Ghost 4.1, laid out as Ghost writes it (tables in name order, bookkeeping tables, html beside mobiledoc)

    @Test
    void aGhost4ExportReadsWithTheCountsItHolds() {
        RecordingVisitor ghost = read("ghost-4-export.json");

        // counted in the file: 3 posts (1 page), 2 users of whom only "Ghost" signs, 1 tag, nothing but bookkeeping else
        assertThat(ghost.siteTitle).isEqualTo("Testing Export Fixtures");
        assertThat(ghost.posts).extracting(SourcePost::slug, SourcePost::kind)
                .containsExactly(tuple("write", Kind.ARTICLE), tuple("sell", Kind.ARTICLE), tuple("about", Kind.PAGE));
        assertThat(ghost.authors).extracting(SourceAuthor::name).containsExactly("Ghost");
        assertThat(ghost.tags).extracting(SourceTerm::slug).containsExactly("getting-started");
        assertThat(ghost.skipped).isEmpty();
        assertThat(ghost.post("write").body().source()).as("html beside mobiledoc wins")
                .startsWith("<p>Start <a href=\"__GHOST_URL__/write/\">here</a>.</p><figure class=\"kg-card");
        assertThat(ghost.post("sell").warnings()).containsExactly("it was for paid members only in Ghost: it is public now");
    }

    // --- files that are not (whole) Ghost exports

    @ParameterizedTest
    @ValueSource(doubles = {0.02, 0.25, 0.5, 0.75, 0.999})
    void aTruncatedExportFailsBeforeTheVisitorHearsOfAnything(double kept) throws IOException {
        byte[] whole = Files.readAllBytes(fixture("ghost-6-export.json"));
        Path cut = Files.write(temp.resolve("cut.json"), Arrays.copyOf(whole, (int) (whole.length * kept)));
        RecordingVisitor visitor = new RecordingVisitor();

        assertThatThrownBy(() -> GhostJsonReader.read(cut, visitor)).isInstanceOf(ArchiveFormatException.class)
                .hasMessageMatching("The Ghost export ends early at line \\d+: it is truncated\\.");
        assertThat(visitor.events).isEmpty();
    }

    @Test
    void anExportCutAfterItsPostsStillFailsBeforeAnyPostIsImported() throws IOException {
        String whole = Files.readString(fixture("ghost-6-export.json"));
        int inUsers = whole.indexOf("\"users\": [") + 200; // the users table follows the posts
        Path cut = Files.writeString(temp.resolve("cut.json"), whole.substring(0, inUsers));
        RecordingVisitor visitor = new RecordingVisitor();

        assertThatThrownBy(() -> GhostJsonReader.read(cut, visitor)).isInstanceOf(ArchiveFormatException.class)
                .hasMessageContaining("truncated");
        assertThat(visitor.posts).isEmpty();
        assertThat(visitor.events).isEmpty();
    }

    @Test
    void brokenJsonIsRefusedWithItsLineAndColumn() throws IOException {
        String whole = Files.readString(fixture("ghost-6-export.json"));
        int users = whole.indexOf("\"users\"");
        String broken = whole.substring(0, users) + whole.substring(users).replaceFirst(",", "");
        Path file = Files.writeString(temp.resolve("broken.json"), broken);
        RecordingVisitor visitor = new RecordingVisitor();

        assertThatThrownBy(() -> GhostJsonReader.read(file, visitor)).isInstanceOf(ArchiveFormatException.class)
                .hasMessageMatching("The Ghost export is not valid JSON at line \\d+, column \\d+: .+");
        assertThat(visitor.events).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[1, 2]", "\"posts\"", "{\"posts\": []}", "{\"db\": [{\"meta\": {}}]}"})
    void jsonThatIsNotAGhostExportIsRefused(String content) throws IOException {
        Path file = Files.write(temp.resolve("other.json"), content.getBytes(StandardCharsets.UTF_8));
        RecordingVisitor visitor = new RecordingVisitor();

        assertThatThrownBy(() -> GhostJsonReader.read(file, visitor)).isInstanceOf(ArchiveFormatException.class)
                .hasMessageMatching("(The Ghost export is empty|This is not a Ghost export: .+)\\.");
        assertThat(visitor.events).isEmpty();
    }

    @Test
    void aMissingFileIsAnInputError() {
        assertThatThrownBy(() -> GhostJsonReader.read(temp.resolve("missing.json"), new RecordingVisitor()))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void anExportCanBeReadFromAnythingThatOpensTwiceSuchAsAZipEntry() throws IOException {
        byte[] bytes = Files.readAllBytes(fixture("ghost-lexical-only.json"));
        int[] opened = {0};
        RecordingVisitor visitor = new RecordingVisitor();

        GhostJsonReader.read(() -> {
            opened[0]++;
            return new java.io.ByteArrayInputStream(bytes);
        }, visitor);

        assertThat(opened[0]).isEqualTo(2);
        assertThat(visitor.slugs()).containsExactly("only-lexical");
    }
}
