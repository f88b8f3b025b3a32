package org.masthead.archive.wordpress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.archive.source.ArchiveFormatException;
import org.masthead.archive.source.ArchiveVisitor;
import org.masthead.archive.source.SourceAuthor;
import org.masthead.archive.source.SourceImage;
import org.masthead.archive.source.SourcePost;
import org.masthead.archive.source.SourcePost.Kind;
import org.masthead.archive.source.SourcePost.Status;
import org.masthead.archive.source.SourceTerm;

/** A WordPress export read into source records: the people, the taxonomy, each post as Masthead will see it. */
class WxrReaderTests {

    private static final Path BLOCKS = fixture("blocks-and-coauthors.xml");
    private static final Path CLASSIC = fixture("classic-wxr-1.0.xml");
    private static final Path THEME_UNIT_TEST = fixture("themeunittestdata.wordpress.xml");

    @TempDir
    Path temp;

    @Test
    void theSiteComesFirstThenAuthorsSectionsAndTagsThenThePostsInFileOrder() {
        Recorder read = Recorder.read(BLOCKS);

        assertThat(read.events.get(0)).isEqualTo("site https://example.org The Daily Example");
        assertThat(read.events.subList(1, 4)).allMatch(event -> event.startsWith("author "));
        assertThat(read.events.subList(4, 7)).allMatch(event -> event.startsWith("section "));
        assertThat(read.events.subList(7, 11)).allMatch(event -> event.startsWith("tag "));
        assertThat(read.posts).extracting(SourcePost::key).containsExactly("wp-post:101", "wp-post:102", "wp-post:103",
                "wp-post:104", "wp-post:105", "wp-post:106", "wp-post:107", "wp-post:108", "wp-post:110", "wp-post:111",
                "wp-post:112", "wp-post:113");
    }

    @Test
    void authorsAreKeyedByLoginAndNamedByDisplayNameElseFirstAndLastName() {
        Recorder read = Recorder.read(BLOCKS);

        assertThat(read.authors).extracting(SourceAuthor::key, SourceAuthor::slug, SourceAuthor::name, SourceAuthor::email)
                .containsExactly(
                        tuple("wp-author:jdoe", "jdoe", "Jane Doe", "jane@example.org"),
                        tuple("wp-author:asmith", "asmith", "Alex Smith", "alex@example.org"),
                        tuple("wp-author:Bob.Editor", "bob-editor", "Bob & Co", "bob@example.org"));
    }

    @Test
    void topLevelCategoriesAreTheSectionsAndNestedOnesAreDeclaredAsTags() {
        Recorder read = Recorder.read(BLOCKS);

        assertThat(read.sections).extracting(SourceTerm::key, SourceTerm::name).containsExactly(
                tuple("wp-category:world", "World"),
                tuple("wp-category:business", "Business & Money"),
                tuple("wp-category:uncategorized", "Uncategorized"));
        assertThat(read.sections.get(0).description()).isEqualTo("News from everywhere");
        assertThat(read.tags).extracting(SourceTerm::key)
                .containsExactly("wp-tag:elections", "wp-tag:budget", "wp-tag:europe", "wp-tag:ukraine");
    }

    @Test
    void aPostsSectionIsTheTopLevelAncestorOfItsFirstCategoryAndItsOtherCategoriesBecomeTags() {
        SourcePost post = Recorder.read(BLOCKS).post("wp-post:101");

        assertThat(post.section().key()).isEqualTo("wp-category:world"); // Ukraine ⊂ Europe ⊂ World
        assertThat(post.tags()).extracting(SourceTerm::key).containsExactly("wp-tag:ukraine", "wp-tag:business", "wp-tag:elections");
        assertThat(post.tags().get(1).name()).isEqualTo("Business & Money");
    }

    @Test
    void aCoAuthorsPlusPostKeepsItsBylinesInOrder() {
        SourcePost post = Recorder.read(BLOCKS).post("wp-post:102");

        assertThat(post.authors()).extracting(SourceAuthor::key, SourceAuthor::name).containsExactly(
                tuple("wp-author:asmith", "Alex Smith"),
                tuple("wp-author:guest-writer", "Guest Writer"),
                tuple("wp-author:jdoe", "Jane Doe"));
        assertThat(post.authors().get(0).email()).as("the channel's author, not a mere name").isEqualTo("alex@example.org");
    }

    @Test
    void withoutCoAuthorsTheCreatorIsTheBylineAndAnUnknownLoginIsNamedFromItself() {
        Recorder read = Recorder.read(BLOCKS);

        assertThat(read.post("wp-post:103").authors()).extracting(SourceAuthor::key).containsExactly("wp-author:Bob.Editor");
        assertThat(read.post("wp-post:106").authors()).containsExactly(
                SourceAuthor.named("wp-author:former-intern", "former-intern", "former-intern"));
    }

    @Test
    void theFeaturedImageIsItsAttachmentWithAltTextAndCaption() {
        SourcePost post = Recorder.read(BLOCKS).post("wp-post:101");

        assertThat(post.featureImage()).isEqualTo(new SourceImage("https://example.org/wp-content/uploads/2024/02/harbour.jpg",
                "The harbour at dawn", "Dawn over the harbour. <em>Photo: J. Doe</em>", null));
        assertThat(post.featured()).as("sticky").isTrue();
    }

    @Test
    void aFeaturedImageMissingFromTheFileIsAWarningNotAFailure() {
        SourcePost post = Recorder.read(BLOCKS).post("wp-post:103");

        assertThat(post.featureImage()).isNull();
        assertThat(post.warnings()).containsExactly("Featured image 999 is not in the file.");
        assertThat(post.featured()).isFalse();
    }

    @Test
    void wordPressStatusesBecomeMastheadStatusesWithTheirDates() {
        Recorder read = Recorder.read(BLOCKS);

        assertThat(read.post("wp-post:101").status()).isEqualTo(Status.PUBLISHED);
        assertThat(read.post("wp-post:101").publishedAt()).isEqualTo(Instant.parse("2024-02-20T10:00:00Z"));
        assertThat(read.post("wp-post:101").createdAt()).isEqualTo(Instant.parse("2024-02-20T10:00:00Z"));
        assertThat(read.post("wp-post:101").updatedAt()).isEqualTo(Instant.parse("2024-02-21T07:30:00Z"));

        SourcePost draft = read.post("wp-post:104");
        assertThat(draft.status()).isEqualTo(Status.DRAFT);
        assertThat(draft.publishedAt()).isNull();
        assertThat(draft.createdAt()).as("no GMT date: the local one, read as UTC").isEqualTo(Instant.parse("2024-02-23T09:15:00Z"));
        assertThat(draft.slug()).isNull();

        assertThat(read.post("wp-post:105").status()).isEqualTo(Status.IN_REVIEW);
        assertThat(read.post("wp-post:106").status()).isEqualTo(Status.SCHEDULED);
        assertThat(read.post("wp-post:106").publishedAt()).isEqualTo(Instant.parse("2030-03-04T06:00:00Z"));

        assertThat(read.post("wp-post:107").status()).isEqualTo(Status.DRAFT);
        assertThat(read.post("wp-post:107").warnings()).containsExactly("Private in WordPress; imported as a draft.");
        assertThat(read.post("wp-post:108").status()).isEqualTo(Status.DRAFT);
        assertThat(read.post("wp-post:108").warnings()).containsExactly("Password-protected in WordPress; imported as a draft.");
    }

    @Test
    void aPublishedPostWithoutAGmtDateUsesItsLocalDateAndWithoutAnyDateItsFeedDate() {
        Recorder read = Recorder.read(BLOCKS);

        assertThat(read.post("wp-post:112").publishedAt()).isEqualTo(Instant.parse("2024-03-01T09:00:00Z"));
        assertThat(read.post("wp-post:112").warnings()).isEmpty();
        assertThat(read.post("wp-post:113").publishedAt()).isEqualTo(Instant.parse("2024-03-02T08:00:00Z"));
        assertThat(read.post("wp-post:113").warnings()).containsExactly(
                "The export gives no publication date; the feed date is used.");
    }

    @Test
    void trashAutoDraftsMediaMenusOtherTypesTaxonomiesAndCommentsAreReportedAsSkipped() {
        Recorder read = Recorder.read(BLOCKS);

        assertThat(read.skipped).containsExactly(
                "comment: 2 comments on post 101 “Every block there is”",
                "trash: post 109 “Thrown away” is in the trash",
                "attachment: 1 media item: pictures are imported only where posts use them",
                "menu item: 1 navigation menu item",
                "auto-draft: 1 empty auto-draft",
                "post type: 1 item of type \"wp_block\"",
                "taxonomy: 1 term of the \"nav_menu\" taxonomy",
                "taxonomy: 1 term of the \"post_format\" taxonomy");
        assertThat(read.post("wp-post:101").comments()).isEqualTo(2);
        assertThat(read.post("wp-post:102").comments()).isZero();
    }

    @Test
    void pagesArePagesWithoutASection() {
        SourcePost page = Recorder.read(BLOCKS).post("wp-post:110");

        assertThat(page.kind()).isEqualTo(Kind.PAGE);
        assertThat(page.section()).isNull();
        assertThat(page.oldPaths()).containsExactly("/about/", "/?page_id=110");
    }

    @Test
    void oldPathsAreThePermalinkRelativeToTheBlogPlusTheShortLink() {
        Recorder read = Recorder.read(BLOCKS);

        assertThat(read.post("wp-post:101").oldPaths()).containsExactly("/2024/02/20/every-block/", "/?p=101");
        assertThat(read.post("wp-post:104").oldPaths()).as("a draft's link is its short link").containsExactly("/?p=104");
    }

    @Test
    void percentEncodedUnicodeSlugsAreDecodedAndDuplicateSlugsPassThrough() {
        Recorder read = Recorder.read(BLOCKS);

        assertThat(read.post("wp-post:111").slug()).isEqualTo("日本");
        assertThat(read.post("wp-post:111").title()).isEqualTo("日本のニュース");
        assertThat(read.post("wp-post:112").slug()).isEqualTo("same-name");
        assertThat(read.post("wp-post:113").slug()).isEqualTo("same-name");
    }

    @Test
    void yoastOverridesAreKeptAndItsTemplatesLeftOut() {
        SourcePost.Meta meta = Recorder.read(BLOCKS).post("wp-post:101").meta();

        assertThat(meta).isEqualTo(new SourcePost.Meta(null, "Every block, explained.", "Every block there is (social)",
                "Shared description", "https://example.org/wp-content/uploads/2024/02/social.jpg", "Every block (X)", null,
                null, "https://example.com/original"));
        assertThat(Recorder.read(BLOCKS).post("wp-post:102").meta()).isEqualTo(SourcePost.Meta.NONE);
    }

    @Test
    void theExcerptIsPlainTextAndTheLanguageThePrimarySubtag() {
        SourcePost post = Recorder.read(BLOCKS).post("wp-post:101");

        assertThat(post.excerpt()).isEqualTo("The whole story, block by block.");
        assertThat(post.language()).isEqualTo("en");
        assertThat(post.title()).isEqualTo("Every block there is");
    }

    @Test
    void theBodyIsCleanHtmlAndHostileMarkupIsLeftForTheSanitizer() {
        SourcePost post = Recorder.read(BLOCKS).post("wp-post:101");
        String html = post.body().source();

        assertThat(post.body().format()).isEqualTo(SourcePost.SourceBody.Format.HTML);
        assertThat(html).doesNotContain("<!--", "wp-block", "srcset", "style=")
                .contains("<cite>Volodymyr Lytvyn</cite>", "<aside class=\"pullquote\">", "<figure class=\"gallery\">",
                        "data-embed-url=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\"", "<hr>", "<section class=\"footnotes\">")
                .contains("<script>alert('script')</script>", "onerror=");
        assertThat(html).as("a CDATA section split around ]]> reads as one text").contains("c]]&gt; d");
        assertThat(post.warnings()).containsExactly("Left out WordPress blocks that show the site rather than the post: latest-posts.");
    }

    @Test
    void aWxr10ExportWithoutCdataOrAuthorsReadsWithItsClassicContent() {
        Recorder read = Recorder.read(CLASSIC);

        assertThat(read.events.get(0)).isEqualTo("site http://blog.example.net Dorfblatt");
        assertThat(read.authors).isEmpty();
        assertThat(read.sections).extracting(SourceTerm::key).containsExactly("wp-category:nachrichten");
        assertThat(read.posts).hasSize(2);

        SourcePost post = read.post("wp-post:11");
        assertThat(post.title()).isEqualTo("Das Dorffest & der Regen");
        assertThat(post.authors()).containsExactly(SourceAuthor.named("wp-author:admin", "admin", "admin"));
        assertThat(post.section().key()).isEqualTo("wp-category:nachrichten");
        assertThat(post.tags()).extracting(SourceTerm::key, SourceTerm::name).containsExactly(
                tuple("wp-tag:lokal", "Lokales & Vereine"),
                tuple("wp-tag:wahl", "Wahl"));
        assertThat(post.language()).isEqualTo("de");
        assertThat(post.excerpt()).isNull();
        assertThat(post.comments()).isEqualTo(1);
        assertThat(post.oldPaths()).containsExactly("/?p=11");
        assertThat(post.body().source())
                .startsWith("<p>Das Fest begann pünktlich<br>\num zehn Uhr.</p>\n<p>Dann kam der <strong>Regen</strong> &amp; alle liefen weg.</p>")
                .contains("<figure><img src=\"http://blog.example.net/wp-content/uploads/2010/02/zelt-300x200.jpg\" alt=\"Ein Zelt\" "
                        + "width=\"300\" height=\"200\"><figcaption>Das Zelt im Regen</figcaption></figure>")
                .contains("<img src=\"http://blog.example.net/wp-content/uploads/2010/02/kuchen.jpg\" alt=\"\">")
                .contains("<pre><code>Programm:\n\n  10:00 Beginn\n  12:00 Regen</code></pre>")
                .contains("data-embed-provider=\"youtube\"")
                .endsWith("<ul><li>Kuchen</li><li>Musik</li></ul>\n<p>Nächstes Jahr wieder.</p>");
        assertThat(read.post("wp-post:12").kind()).isEqualTo(Kind.PAGE);
        assertThat(read.post("wp-post:12").oldPaths()).containsExactly("/?page_id=12");
    }

    @Test
    void aTruncatedFileFailsNamingTheLineBeforeAnyPostIsVisited() throws IOException {
        byte[] whole = Files.readAllBytes(BLOCKS);
        Path half = temp.resolve("half.xml");
        Files.write(half, java.util.Arrays.copyOf(whole, whole.length / 2));
        Recorder visitor = new Recorder();

        assertThatThrownBy(() -> WxrReader.read(half, visitor)).isInstanceOf(ArchiveFormatException.class)
                .hasMessageContaining("at line ").hasMessageContaining("cut short");
        assertThat(visitor.events).isEmpty();
    }

    @Test
    void aFileThatIsNotAWordPressExportIsRefusedWithTheReason() throws IOException {
        assertThatThrownBy(() -> WxrReader.read(write("ghost.json", "{\"db\": []}"), new Recorder()))
                .isInstanceOf(ArchiveFormatException.class).hasMessageContaining("not XML");
        assertThatThrownBy(() -> WxrReader.read(write("page.html", "<html><body>hi</body></html>"), new Recorder()))
                .isInstanceOf(ArchiveFormatException.class).hasMessageContaining("root element is <html>");
        assertThatThrownBy(() -> WxrReader.read(write("feed.xml", "<rss version=\"2.0\"><channel><title>A feed</title>"
                + "<item><title>x</title></item></channel></rss>"), new Recorder()))
                .isInstanceOf(ArchiveFormatException.class).hasMessageContaining("not a WordPress export");
        assertThatThrownBy(() -> WxrReader.read(write("empty.xml", ""), new Recorder()))
                .isInstanceOf(ArchiveFormatException.class).hasMessageContaining("empty");
    }

    @Test
    void externalEntitiesAreNeverResolved() throws IOException {
        Path secret = write("secret.txt", "the-secret");
        Path hostile = write("hostile.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + secret.toUri()
                + "\">]>\n<rss xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel><title>&xxe;</title>"
                + "<wp:wxr_version>1.2</wp:wxr_version></channel></rss>");
        Recorder visitor = new Recorder();

        assertThatThrownBy(() -> WxrReader.read(hostile, visitor)).isInstanceOf(ArchiveFormatException.class)
                .hasMessageNotContaining("the-secret");
        assertThat(visitor.events).isEmpty();
    }

    @Test
    void controlCharactersXmlForbidsAreDroppedInsteadOfFailingTheImport() throws IOException {
        String export = Files.readString(CLASSIC).replace("Verantwortlich: Erika Muster", "Verantwortlich:\u0003 Erika\u000B Muster");
        Recorder read = Recorder.read(write("control.xml", export));

        assertThat(read.post("wp-post:12").body().source()).isEqualTo("<p>Verantwortlich: Erika Muster</p>");
    }

    @Test
    void blankLinesBeforeTheXmlDeclarationAreToleratedAsWordPressDoes() throws IOException {
        Recorder read = Recorder.read(write("blank-lines.xml", "\n\n" + Files.readString(CLASSIC)));

        assertThat(read.posts).hasSize(2);
    }

    @Test
    void theThemeUnitTestDataReadsCompletely() {
        Recorder read = Recorder.read(THEME_UNIT_TEST);

        assertThat(read.events.get(0)).isEqualTo("site https://wpthemetestdata.wordpress.com Theme Unit Test Data");
        assertThat(read.authors).extracting(SourceAuthor::key).containsExactly("wp-author:themedemos", "wp-author:themereviewteam");
        assertThat(read.sections).hasSize(58);
        assertThat(read.tags).hasSize(124).extracting(SourceTerm::key).contains("wp-tag:child-category-01", "wp-tag:grandchild-category");
        assertThat(read.posts.stream().filter(post -> post.kind() == Kind.ARTICLE)).hasSize(58);
        assertThat(read.posts.stream().filter(post -> post.kind() == Kind.PAGE)).hasSize(21);
        assertThat(read.posts.stream().filter(post -> post.status() == Status.PUBLISHED)).hasSize(76);
        assertThat(read.posts.stream().filter(post -> post.status() == Status.SCHEDULED)).hasSize(1);
        assertThat(read.posts.stream().filter(post -> post.status() == Status.DRAFT)).hasSize(2);
        assertThat(read.skipped).contains("attachment: 37 media items: pictures are imported only where posts use them",
                "menu item: 70 navigation menu items", "comment: 20 comments on post 1148 “Template: Comments”");

        assertThat(read.posts).allSatisfy(post -> assertThat(post.body().source()).doesNotContain("<!-- wp:", "<!--"));
        assertThat(read.posts.stream().filter(post -> post.status() == Status.PUBLISHED))
                .allSatisfy(post -> assertThat(post.publishedAt()).isNotNull());

        SourcePost sticky = read.post("wp-post:1241");
        assertThat(sticky.slug()).isEqualTo("template-sticky");
        assertThat(sticky.title()).isEqualTo("Template: Sticky");
        assertThat(sticky.featured()).isTrue();
        assertThat(sticky.section().key()).isEqualTo("wp-category:classic");
        assertThat(sticky.tags()).extracting(SourceTerm::key).containsExactly("wp-tag:sticky-2", "wp-tag:template");
        assertThat(sticky.oldPaths()).containsExactly("/2012/01/07/template-sticky/", "/?p=1241");

        assertThat(read.post("wp-post:1011").featureImage().url())
                .isEqualTo("https://wpthemetestdata.files.wordpress.com/2013/03/featured-image-horizontal.jpg");
        assertThat(read.post("wp-post:1173").title()).as("markup in a title").isEqualTo("Markup: Title With Markup");
        assertThat(read.post("wp-post:1811").slug()).isEqualTo("επίπεδο-2");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(temp.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static Path fixture(String name) {
        try {
            return Path.of(WxrReaderTests.class.getResource("/archive/wordpress/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Everything the reader tells the visitor, in order. */
    static final class Recorder implements ArchiveVisitor {

        final List<String> events = new ArrayList<>();
        final List<SourceAuthor> authors = new ArrayList<>();
        final List<SourceTerm> sections = new ArrayList<>();
        final List<SourceTerm> tags = new ArrayList<>();
        final List<SourcePost> posts = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();

        static Recorder read(Path file) {
            Recorder recorder = new Recorder();
            WxrReader.read(file, recorder);
            return recorder;
        }

        SourcePost post(String key) {
            return posts.stream().filter(post -> post.key().equals(key)).findFirst().orElseThrow();
        }

        @Override
        public void site(String baseUrl, String title) {
            events.add("site " + baseUrl + " " + title);
        }

        @Override
        public void author(SourceAuthor author) {
            events.add("author " + author.key());
            authors.add(author);
        }

        @Override
        public void section(SourceTerm section) {
            events.add("section " + section.key());
            sections.add(section);
        }

        @Override
        public void tag(SourceTerm tag) {
            events.add("tag " + tag.key());
            tags.add(tag);
        }

        @Override
        public void post(SourcePost post) {
            events.add("post " + post.key());
            posts.add(post);
        }

        @Override
        public void skipped(String kind, String detail) {
            events.add("skipped " + kind);
            skipped.add(kind + ": " + detail);
        }
    }
}
