package org.masthead.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.content.ArticleConflictException;
import org.masthead.content.ArticleContent;
import org.masthead.content.ArticleKind;
import org.masthead.content.Authors;
import org.masthead.content.EditableArticle;
import org.masthead.content.Publishing;
import org.masthead.content.Sections;
import org.masthead.identity.StaffAccounts;
import org.masthead.identity.StaffMember;
import org.masthead.support.Stories;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.Staff;
import org.masthead.support.NewsroomClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Two people saving one article: exactly one wins, the other is told, nothing is lost silently. */
@EmptySiteTest
class ConcurrentEditTests {

    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired StaffAccounts accounts;
    @Autowired Publishing publishing;
    @LocalServerPort int port;

    Staff staff;

    @BeforeEach
    void staff() {
        staff = Staff.create(sections, authors, accounts);
    }

    private ArticleContent content(String headline, String body) {
        return ArticleContent.markdown(headline, "shared-" + staff.section().slug(), null, staff.section().id(),
                List.of(staff.byline().id()), List.of(), body, null, "en");
    }

    private EditableArticle create(StaffMember author, ArticleContent content) {
        return publishing.create(Staff.actor(author), new Publishing.Create(ArticleKind.ARTICLE, content, "", Publishing.Then.KEEP));
    }

    /** The stored body as readers read it (its source is the editor's block document). */
    private String body(long id) {
        return publishing.view(Stories.SYSTEM, id).body().text();
    }

    @Test
    void twoConcurrentSavesOfTheSameVersionLetExactlyOneWin() throws Exception {
        EditableArticle article = create(staff.editor(), content("Shared story", "Original."));
        int version = article.version();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> results = new ArrayList<>();
        for (String who : List.of("editor", "administrator")) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    publishing.revise(Staff.actor(who.equals("editor") ? staff.editor() : staff.administrator()),
                            new Publishing.Revise(article.id(), version, content("Shared story", "Version by " + who + "."), "",
                                    Publishing.Then.KEEP));
                    return who;
                } catch (ArticleConflictException e) {
                    return "conflict";
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> result : results) {
            outcomes.add(result.get());
        }
        pool.shutdown();

        assertThat(outcomes).containsOnlyOnce("conflict");
        String winner = outcomes.stream().filter(outcome -> !outcome.equals("conflict")).findFirst().orElseThrow();
        EditableArticle saved = publishing.view(Stories.SYSTEM, article.id());
        assertThat(saved.content().bodySource()).isEqualTo("Version by " + winner + ".");
        assertThat(saved.version()).isEqualTo(version + 1);
    }

    @Test
    void theSecondSaverSeesAConflictWithALinkToTheOtherVersionAndKeepsTheirText() {
        NewsroomClient first = NewsroomClient.signedIn(port, staff.editor().email(), Staff.PASSWORD);
        NewsroomClient second = NewsroomClient.signedIn(port, staff.reporter().email(), Staff.PASSWORD);
        EditableArticle article = create(staff.reporter(), content("Edited twice", "Original."));
        String version = String.valueOf(article.version());

        assertThat(first.post("/admin/articles/" + article.id(), form("First editor's text.", version)).statusCode()).isEqualTo(302);
        HttpResponse<String> late = second.post("/admin/articles/" + article.id(), form("Second editor's text.", version));

        assertThat(late.statusCode()).isEqualTo(409);
        var page = Jsoup.parse(late.body());
        assertThat(page.selectFirst("#conflict").text()).contains("Not saved", staff.editor().displayName());
        assertThat(page.selectFirst("#conflict a").attr("href")).matches("/admin/articles/\\d+/revisions/\\d+");
        assertThat(page.selectFirst("#bodyMarkdown").text()).isEqualTo("Second editor's text.");
        assertThat(body(article.id())).isEqualTo("First editor's text.");

        // the other version is one click away
        assertThat(second.get(page.selectFirst("#conflict a").attr("href")).body()).contains("First editor");

        // saving again from the conflict page is a deliberate overwrite, and works
        String current = page.selectFirst("input[name=version]").attr("value");
        assertThat(second.post("/admin/articles/" + article.id(), form("Second editor's text.", current)).statusCode()).isEqualTo(302);
        assertThat(body(article.id())).isEqualTo("Second editor's text.");
    }

    @Test
    void autosaveKeepsDraftsAndReportsConflictsAsJson() {
        NewsroomClient client = NewsroomClient.signedIn(port, staff.reporter().email(), Staff.PASSWORD);
        EditableArticle article = create(staff.reporter(), content("Autosaved", "Start."));
        HttpResponse<String> saved = client.post("/admin/articles/" + article.id() + "/autosave",
                form("Typed a little more.", String.valueOf(article.version())));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("\"version\":" + (article.version() + 1), "\"message\":\"Saved ");
        assertThat(body(article.id())).isEqualTo("Typed a little more.");

        HttpResponse<String> stale = client.post("/admin/articles/" + article.id() + "/autosave",
                form("From a stale tab.", String.valueOf(article.version())));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Not saved");
        assertThat(body(article.id())).isEqualTo("Typed a little more.");
    }

    private List<Map.Entry<String, String>> form(String body, String version) {
        return List.of(Map.entry("headline", "Edited twice"), Map.entry("slug", "shared-" + staff.section().slug()),
                Map.entry("sectionId", String.valueOf(staff.section().id())),
                Map.entry("authorIds", String.valueOf(staff.byline().id())), Map.entry("bodyMarkdown", body),
                Map.entry("version", version), Map.entry("action", "save"));
    }
}
