package org.masthead.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.content.ArticleKind;
import org.masthead.content.Authors;
import org.masthead.content.EditableArticle;
import org.masthead.content.Previews;
import org.masthead.content.Publishing;
import org.masthead.content.Sections;
import org.masthead.identity.StaffAccounts;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.NewsroomClient;
import org.masthead.support.ReaderClient;
import org.masthead.support.Staff;
import org.masthead.support.Stories;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A draft as readers will see it: for the newsroom, and through signed, expiring, revocable share links. */
@EmptySiteTest
class PreviewLinkTests {

    @Autowired Publishing publishing;
    @Autowired Previews previews;
    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired StaffAccounts accounts;
    @LocalServerPort int port;

    Staff staff;
    EditableArticle draft;

    @BeforeEach
    void draft() {
        staff = Staff.create(sections, authors, accounts);
        draft = publishing.create(Staff.actor(staff.contributor()), new Publishing.Create(ArticleKind.ARTICLE,
                Stories.content("Embargoed budget " + staff.section().slug(), staff.section().id(), List.of(staff.byline().id()),
                        List.of(), "The numbers, before anyone else sees them."), "", Publishing.Then.KEEP));
    }

    @Test
    void theNewsroomPreviewIsTheReaderPageNeitherCachedNorIndexed() {
        HttpResponse<String> preview = NewsroomClient.signedIn(port, staff.editor().email(), Staff.PASSWORD)
                .get("/admin/articles/" + draft.id() + "/preview");

        assertThat(preview.statusCode()).isEqualTo(200);
        var page = Jsoup.parse(preview.body());
        assertThat(page.selectFirst("h1").text()).isEqualTo("Embargoed budget " + staff.section().slug());
        assertThat(page.selectFirst(".article__body").text()).isEqualTo("The numbers, before anyone else sees them.");
        assertThat(page.selectFirst(".byline").text()).contains(staff.byline().name());
        assertThat(page.selectFirst(".preview-notice").text()).contains("draft");
        assertThat(page.selectFirst("meta[name=robots]").attr("content")).isEqualTo("noindex, nofollow");
        assertThat(preview.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(preview.headers().firstValue("X-Robots-Tag")).hasValue("noindex, nofollow");
        assertThat(new ReaderClient(port).get("/admin/articles/" + draft.id() + "/preview").statusCode())
                .as("not for readers").isEqualTo(302);
        assertThat(NewsroomClient.signedIn(port, staff.otherContributor().email(), Staff.PASSWORD)
                .get("/admin/articles/" + draft.id() + "/preview").statusCode()).as("not another contributor's").isEqualTo(403);
    }

    @Test
    void aShareLinkOpensTheDraftWithoutAnAccountUntilItIsRevoked() {
        NewsroomClient editor = NewsroomClient.signedIn(port, staff.editor().email(), Staff.PASSWORD);
        editor.loadCsrfFrom("/admin/articles/" + draft.id());
        assertThat(editor.post("/admin/articles/" + draft.id() + "/preview-links", Map.of("days", "7")).statusCode()).isEqualTo(302);
        var editorPage = Jsoup.parse(editor.get("/admin/articles/" + draft.id()).body());
        String link = editorPage.selectFirst(".share-link__url").val();
        String path = java.net.URI.create(link).getPath();
        ReaderClient stranger = new ReaderClient(port);

        HttpResponse<String> shared = stranger.get(path);
        assertThat(shared.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(shared.body()).selectFirst("h1").text()).isEqualTo("Embargoed budget " + staff.section().slug());
        assertThat(shared.headers().firstValue("X-Robots-Tag")).hasValue("noindex, nofollow");

        String tampered = path.replaceFirst("/preview/\\d+\\.", "/preview/" + (draft.id() + 1) + ".");
        assertThat(stranger.get(tampered).statusCode()).as("another article's id in a genuine link").isEqualTo(404);
        assertThat(stranger.get(path.substring(0, path.length() - 2) + "xx").statusCode()).as("a forged signature").isEqualTo(404);

        String revoke = editorPage.selectFirst(".share-links form").attr("action");
        assertThat(editor.post(revoke, Map.of()).statusCode()).isEqualTo(302);
        assertThat(stranger.get(path).statusCode()).as("revoked").isEqualTo(404);
    }

    @Test
    void onlyEditorsShareDrafts() {
        NewsroomClient contributor = NewsroomClient.signedIn(port, staff.contributor().email(), Staff.PASSWORD);
        contributor.loadCsrfFrom("/admin/articles/" + draft.id());
        assertThat(contributor.post("/admin/articles/" + draft.id() + "/preview-links", Map.of("days", "7")).statusCode())
                .isEqualTo(403);
        assertThat(previews.links(draft.id())).isEmpty();
    }
}
