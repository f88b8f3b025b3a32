package org.masthead.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.content.Authors;
import org.masthead.identity.StaffAccounts;
import org.masthead.content.Sections;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.Staff;
import org.masthead.support.NewsroomClient;
import org.masthead.support.RawHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whatever staff type or a broken client sends, the newsroom answers with a 4xx that says what to fix — the form
 * again with a message on the field — and writes nothing: no article, revision, audit entry or profile.
 */
@EmptySiteTest
class StaffInputTests {

    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired StaffAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired org.masthead.media.MediaLibrary library;
    @LocalServerPort int port;

    Staff staff;
    NewsroomClient editor;

    @BeforeEach
    void staff() {
        staff = Staff.create(sections, authors, accounts);
        editor = NewsroomClient.signedIn(port, staff.editor().email(), Staff.PASSWORD);
    }

    private List<Map.Entry<String, String>> form(String headline) {
        return new ArrayList<>(List.of(Map.entry("headline", headline),
                Map.entry("sectionId", String.valueOf(staff.section().id())),
                Map.entry("authorIds", String.valueOf(staff.byline().id())), Map.entry("tags", "Council"),
                Map.entry("bodyMarkdown", "The council met."), Map.entry("action", "save")));
    }

    private static List<Map.Entry<String, String>> with(List<Map.Entry<String, String>> fields, String name, String value) {
        List<Map.Entry<String, String>> changed = new ArrayList<>(fields);
        changed.removeIf(field -> field.getKey().equals(name));
        changed.add(Map.entry(name, value));
        return changed;
    }

    private long writtenRows() {
        return jdbc.sql("select (select count(*) from article) + (select count(*) from article_revision)"
                + " + (select count(*) from audit_log) + (select count(*) from author)").query(Long.class).single();
    }

    /** The editor form again, 4xx, with the message on the named field; nothing written. */
    private void assertRefusedOnField(HttpResponse<String> response, String field, String message, long rowsBefore) {
        assertThat(response.statusCode()).as(field).isBetween(400, 499);
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("form#editor")).as(field + ": the editor form again").isNotNull();
        assertThat(page.selectFirst("#" + field + "-error")).as(field + ": a message on the field").isNotNull();
        assertThat(page.selectFirst("#" + field + "-error").text()).as(field).contains(message);
        assertThat(writtenRows()).as(field + ": nothing written").isEqualTo(rowsBefore);
    }

    @Test
    void overlongFieldsAreRefusedOnTheirFieldAndNothingIsWritten() {
        long before = writtenRows();
        assertRefusedOnField(editor.post("/admin/articles", form("H".repeat(3_001))), "headline", "at most", before);
        assertRefusedOnField(editor.post("/admin/articles", with(form("Long standfirst"), "standfirst", "S".repeat(5_000))),
                "standfirst", "at most", before);
        assertRefusedOnField(editor.post("/admin/articles", with(form("Long slug"), "slug", "s".repeat(200))),
                "slug", "at most", before);
        assertRefusedOnField(editor.post("/admin/articles", with(form("Long tag"), "tags", "T".repeat(500))),
                "tags", "at most", before);
        assertRefusedOnField(editor.post("/admin/articles", with(form("Many tags"), "tags",
                String.join(",", java.util.stream.IntStream.range(0, 100).mapToObj(i -> "tag" + i).toList()))), "tags", "at most", before);
        String image = String.valueOf(library.upload(org.masthead.media.UploadTestsSupport.jpeg(321, 179), "limits.jpg", null).id());
        before = writtenRows();
        assertRefusedOnField(editor.post("/admin/articles", with(with(form("Long caption"), "leadImageId", image),
                "leadImageCaption", "C".repeat(5_000))), "leadImageCaption", "at most", before);
        assertRefusedOnField(editor.post("/admin/articles", with(with(form("Long credit"), "leadImageId", image),
                "leadImageCredit", "C".repeat(1_000))), "leadImageCredit", "at most", before);
        assertRefusedOnField(editor.post("/admin/articles", with(with(form("Long alt"), "leadImageId", image),
                "leadImageAlt", "A".repeat(1_000))), "leadImageAlt", "at most", before);
        assertRefusedOnField(editor.post("/admin/articles", with(form("Long byline"), "guestByline", "G".repeat(1_000))),
                "guestByline", "at most", before);
        assertRefusedOnField(editor.postMultipart("/admin/articles", with(form("Huge body"), "bodyMarkdown",
                "word ".repeat(220_000)), null, null, null, null), "bodyMarkdown", "at most", before);
    }

    @Test
    void textFieldsOverTwoMegabytesInAMultipartFormGetAClearAnswer() {
        long before = writtenRows();
        HttpResponse<String> response = editor.postMultipart("/admin/articles", with(form("Enormous"), "bodyMarkdown",
                "word ".repeat(600_000)), null, null, null, null);
        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(response.body()).contains("at most");
        assertThat(writtenRows()).isEqualTo(before);

        long id = draft("Autosaved");
        long afterDraft = writtenRows();
        HttpResponse<String> autosave = editor.postMultipart("/admin/articles/" + id + "/autosave", with(with(form("Autosaved"),
                "version", "0"), "bodyMarkdown", "word ".repeat(600_000)), null, null, null, null);
        assertThat(autosave.statusCode()).isBetween(400, 499);
        assertThat(autosave.body()).contains("at most");
        assertThat(writtenRows()).isEqualTo(afterDraft);
    }

    @Test
    void unknownAuthorsImagesAndSectionsAreRefusedOnTheirField() {
        long before = writtenRows();
        assertRefusedOnField(editor.post("/admin/articles", with(form("Unknown author"), "authorIds", "999999999")),
                "authorIds", "no longer exists", before);
        assertRefusedOnField(editor.post("/admin/articles", with(with(form("Unknown image"), "leadImageId", "999999999"),
                "leadImageAlt", "alt")), "leadImageId", "no longer exists", before);
        assertRefusedOnField(editor.post("/admin/articles", with(form("Unknown section"), "sectionId", "999999999")),
                "sectionId", "Choose a section", before);
        HttpResponse<String> notANumber = editor.post("/admin/articles", with(form("Not a number"), "authorIds", "abc"));
        assertThat(notANumber.statusCode()).isBetween(400, 499);
        assertThat(writtenRows()).isEqualTo(before);
    }

    @Test
    void aLineBreakInTheActionIsRefusedNotEchoedIntoAHeader() {
        long before = writtenRows();
        HttpResponse<String> response = editor.post("/admin/articles", with(form("Injected"), "action", "save\r\nSet-Cookie: x=y"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("x="));
        assertThat(Jsoup.parse(response.body()).selectFirst("form#editor")).isNotNull();
        assertThat(response.body()).contains("not a newsroom action");
        assertThat(writtenRows()).isEqualTo(before);
    }

    @Test
    void nulAndOtherControlCharactersAreCleanedFromEveryField() {
        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(Map.entry("headline", "Nul\u0000 headline " + staff.section().slug()),
                Map.entry("sectionId", String.valueOf(staff.section().id())), Map.entry("standfirst", "Stand\u0000first"),
                Map.entry("authorIds", String.valueOf(staff.byline().id())), Map.entry("tags", "Ta\u0000g"),
                Map.entry("guestByline", "Gu\u0000est " + staff.section().slug()),
                Map.entry("bodyMarkdown", "Bo\u0000dy \u0001text."), Map.entry("action", "save")));
        HttpResponse<String> response = editor.post("/admin/articles", fields);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        long id = Long.parseLong(response.headers().firstValue("Location").orElseThrow().replaceAll(".*/admin/articles/(\\d+).*", "$1"));
        String stored = jdbc.sql("select headline || standfirst || body_source || body_text from article where id = ?")
                .param(id).query(String.class).single();
        assertThat(stored).doesNotContain("\u0000", "\u0001").contains("Nul headline", "Standfirst", "Body text.");
    }

    @Test
    void multipartBodiesWithoutABoundaryOrCutShortGetA400() {
        long before = writtenRows();
        for (String contentType : List.of("multipart/form-data", "multipart/form-data; boundary=xyz")) {
            String body = "--xyz\r\nContent-Disposition: form-data; name=\"headline\"\r\n\r\nCut short her";
            byte[] request = ("POST /admin/articles HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nCookie: SESSION=" + editor.sessionCookie()
                    + "\r\nX-CSRF-TOKEN: " + editor.csrfToken() + "\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                    + body.length() + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1);
            RawHttp.Response response = RawHttp.send(port, request);
            assertThat(response.status()).as(contentType).isEqualTo(400);
            assertThat(response.body()).as(contentType).contains("could not be read");
        }
        assertThat(writtenRows()).isEqualTo(before);
    }

    @Test
    void authorProfilesNeedANameWithinItsLimit() {
        long before = writtenRows();
        for (String name : List.of("", "   ", "\u0000", "N".repeat(500))) {
            HttpResponse<String> response = editor.post("/admin/authors", Map.of("name", name, "jobTitle", "Reporter"));
            assertThat(response.statusCode()).as("name " + name.length()).isEqualTo(422);
        }
        HttpResponse<String> longBio = editor.post("/admin/authors/" + staff.byline().id(), Map.of("name", "Fine name",
                "jobTitle", "", "bio", "B".repeat(20_000), "links", ""));
        assertThat(longBio.statusCode()).isEqualTo(422);
        assertThat(longBio.body()).contains("at most");
        assertThat(writtenRows()).isEqualTo(before);
    }

    @Test
    void passwordsOutsideThePolicyAreRefusedWithAMessage() {
        NewsroomClient admin = NewsroomClient.signedIn(port, staff.administrator().email(), Staff.PASSWORD);
        String unique = staff.section().slug();
        for (String password : List.of("eleven-char", "            ", "é".repeat(40), "x".repeat(73))) {
            HttpResponse<String> response = admin.post("/admin/staff", Map.of("email", "policy-" + unique + "@test",
                    "displayName", "Policy", "password", password, "role", "REPORTER"));
            assertThat(response.statusCode()).as(password).isEqualTo(422);
            assertThat(accounts.findByEmail("policy-" + unique + "@test")).as(password).isEmpty();
        }
        assertThat(admin.post("/admin/staff", Map.of("email", "policy-" + unique + "@test", "displayName", "Policy",
                "password", "twelve chars", "role", "REPORTER")).statusCode()).isEqualTo(302);
        // signing in with an over-long password is a failed sign-in, not a server error
        HttpResponse<String> signIn = new NewsroomClient(port).signIn("policy-" + unique + "@test", "x".repeat(200));
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login?error");
    }

    private long draft(String headline) {
        HttpResponse<String> response = editor.post("/admin/articles", form(headline + " " + staff.section().slug()));
        assertThat(response.statusCode()).isEqualTo(302);
        return Long.parseLong(response.headers().firstValue("Location").orElseThrow().replaceAll(".*/admin/articles/(\\d+).*", "$1"));
    }
}
