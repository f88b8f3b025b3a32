package org.masthead.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.masthead.content.Authors;
import org.masthead.content.EditableArticle;
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

/** Administrators choose the zone the site shows times in; the pages say which it is. */
@EmptySiteTest
class SiteTimeZoneSettingTests {

    @Autowired Publishing publishing;
    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired StaffAccounts accounts;
    @LocalServerPort int port;

    @Test
    void anAdministratorSetsTheSitesTimeZoneAndArticlesShowTheirTimesInIt() {
        Staff staff = Staff.create(sections, authors, accounts);
        String unique = UUID.randomUUID().toString().substring(0, 6);
        EditableArticle story = new Stories(publishing).publish(Stories.content("Ferry timetable changes " + unique,
                staff.section().id(), List.of(staff.byline().id()), List.of(), "Ferries leave earlier."),
                Instant.parse("2026-02-20T13:47:00Z"));
        NewsroomClient admin = NewsroomClient.signedIn(port, staff.administrator().email(), Staff.PASSWORD);
        try {
            assertThat(admin.post("/admin/settings", Map.of("timeZone", "Europe/Kyiv")).statusCode()).isEqualTo(302);
            assertThat(Jsoup.parse(admin.get("/admin/settings").body()).selectFirst("#timeZone").attr("value"))
                    .isEqualTo("Europe/Kyiv");

            Element published = new ReaderClient(port).page(story.publicUrl() + "?kyiv").selectFirst("main article header .meta time");
            assertThat(published.text()).isEqualTo("Feb. 20, 2026, 3:47 PM EET");
            assertThat(published.attr("datetime")).isEqualTo("2026-02-20T15:47:00+02:00");
        } finally {
            admin.post("/admin/settings", Map.of("timeZone", "")); // other tests on this site expect the deployment's UTC
        }
        assertThat(new ReaderClient(port).page(story.publicUrl() + "?utc").selectFirst("main article header .meta time").text())
                .isEqualTo("Feb. 20, 2026, 1:47 PM UTC");
    }

    @Test
    void anUnknownTimeZoneIsRefusedWithAMessageSayingWhatToType() {
        Staff staff = Staff.create(sections, authors, accounts);
        NewsroomClient admin = NewsroomClient.signedIn(port, staff.administrator().email(), Staff.PASSWORD);
        HttpResponse<String> refused = admin.post("/admin/settings", Map.of("timeZone", "Mars/Olympus_Mons"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.body()).selectFirst(".alert--error").text())
                .contains("The time zone must be a name from the time zone database, such as Europe/Kyiv");
        assertThat(Jsoup.parse(refused.body()).selectFirst("#timeZone").attr("value")).as("kept for correcting")
                .isEqualTo("Mars/Olympus_Mons");
    }
}
