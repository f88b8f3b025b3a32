package org.masthead.live.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.content.Authors;
import org.masthead.content.EditableArticle;
import org.masthead.content.LiveBlogs;
import org.masthead.content.Publishing;
import org.masthead.content.Sections;
import org.masthead.identity.StaffAccounts;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.NewsroomClient;
import org.masthead.support.Staff;
import org.masthead.support.Stories;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The live desk as plain forms (no JavaScript): coverage, posting, editing, deleting, approving, and who may. */
@EmptySiteTest
class LiveDeskTests {

    @Autowired LiveBlogs liveBlogs;
    @Autowired Publishing publishing;
    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired StaffAccounts accounts;
    @LocalServerPort int port;

    Staff staff;
    EditableArticle article;
    String desk;

    @BeforeEach
    void article() {
        staff = Staff.create(sections, authors, accounts);
        article = new Stories(publishing).publish(Stories.content("Strike live " + UUID.randomUUID().toString().substring(0, 8),
                staff.section().id(), List.of(staff.byline().id()), List.of(), "The city wakes to a strike."),
                Instant.now().minusSeconds(300));
        desk = "/admin/live/" + article.id();
    }

    private NewsroomClient signedIn(org.masthead.identity.StaffMember member) {
        NewsroomClient client = NewsroomClient.signedIn(port, member.email(), Staff.PASSWORD);
        client.loadCsrfFrom(desk);
        return client;
    }

    @Test
    void anEditorStartsCoverageAReporterPostsEditsAndDeletesAndTheEditorEndsIt() {
        NewsroomClient editor = signedIn(staff.editor());
        assertThat(Jsoup.parse(editor.get(desk).body()).select("form[action$=/start] button").text()).isEqualTo("Make it a live blog");
        assertThat(editor.post(desk + "/start", Map.of()).statusCode()).isEqualTo(302);

        NewsroomClient reporter = signedIn(staff.reporter());
        HttpResponse<String> posted = reporter.post(desk + "/entries", Map.of("title", "Buses stop", "body", "No buses run **today**.",
                "keyEvent", "true"));
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElseThrow()).endsWith("?done=posted");
        LiveBlogs.Entry entry = liveBlogs.page(article.id(), null, 10).get(0);
        assertThat(entry.title()).isEqualTo("Buses stop");
        assertThat(entry.bodyHtml()).contains("<strong>today</strong>");
        assertThat(entry.keyEvent()).isTrue();
        assertThat(entry.bylines()).extracting(b -> b.authorId()).containsExactly(staff.byline().id());

        Document page = Jsoup.parse(reporter.get(desk).body());
        assertThat(page.select("#desk-entry-" + entry.id()).text()).contains("Buses stop").contains("Key event");
        assertThat(reporter.post(desk + "/entries/" + entry.id(), Map.of("version", String.valueOf(entry.version()),
                "title", "Buses stop", "body", "No buses or trams run today.")).statusCode()).isEqualTo(302);
        assertThat(liveBlogs.entry(entry.id()).orElseThrow().bodyText()).isEqualTo("No buses or trams run today.");
        assertThat(liveBlogs.entry(entry.id()).orElseThrow().keyEvent()).isFalse(); // unticked: no longer a key event

        assertThat(reporter.post(desk + "/entries/" + entry.id() + "/delete", Map.of()).statusCode()).isEqualTo(302);
        assertThat(liveBlogs.entry(entry.id())).isEmpty();

        assertThat(editor.post(desk + "/end", Map.of()).statusCode()).isEqualTo(302);
        HttpResponse<String> afterEnd = reporter.post(desk + "/entries", Map.of("body", "One more."));
        assertThat(afterEnd.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(afterEnd.body()).select("[role=alert]").text()).contains("coverage has ended");
    }

    @Test
    void anEntryWithAnAttributedQuoteAndACreditedPictureIsPostedFromTheDesk() {
        liveBlogs.start(Staff.actor(staff.editor()), article.id());
        NewsroomClient reporter = signedIn(staff.reporter());
        HttpResponse<String> posted = reporter.postMultipart(desk + "/entries", List.of(Map.entry("title", "At the gates"),
                        Map.entry("body", "Union leaders spoke to the crowd."), Map.entry("quote", "We stay until they listen."),
                        Map.entry("quoteBy", "Mira Dahl, union secretary"), Map.entry("pictureAlt", "A crowd at the depot gates"),
                        Map.entry("pictureCaption", "The picket at dawn"), Map.entry("pictureCredit", "Photo: Ana Reyes"),
                        Map.entry("embed", "https://www.youtube.com/watch?v=dQw4w9WgXcQ")),
                "picture", "gates.jpg", "image/jpeg", org.masthead.media.UploadTestsSupport.jpeg(803, 452));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        LiveBlogs.Entry entry = liveBlogs.page(article.id(), null, 10).get(0);
        assertThat(entry.bodyFormat()).isEqualTo(org.masthead.body.BodyFormat.BLOCKS);
        Document html = Jsoup.parseBodyFragment(entry.bodyHtml());
        assertThat(html.select("p").first().text()).isEqualTo("Union leaders spoke to the crowd.");
        assertThat(html.select("figure.quote blockquote").text()).isEqualTo("We stay until they listen.");
        assertThat(html.select(".quote__attribution").text()).contains("Mira Dahl, union secretary");
        assertThat(html.select("img").attr("alt")).isEqualTo("A crowd at the depot gates");
        assertThat(html.select("figcaption").text()).contains("The picket at dawn").contains("Photo: Ana Reyes");
        assertThat(html.select("figure.embed").attr("data-embed-provider")).isEqualTo("youtube");

        // editing it from the desk changes its title and flags; its quote and picture stay as posted
        assertThat(reporter.post(desk + "/entries/" + entry.id(), Map.of("version", String.valueOf(entry.version()),
                "title", "At the depot gates", "keyEvent", "true")).statusCode()).isEqualTo(302);
        LiveBlogs.Entry edited = liveBlogs.entry(entry.id()).orElseThrow();
        assertThat(edited.title()).isEqualTo("At the depot gates");
        assertThat(edited.keyEvent()).isTrue();
        assertThat(edited.bodySource()).isEqualTo(entry.bodySource());
    }

    @Test
    void aRefusedEntryKeepsWhatWasTypedAndSaysWhy() {
        liveBlogs.start(Staff.actor(staff.editor()), article.id());
        NewsroomClient reporter = signedIn(staff.reporter());
        HttpResponse<String> refused = reporter.post(desk + "/entries", Map.of("title", "Half a thought", "body", "   "));
        assertThat(refused.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select("[role=alert]").text()).contains("no words");
        assertThat(page.select("#title").val()).isEqualTo("Half a thought");
    }

    @Test
    void aContributorsEntryWaitsForAnEditorWhoApprovesIt() {
        liveBlogs.start(Staff.actor(staff.editor()), article.id());
        NewsroomClient contributor = signedIn(staff.contributor());
        HttpResponse<String> sent = contributor.post(desk + "/entries", Map.of("body", "Picket lines at the depot."));
        assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("?done=waiting");
        LiveBlogs.Entry waiting = liveBlogs.pending(article.id()).get(0);
        assertThat(liveBlogs.page(article.id(), null, 10)).isEmpty();

        NewsroomClient reporter = signedIn(staff.reporter());
        assertThat(Jsoup.parse(reporter.get(desk).body()).select("form[action$=/approve]")).isEmpty();
        assertThat(reporter.post(desk + "/entries/" + waiting.id() + "/approve", Map.of()).statusCode()).isEqualTo(422);

        NewsroomClient editor = signedIn(staff.editor());
        assertThat(editor.post(desk + "/entries/" + waiting.id() + "/approve", Map.of()).statusCode()).isEqualTo(302);
        assertThat(liveBlogs.page(article.id(), null, 10)).extracting(LiveBlogs.Entry::id).containsExactly(waiting.id());
    }

    @Test
    void aReporterCannotChangeAnotherReportersEntryButAnEditorCan() {
        liveBlogs.start(Staff.actor(staff.editor()), article.id());
        Staff other = Staff.create(sections, authors, accounts);
        LiveBlogs.Entry theirs = liveBlogs.add(Staff.actor(other.reporter()), article.id(), new LiveBlogs.EntryContent("",
                "Their update.", org.masthead.body.BodyFormat.MARKDOWN, false, false, List.of()));
        NewsroomClient reporter = signedIn(staff.reporter());
        assertThat(Jsoup.parse(reporter.get(desk).body()).select("#desk-entry-" + theirs.id() + " form[action$=/delete]")).isEmpty();
        HttpResponse<String> refused = reporter.post(desk + "/entries/" + theirs.id() + "/delete", Map.of());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(liveBlogs.entry(theirs.id())).isPresent();

        NewsroomClient editor = signedIn(staff.editor());
        assertThat(editor.post(desk + "/entries/" + theirs.id() + "/flags", Map.of("pinned", "true")).statusCode()).isEqualTo(302);
        assertThat(liveBlogs.pinned(article.id()).orElseThrow().id()).isEqualTo(theirs.id());
    }
}
