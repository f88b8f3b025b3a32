package org.masthead.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.masthead.support.NewsroomClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

/** A brand-new installation: no staff account exists yet. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "masthead.data-dir=target/test-data/first-run", "masthead.embedded-database.ephemeral=true",
        "masthead.demo-content=false"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstRunSetupTests {

    @Autowired StaffAccounts accounts;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @Test
    @Order(1)
    void withoutStaffTheNewsroomLeadsToTheOneTimeSetupWhichCreatesTheFirstAdministrator() {
        NewsroomClient client = new NewsroomClient(port);
        assertThat(client.get("/admin").headers().firstValue("Location").orElseThrow()).endsWith("/admin/login");
        assertThat(client.get("/admin/login").headers().firstValue("Location").orElseThrow()).endsWith("/admin/setup");
        HttpResponse<String> form = client.get("/admin/setup");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Create the first Administrator");

        client.loadCsrfFrom("/admin/setup");
        HttpResponse<String> tooShort = client.post("/admin/setup", Map.of("email", "chief@paper.test",
                "displayName", "Chief", "password", "short", "confirmation", "short"));
        assertThat(tooShort.statusCode()).isEqualTo(422);
        assertThat(tooShort.body()).contains("at least 12 characters");
        String tooLong = "a long passphrase that goes on and on past the seventy-two bytes bcrypt can take";
        HttpResponse<String> overLimit = client.post("/admin/setup", Map.of("email", "chief@paper.test",
                "displayName", "Chief", "password", tooLong, "confirmation", tooLong));
        assertThat(overLimit.statusCode()).isEqualTo(422);
        assertThat(overLimit.body()).contains("at most 72 bytes");
        assertThat(accounts.count()).isZero();

        HttpResponse<String> created = client.post("/admin/setup", Map.of("email", "Chief@Paper.test",
                "displayName", "Chief Editor", "password", "a long enough password", "confirmation", "a long enough password"));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(accounts.findByEmail("chief@paper.test")).hasValueSatisfying(admin ->
                assertThat(admin.role()).isEqualTo(StaffRole.ADMINISTRATOR));
        assertThat(NewsroomClient.signedIn(port, "chief@paper.test", "a long enough password").get("/admin/staff").statusCode())
                .isEqualTo(200);
    }

    @Test
    @Order(2)
    void onceAnAccountExistsTheSetupPageIsGoneAndCannotAddAnotherAdministrator() {
        NewsroomClient client = new NewsroomClient(port);
        assertThat(client.get("/admin/setup").headers().firstValue("Location").orElseThrow()).endsWith("/admin/login");
        client.loadCsrfFrom("/admin/login");
        client.post("/admin/setup", Map.of("email", "intruder@paper.test", "displayName", "Intruder",
                "password", "intruder password", "confirmation", "intruder password"));
        assertThat(accounts.findByEmail("intruder@paper.test")).isEmpty();
    }

    @Test
    @Order(3)
    void headlessInstallsCreateTheAdministratorFromEnvironmentVariablesButNeverOverwrite() throws Exception {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("masthead.admin.email", "ops@paper.test")
                .withProperty("masthead.admin.password", "from the environment");
        new StaffBootstrap(accounts, environment).run(new DefaultApplicationArguments());
        assertThat(accounts.findByEmail("ops@paper.test")).isEmpty(); // an account exists already

        jdbc.sql("delete from staff_user").update();
        new StaffBootstrap(accounts, environment).run(new DefaultApplicationArguments());
        assertThat(accounts.findByEmail("ops@paper.test")).hasValueSatisfying(admin ->
                assertThat(admin.role()).isEqualTo(StaffRole.ADMINISTRATOR));
        assertThat(NewsroomClient.signedIn(port, "ops@paper.test", "from the environment").get("/admin").statusCode()).isEqualTo(200);
    }
}
