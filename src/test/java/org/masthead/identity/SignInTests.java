package org.masthead.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.content.Authors;
import org.masthead.content.Sections;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.Staff;
import org.masthead.support.NewsroomClient;
import org.masthead.support.RawHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@EmptySiteTest
class SignInTests {

    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired StaffAccounts accounts;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    Staff staff;

    @BeforeEach
    void staff() {
        staff = Staff.create(sections, authors, accounts);
    }

    @Test
    void signingInLeadsToTheDashboardInANewSessionStoredInPostgres() {
        NewsroomClient client = new NewsroomClient(port);
        client.get("/admin/login");
        String anonymousSession = client.sessionCookie();
        HttpResponse<String> response = client.signIn(staff.editor().email().toUpperCase(), Staff.PASSWORD);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/admin");
        String session = client.sessionCookie();
        assertThat(session).isNotNull().isNotEqualTo(anonymousSession); // no session fixation
        assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("SESSION=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax"));
        assertThat(client.get("/admin").body()).contains("Hello, " + staff.editor().displayName());
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?")
                .param(staff.editor().email()).query(Long.class).single()).isPositive();
        assertThat(client.get("/admin").headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }

    @Test
    void aWrongPasswordShowsTheFormAgainWithAMessage() {
        NewsroomClient client = new NewsroomClient(port);
        HttpResponse<String> response = client.signIn(staff.reporter().email(), "wrong password");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login?error");
        assertThat(client.get("/admin/login?error").body()).contains("do not match an active account");
        assertThat(client.get("/admin").statusCode()).isEqualTo(302);
    }

    @Test
    void signingOutEndsTheSession() {
        NewsroomClient client = NewsroomClient.signedIn(port, staff.reporter().email(), Staff.PASSWORD);
        assertThat(client.post("/admin/logout", java.util.Map.of()).statusCode()).isEqualTo(302);
        assertThat(client.get("/admin").statusCode()).isEqualTo(302);
    }

    @Test
    void aDisabledAccountCannotSignIn() {
        accounts.update(staff.contributor().id(), StaffRole.CONTRIBUTOR, null, false);
        HttpResponse<String> response = new NewsroomClient(port).signIn(staff.contributor().email(), Staff.PASSWORD);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login?error");
    }

    @Test
    void repeatedFailuresForOneAccountAreRefusedWith429UntilTheWindowPasses() throws Exception {
        String email = staff.reporter().email();
        for (int i = 0; i < 5; i++) {
            assertThat(new NewsroomClient(port).signIn(email, "guess " + i).statusCode()).isEqualTo(302);
        }
        HttpResponse<String> blocked = new NewsroomClient(port).signIn(email, Staff.PASSWORD);
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.body()).contains("Too many failed sign-in attempts");
        assertThat(blocked.headers().firstValue("Retry-After")).hasValue("3");
        // another account from the same address is not affected
        assertThat(new NewsroomClient(port).signIn(staff.editor().email(), Staff.PASSWORD).statusCode()).isEqualTo(302);

        // the test configuration's window is 3 s: then the correct password works again
        awaitUnblocked(email);
    }

    @Test
    void repeatedFailuresFromOneAddressAreRefusedForEveryAccount() {
        String address = RawHttp.ownAddress(); // its own client address: the limit it trips blocks no other test
        int failures = 0;
        // the window restarts at fixed intervals, so a boundary may pass mid-loop: keep failing until refused
        while (failures < 60 && RawHttp.signIn(port, address, "nobody-" + failures + "@test", "guess").status() != 429) {
            failures++;
        }
        assertThat(failures).isBetween(12, 59);
        assertThat(RawHttp.signIn(port, address, staff.administrator().email(), Staff.PASSWORD).status()).isEqualTo(429);
        assertThat(RawHttp.signIn(port, RawHttp.ownAddress(), staff.administrator().email(), Staff.PASSWORD).status())
                .as("another address is not affected").isEqualTo(302);
    }

    @Test
    void anEmailSpelledWithOtherCaseFoldingCountsAgainstTheSameAccount() throws Exception {
        String email = staff.editor().email(); // editor-…@test: has an "i" to fold
        for (int i = 0; i < 5; i++) {
            new NewsroomClient(port).signIn(email, "guess " + i);
        }
        // PostgreSQL's lower() folds "İ" to "i" where Java makes "i̇": a second spelling must not get fresh attempts
        for (String variant : List.of(email.replace("i", "İ"), email.toUpperCase(Locale.ROOT), " " + email + " ")) {
            HttpResponse<String> attempt = new NewsroomClient(port).signIn(variant, Staff.PASSWORD);
            assertThat(attempt.headers().firstValue("Location").orElse("")).as(variant).doesNotEndWith("/admin");
        }
        awaitUnblocked(email);
    }

    @Test
    void emailsAreStoredAndLookedUpInOneNormalisedForm() {
        StaffMember created = accounts.create("  Ré.Porter-" + staff.section().slug() + "@Example.ORG ", "Ré Porter",
                Staff.PASSWORD, StaffRole.REPORTER, null);
        String normalised = "ré.porter-" + staff.section().slug() + "@example.org";
        assertThat(created.email()).isEqualTo(normalised);
        assertThat(jdbc.sql("select email from staff_user where id = ?").param(created.id()).query(String.class).single())
                .isEqualTo(normalised);
        // the same address written in decomposed form (e + combining acute) is the same account
        String decomposed = java.text.Normalizer.normalize("RÉ.PORTER-" + staff.section().slug() + "@example.org",
                java.text.Normalizer.Form.NFD);
        assertThat(accounts.findByEmail(decomposed)).map(StaffMember::id).hasValue(created.id());
        assertThat(NewsroomClient.signedIn(port, decomposed, Staff.PASSWORD).get("/admin").statusCode()).isEqualTo(200);
    }

    @Test
    void aForwardedForHeaderFromAPeerThatIsNoConfiguredProxyDoesNotChangeTheClientAddress() {
        String address = RawHttp.ownAddress();
        int failures = 0;
        // every attempt claims to come from another address; no proxy is configured, so all count for the real one
        while (failures < 60 && RawHttp.signIn(port, address, "spoofer-" + failures + "@test", "guess",
                "X-Forwarded-For", "203.0.113." + failures).status() != 429) {
            failures++;
        }
        assertThat(failures).isBetween(12, 59);
    }

    private void awaitUnblocked(String email) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).pollInterval(java.time.Duration.ofMillis(500))
                .until(() -> new NewsroomClient(port).signIn(email, Staff.PASSWORD).statusCode() == 302);
    }
}
