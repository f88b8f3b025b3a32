package org.masthead.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.content.ArticleStatus;
import org.masthead.content.Authors;
import org.masthead.content.EditableArticle;
import org.masthead.content.PublishedArticles;
import org.masthead.content.Publishing;
import org.masthead.content.Sections;
import org.masthead.identity.StaffAccounts;
import org.masthead.identity.StaffMember;
import org.masthead.support.Stories;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.Staff;
import org.masthead.support.NewsroomClient;
import org.masthead.support.ReaderClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every role rule, proven with real HTTP requests against the running application. */
@EmptySiteTest
class NewsroomPermissionTests {

    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired StaffAccounts accounts;
    @Autowired Publishing publishing;
    @Autowired PublishedArticles articles;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    Staff staff;

    @BeforeEach
    void staff() {
        staff = Staff.create(sections, authors, accounts);
    }

    private NewsroomClient as(StaffMember staff) {
        return NewsroomClient.signedIn(port, staff.email(), Staff.PASSWORD);
    }

    private List<Map.Entry<String, String>> form(String headline, String action, Integer version) {
        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(
                Map.entry("headline", headline), Map.entry("sectionId", String.valueOf(staff.section().id())),
                Map.entry("authorIds", String.valueOf(staff.byline().id())), Map.entry("tags", "Council, Budget"),
                Map.entry("bodyMarkdown", "The council met on *Monday*."), Map.entry("action", action)));
        if (version != null) {
            fields.add(Map.entry("version", String.valueOf(version)));
        }
        return fields;
    }

    private long create(NewsroomClient client, String headline) {
        HttpResponse<String> response = client.post("/admin/articles", form(headline, "save", null));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.replaceAll(".*/admin/articles/(\\d+).*", "$1"));
    }

    private EditableArticle article(long id) {
        return publishing.view(Stories.SYSTEM, id);
    }

    @Test
    void signedOutVisitorsAreSentToTheSignInForm() {
        HttpResponse<String> response = new NewsroomClient(port).get("/admin");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login");
        assertThat(new NewsroomClient(port).get("/admin/articles/new").statusCode()).isEqualTo(302);
    }

    @Test
    void aContributorWritesADraftAndSubmitsItButCannotPublish() {
        NewsroomClient contributor = as(staff.contributor());
        long id = create(contributor, "Council budget draft " + staff.section().slug());
        assertThat(article(id).status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(article(id).createdBy()).isEqualTo(staff.contributor().id());

        HttpResponse<String> publish = contributor.post("/admin/articles/" + id,
                form("Council budget draft " + staff.section().slug(), "publish", article(id).version()));
        assertThat(publish.statusCode()).isEqualTo(403);
        assertThat(article(id).status()).isEqualTo(ArticleStatus.DRAFT);

        HttpResponse<String> submit = contributor.post("/admin/articles/" + id,
                form("Council budget draft " + staff.section().slug(), "submit", article(id).version()));
        assertThat(submit.statusCode()).isEqualTo(302);
        assertThat(article(id).status()).isEqualTo(ArticleStatus.IN_REVIEW);

        // the editor screen offers no publish button to a contributor either
        String editor = contributor.get("/admin/articles/" + id).body();
        assertThat(Jsoup.parse(editor).select("button[value=publish]")).isEmpty();
    }

    @Test
    void aContributorCannotOpenOrChangeSomeoneElsesArticle() {
        long id = create(as(staff.contributor()), "Someone else's story " + staff.section().slug());
        NewsroomClient other = as(staff.otherContributor());

        assertThat(other.get("/admin/articles/" + id).statusCode()).isEqualTo(403);
        HttpResponse<String> edit = other.post("/admin/articles/" + id, form("Hijacked", "save", article(id).version()));
        assertThat(edit.statusCode()).isEqualTo(403);
        assertThat(article(id).content().headline()).isEqualTo("Someone else's story " + staff.section().slug());
        assertThat(other.get("/admin/articles").body()).doesNotContain("Someone else&#39;s story", "Someone else's story");
    }

    @Test
    void aReporterPublishesOwnArticlesButNotOthers() {
        NewsroomClient reporter = as(staff.reporter());
        long own = create(reporter, "Reporter's own " + staff.section().slug());
        assertThat(reporter.post("/admin/articles/" + own, form("Reporter's own " + staff.section().slug(), "publish",
                article(own).version())).statusCode()).isEqualTo(302);
        assertThat(article(own).status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(new ReaderClient(port).get("/articles/" + article(own).slug()).statusCode()).isEqualTo(200);

        long theirs = create(as(staff.contributor()), "Contributor's piece " + staff.section().slug());
        HttpResponse<String> publish = reporter.post("/admin/articles/" + theirs,
                form("Contributor's piece " + staff.section().slug(), "publish", article(theirs).version()));
        assertThat(publish.statusCode()).isEqualTo(403);
        assertThat(article(theirs).status()).isEqualTo(ArticleStatus.DRAFT);
    }

    @Test
    void anEditorPublishesUnpublishesAndCorrectsAnyArticle() {
        long id = create(as(staff.contributor()), "Editor's pick " + staff.section().slug());
        NewsroomClient editor = as(staff.editor());
        String headline = "Editor's pick " + staff.section().slug();

        assertThat(editor.post("/admin/articles/" + id, form(headline, "publish", article(id).version())).statusCode()).isEqualTo(302);
        assertThat(article(id).status()).isEqualTo(ArticleStatus.PUBLISHED);

        assertThat(editor.post("/admin/articles/" + id + "/corrections", Map.of("kind", "CORRECTION",
                "text", "An earlier version misstated the budget.")).statusCode()).isEqualTo(302);
        assertThat(new ReaderClient(port).get("/articles/" + article(id).slug()).body())
                .contains("An earlier version misstated the budget.");

        HttpResponse<String> feedBefore = new ReaderClient(port).get(staff.section().url());
        assertThat(feedBefore.body()).contains("/articles/" + article(id).slug());
        String lastModified = feedBefore.headers().firstValue("Last-Modified").orElseThrow();

        assertThat(editor.post("/admin/articles/" + id, form(headline, "unpublish", article(id).version())).statusCode()).isEqualTo(302);
        assertThat(article(id).status()).isEqualTo(ArticleStatus.UNPUBLISHED);
        assertThat(new ReaderClient(port).get("/articles/" + article(id).slug()).statusCode()).isEqualTo(404);
        // removing a story can lower the newest date on a list: revalidation by date must not keep it on screen
        HttpResponse<String> feedAfter = new ReaderClient(port).get(staff.section().url(), "If-Modified-Since", lastModified);
        assertThat(feedAfter.statusCode()).isEqualTo(200);
        assertThat(feedAfter.body()).doesNotContain("/articles/" + article(id).slug());
    }

    @Test
    void onlyEditorsAddCorrections() {
        NewsroomClient reporter = as(staff.reporter());
        long id = create(reporter, "Reporter publishes " + staff.section().slug());
        reporter.post("/admin/articles/" + id, form("Reporter publishes " + staff.section().slug(), "publish", article(id).version()));
        assertThat(article(id).status()).isEqualTo(ArticleStatus.PUBLISHED);
        HttpResponse<String> correction = reporter.post("/admin/articles/" + id + "/corrections",
                Map.of("kind", "CORRECTION", "text", "Not allowed"));
        assertThat(correction.statusCode()).isEqualTo(403);
        assertThat(articles.corrections(id)).isEmpty();
    }

    @Test
    void sectionsAuthorsAndTheAuditLogAreForEditorsStaffForAdministrators() {
        NewsroomClient reporter = as(staff.reporter());
        NewsroomClient editor = as(staff.editor());
        NewsroomClient admin = as(staff.administrator());
        for (String path : List.of("/admin/sections", "/admin/authors", "/admin/audit")) {
            assertThat(reporter.get(path).statusCode()).as(path).isEqualTo(403);
            assertThat(editor.get(path).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(reporter.post("/admin/sections", Map.of("name", "Reporter section")).statusCode()).isEqualTo(403);
        assertThat(sections.findBySlug("reporter-section")).isEmpty();
        assertThat(editor.get("/admin/staff").statusCode()).isEqualTo(403);
        assertThat(editor.post("/admin/staff", Map.of("email", "sneaky@test", "displayName", "Sneaky",
                "password", "sneaky-password", "role", "ADMINISTRATOR")).statusCode()).isEqualTo(403);
        assertThat(accounts.findByEmail("sneaky@test")).isEmpty();
        assertThat(admin.get("/admin/staff").statusCode()).isEqualTo(200);
    }

    @Test
    void onlyEditorsRewriteTheDescriptionOfLibraryImages() {
        long mediaId = jdbc.sql("insert into media (file_name, content_type, width, height, byte_size, created_at, alt) "
                + "values (?, 'image/jpeg', 10, 10, 1, now(), 'Original alt') returning id")
                .param(java.util.UUID.randomUUID().toString().replace("-", "") + ".jpg").query(Long.class).single();
        HttpResponse<String> contributor = as(staff.contributor()).post("/admin/media/" + mediaId,
                Map.of("alt", "Vandalised", "caption", "", "credit", ""));
        assertThat(contributor.statusCode()).isEqualTo(403);
        assertThat(as(staff.editor()).post("/admin/media/" + mediaId, Map.of("alt", "Better alt", "caption", "",
                "credit", "Agency")).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select alt from media where id = ?").param(mediaId).query(String.class).single()).isEqualTo("Better alt");
    }

    @Test
    void aDemotedOrDisabledMemberLosesTheirPowersAtOnceNotWhenTheSessionExpires() {
        NewsroomClient editor = as(staff.editor());
        assertThat(editor.get("/admin/sections").statusCode()).isEqualTo(200);
        NewsroomClient admin = as(staff.administrator());
        assertThat(admin.post("/admin/staff/" + staff.editor().id(), Map.of("role", "CONTRIBUTOR", "enabled", "true",
                "password", "")).statusCode()).isEqualTo(302);
        assertThat(editor.get("/admin/sections").statusCode()).isEqualTo(302); // signed out: back to the form
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?")
                .param(staff.editor().email()).query(Long.class).single()).isZero();
    }

    @Test
    void theSessionHoldsNoPasswordHash() {
        as(staff.reporter());
        List<byte[]> attributes = jdbc.sql("select a.attribute_bytes from spring_session_attributes a "
                + "join spring_session s on s.primary_id = a.session_primary_id where s.principal_name = ?")
                .param(staff.reporter().email()).query(byte[].class).list();
        assertThat(attributes).isNotEmpty();
        assertThat(attributes).noneMatch(bytes -> new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).contains("{bcrypt}"));
    }

    @Test
    void everyStateChangingRequestWithoutACsrfTokenIsRefused() {
        NewsroomClient editor = as(staff.editor());
        long id = create(editor, "CSRF target " + staff.section().slug());
        int version = article(id).version();
        assertThat(editor.postWithoutCsrf("/admin/articles/" + id, Map.of("headline", "Forged", "action", "publish",
                "version", String.valueOf(version), "sectionId", String.valueOf(staff.section().id()))).statusCode()).isEqualTo(403);
        assertThat(editor.postWithoutCsrf("/admin/articles", Map.of("headline", "Forged new")).statusCode()).isEqualTo(403);
        assertThat(editor.postWithoutCsrf("/admin/sections", Map.of("name", "Forged section")).statusCode()).isEqualTo(403);
        assertThat(new NewsroomClient(port).postWithoutCsrf("/admin/login", Map.of("email", staff.editor().email(),
                "password", Staff.PASSWORD)).statusCode()).isEqualTo(403);
        assertThat(article(id).status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(article(id).content().headline()).isEqualTo("CSRF target " + staff.section().slug());
        assertThat(sections.findBySlug("forged-section")).isEmpty();
    }

    @Test
    void publishingNeedsAnAuthorAndAHeadlineWithMessagesPerField() {
        NewsroomClient editor = as(staff.editor());
        List<Map.Entry<String, String>> noAuthor = new ArrayList<>(form("No byline " + staff.section().slug(), "publish", null));
        noAuthor.removeIf(field -> field.getKey().equals("authorIds"));
        HttpResponse<String> response = editor.post("/admin/articles", noAuthor);
        assertThat(response.statusCode()).isEqualTo(422);
        var page = Jsoup.parse(response.body());
        assertThat(page.select("#errors li").eachText()).contains("A published article needs at least one author.");
        assertThat(page.selectFirst("#headline").val()).isEqualTo("No byline " + staff.section().slug());

        HttpResponse<String> noHeadline = editor.post("/admin/articles", form("", "publish", null));
        assertThat(noHeadline.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(noHeadline.body()).selectFirst("#headline-error").text()).isEqualTo("Write a headline.");
    }

    @Test
    void everyActionIsInTheAuditLogAndEveryContentChangeKeepsARevision() {
        NewsroomClient editor = as(staff.editor());
        String headline = "Audited " + staff.section().slug();
        long id = create(editor, headline);
        editor.post("/admin/articles/" + id, form(headline + " v2", "save", article(id).version()));
        editor.post("/admin/articles/" + id, form(headline + " v2", "save", article(id).version())); // no change
        editor.post("/admin/articles/" + id, form(headline + " v2", "publish", article(id).version()));

        List<String> reasons = jdbc.sql("select reason from article_revision where article_id = ? order by number")
                .param(id).query(String.class).list();
        assertThat(reasons).containsExactly("create", "save", "publish");
        List<String> actions = jdbc.sql("select action from audit_log where article_id = ? order by id")
                .param(id).query(String.class).list();
        // one command, one line: a save that changed nothing leaves none, save-and-publish leaves "published"
        assertThat(actions).containsExactly("created", "saved", "published");
        assertThat(editor.get("/admin/audit?article=" + id).body()).contains("published", staff.editor().displayName());

        HttpResponse<String> diff = editor.get("/admin/articles/" + id + "/revisions/2");
        assertThat(diff.statusCode()).isEqualTo(200);
        var lines = Jsoup.parse(diff.body());
        // the headline changed by one word: that word is marked, not the whole line
        var changed = lines.select(".diff__changed").stream().filter(line -> line.text().contains("Headline: ")).findFirst().orElseThrow();
        assertThat(changed.select("ins").eachText()).containsExactly("v2");
        assertThat(changed.select("del")).isEmpty();

        // restoring revision 1 brings the first headline back, as a new revision
        assertThat(editor.post("/admin/articles/" + id + "/revisions/1/restore",
                Map.of("version", String.valueOf(article(id).version()))).statusCode()).isEqualTo(302);
        assertThat(article(id).content().headline()).isEqualTo(headline);
        assertThat(jdbc.sql("select reason from article_revision where article_id = ? order by number desc limit 1")
                .param(id).query(String.class).single()).isEqualTo("restore");
    }

    @Test
    void reUploadingALibraryImageDoesNotLetAContributorRewriteItsDescription() {
        byte[] picture = org.masthead.media.UploadTestsSupport.jpeg(643, 357);
        NewsroomClient editor = as(staff.editor());
        assertThat(editor.postMultipart("/admin/media", List.of(Map.entry("alt", "Harbour at dawn"),
                Map.entry("caption", "The harbour."), Map.entry("credit", "Staff photographer")), "file", "harbour.jpg",
                "image/jpeg", picture).statusCode()).isEqualTo(302);
        long mediaId = jdbc.sql("select id from media where original_name = 'harbour.jpg' order by id desc limit 1")
                .query(Long.class).single();

        NewsroomClient contributor = as(staff.contributor());
        HttpResponse<String> again = contributor.postMultipart("/admin/media", List.of(Map.entry("alt", "Hijacked"),
                Map.entry("caption", "Hijacked"), Map.entry("credit", "Hijacked")), "file", "same.jpg", "image/jpeg", picture);
        assertThat(again.statusCode()).isLessThan(500);
        assertThat(jdbc.sql("select alt || '|' || caption || '|' || credit from media where id = ?").param(mediaId)
                .query(String.class).single()).isEqualTo("Harbour at dawn|The harbour.|Staff photographer");

        // the editor's article form uploads through the same library: same rule
        List<Map.Entry<String, String>> fields = new ArrayList<>(form("Re-upload " + staff.section().slug(), "save", null));
        fields.addAll(List.of(Map.entry("leadImageAlt", "Hijacked"), Map.entry("leadImageCaption", "Hijacked"),
                Map.entry("leadImageCredit", "Hijacked")));
        assertThat(contributor.postMultipart("/admin/articles", fields, "leadImageFile", "again.jpg", "image/jpeg", picture)
                .statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select alt || '|' || caption || '|' || credit from media where id = ?").param(mediaId)
                .query(String.class).single()).isEqualTo("Harbour at dawn|The harbour.|Staff photographer");
    }

    @Test
    void aGuestBylineHasNoPublicPageUntilAnArticleCarryingItIsPublished() {
        String guest = "Guest Writer " + staff.section().slug();
        String slug = org.masthead.text.Slugs.slugify(guest);
        NewsroomClient contributor = as(staff.contributor());
        List<Map.Entry<String, String>> fields = new ArrayList<>(form("Guest piece " + staff.section().slug(), "save", null));
        fields.add(Map.entry("guestByline", guest));
        HttpResponse<String> saved = contributor.post("/admin/articles", fields);
        assertThat(saved.statusCode()).isEqualTo(302);
        long id = Long.parseLong(saved.headers().firstValue("Location").orElseThrow().replaceAll(".*/admin/articles/(\\d+).*", "$1"));

        ReaderClient reader = new ReaderClient(port);
        assertThat(reader.get("/authors/" + slug).statusCode()).isEqualTo(404);
        assertThat(reader.get("/authors/" + slug + "/feed.xml").statusCode()).isEqualTo(404);
        assertThat(reader.get("/search?q=anything").body()).doesNotContain(guest);
        assertThat(reader.get("/sitemaps/authors.xml").body()).doesNotContain(slug);

        NewsroomClient editor = as(staff.editor());
        assertThat(editor.post("/admin/articles/" + id, withAuthors(form("Guest piece " + staff.section().slug(), "publish",
                article(id).version()), article(id).content().authorIds())).statusCode()).isEqualTo(302);
        assertThat(reader.get("/authors/" + slug).statusCode()).isEqualTo(200);
        assertThat(reader.get("/search?q=anything").body()).contains(guest);
    }

    private static List<Map.Entry<String, String>> withAuthors(List<Map.Entry<String, String>> fields, List<Long> authorIds) {
        List<Map.Entry<String, String>> all = new ArrayList<>(fields);
        all.removeIf(field -> field.getKey().equals("authorIds"));
        authorIds.forEach(authorId -> all.add(Map.entry("authorIds", String.valueOf(authorId))));
        return all;
    }
}
