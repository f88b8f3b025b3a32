package org.masthead.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.api.integrations.Integration;
import org.masthead.api.integrations.Integrations;
import org.masthead.content.Authors;
import org.masthead.content.Sections;
import org.masthead.identity.StaffAccounts;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.GhostClient;
import org.masthead.support.NewsroomClient;
import org.masthead.support.Staff;
import org.masthead.support.WebhookReceiver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The newsroom's integration screens, as an Administrator uses them: create an integration with a role, read its
 * keys and use them, regenerate and revoke them, register a webhook and follow its delivery log, resend a call —
 * and nobody but Administrators gets in.
 */
@EmptySiteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntegrationPagesTests {

    private static final Pattern INTEGRATION_PATH = Pattern.compile("/admin/integrations/(\\d+)");

    @LocalServerPort int port;
    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired StaffAccounts accounts;
    @Autowired Integrations integrations;

    Staff staff;
    NewsroomClient admin;
    GhostClient ghost;

    @BeforeAll
    void signIn() {
        staff = Staff.create(sections, authors, accounts);
        admin = NewsroomClient.signedIn(port, staff.administrator().email(), Staff.PASSWORD);
        ghost = new GhostClient(port);
    }

    private long create(String name, String role) {
        HttpResponse<String> created = admin.post("/admin/integrations", Map.of("name", name, "description", "For tests",
                "role", role));
        assertThat(created.statusCode()).isEqualTo(302);
        Matcher id = INTEGRATION_PATH.matcher(created.headers().firstValue("Location").orElseThrow());
        assertThat(id.find()).isTrue();
        return Long.parseLong(id.group(1));
    }

    @Test
    void anAdministratorCreatesAnIntegrationAndItsKeysWorkAtOnce() {
        String name = "Newsletter tool " + UUID.randomUUID().toString().substring(0, 6);
        long id = create(name, "CONTRIBUTOR");

        Document page = Jsoup.parse(admin.get("/admin/integrations/" + id + "?created").body());
        assertThat(page.select("h1").text()).isEqualTo(name);
        String contentKey = page.getElementById("content-key").text();
        String adminKey = page.getElementById("admin-key").text();
        assertThat(contentKey).matches("[0-9a-f]{26}");
        assertThat(adminKey).matches("[0-9a-f]{24}:[0-9a-f]{64}");
        assertThat(page.select("p.alert").text()).contains("Integration created");

        Integration integration = integrations.find(id).orElseThrow();
        assertThat(ghost.content(integration, "settings/", "").status()).isEqualTo(200);
        assertThat(ghost.admin(integration, "GET", "posts/", null).status()).isEqualTo(200);
        assertThat(Jsoup.parse(admin.get("/admin/integrations").body()).select("td a").eachText()).contains(name);
    }

    @Test
    void regeneratingAKeyRetiresTheOldOne() {
        long id = create("Rotating " + UUID.randomUUID().toString().substring(0, 6), "EDITOR");
        Integration before = integrations.find(id).orElseThrow();
        assertThat(admin.post("/admin/integrations/" + id + "/content-key", Map.of()).statusCode()).isEqualTo(302);
        assertThat(ghost.content(before, "settings/", "").status()).isEqualTo(401);
        Integration after = integrations.find(id).orElseThrow();
        assertThat(after.contentKey()).isNotEqualTo(before.contentKey());
        assertThat(ghost.content(after, "settings/", "").status()).isEqualTo(200);
        assertThat(ghost.admin(after, "GET", "posts/", null).status()).as("the Admin API key stays").isEqualTo(200);

        assertThat(admin.post("/admin/integrations/" + id + "/delete", Map.of()).statusCode()).isEqualTo(302);
        assertThat(ghost.admin(after, "GET", "posts/", null).status()).isEqualTo(401);
        assertThat(admin.get("/admin/integrations/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void aWebhookRegisteredInTheNewsroomKeepsALogWithResend() throws Exception {
        long id = create("Hooked " + UUID.randomUUID().toString().substring(0, 6), "EDITOR");
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            HttpResponse<String> added = admin.post("/admin/integrations/" + id + "/webhooks", Map.of("event", "tag.added",
                    "targetUrl", receiver.url("/tags"), "name", "Tag watcher", "secret", "s"));
            assertThat(added.statusCode()).isEqualTo(302);
            Document page = Jsoup.parse(admin.get("/admin/integrations/" + id).body());
            String log = page.select("a:contains(Delivery log)").attr("href");
            assertThat(log).matches("/admin/integrations/" + id + "/webhooks/\\d+");

            Integration integration = integrations.find(id).orElseThrow();
            assertThat(ghost.admin(integration, "POST", "tags/", Map.of("tags", List.of(Map.of("name",
                    "Watched " + UUID.randomUUID().toString().substring(0, 6))))).status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.callsTo("/tags").size() == 1);
            await().atMost(Duration.ofSeconds(20)).until(() -> Jsoup.parse(admin.get(log).body()).select("tbody tr td")
                    .eachText().stream().anyMatch(cell -> cell.startsWith("delivered")));

            Document deliveries = Jsoup.parse(admin.get(log).body());
            assertThat(deliveries.select("tbody tr")).hasSize(1);
            assertThat(deliveries.select("tbody tr td").eachText()).anyMatch(cell -> cell.startsWith("200"));
            String resend = deliveries.select("tbody form").attr("action");
            assertThat(admin.post(resend, Map.of()).statusCode()).isEqualTo(302);
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.callsTo("/tags").size() == 2);
            assertThat(Jsoup.parse(admin.get(log + "?resent").body()).select("tbody tr")).hasSize(2);

            String switchOff = Jsoup.parse(admin.get("/admin/integrations/" + id).body())
                    .select("form[action$=/active]").attr("action");
            assertThat(admin.post(switchOff, Map.of("active", "false")).statusCode()).isEqualTo(302);
            assertThat(Jsoup.parse(admin.get("/admin/integrations/" + id).body()).select("tbody td").text())
                    .contains("Off — Switched off in the newsroom.");
        } finally {
            integrations.delete(id);
        }
    }

    @Test
    void aWebhookWithAnUnknownEventOrABadTargetIsRefusedWithAMessage() {
        long id = create("Careful " + UUID.randomUUID().toString().substring(0, 6), "REPORTER");
        HttpResponse<String> refused = admin.post("/admin/integrations/" + id + "/webhooks", Map.of("event", "post.added",
                "targetUrl", "javascript:alert(1)"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.body()).select(".alert--error").text()).contains("https://");
    }

    @Test
    void anIntegrationNeedsANameAndARoleBelowAdministrator() {
        HttpResponse<String> unnamed = admin.post("/admin/integrations", Map.of("name", " ", "role", "EDITOR"));
        assertThat(unnamed.statusCode()).isEqualTo(422);
        HttpResponse<String> tooMighty = admin.post("/admin/integrations", Map.of("name", "Root", "role", "ADMINISTRATOR"));
        assertThat(tooMighty.statusCode()).isEqualTo(422);
    }

    @Test
    void onlyAdministratorsSeeIntegrations() {
        NewsroomClient editor = NewsroomClient.signedIn(port, staff.editor().email(), Staff.PASSWORD);
        assertThat(editor.get("/admin/integrations").statusCode()).isEqualTo(403);
        assertThat(editor.post("/admin/integrations", Map.of("name", "Sneaky", "role", "EDITOR")).statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(admin.get("/admin").body()).select("nav a[href=/admin/integrations]")).hasSize(1);
        assertThat(Jsoup.parse(editor.get("/admin").body()).select("nav a[href=/admin/integrations]")).isEmpty();
    }
}
