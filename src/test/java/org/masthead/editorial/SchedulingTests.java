package org.masthead.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.masthead.content.ArticleContent;
import org.masthead.content.ArticleKind;
import org.masthead.content.ArticleStatus;
import org.masthead.content.Authors;
import org.masthead.content.EditableArticle;
import org.masthead.content.Publishing;
import org.masthead.content.Sections;
import org.masthead.identity.StaffAccounts;
import org.masthead.support.MovableClock;
import org.masthead.support.Staff;
import org.masthead.support.Stories;
import org.masthead.support.ReaderClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Scheduled publishing against a clock the test moves. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "masthead.data-dir=target/test-data/scheduling", "masthead.embedded-database.ephemeral=true",
        "masthead.demo-content=false", "masthead.scheduler.interval=1h"})
class SchedulingTests {

    @TestConfiguration
    static class MovableTime {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(Instant.parse("2026-03-01T08:00:00Z"));
        }
    }

    @Autowired MovableClock clock;
    @Autowired Publishing publishing;
    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired StaffAccounts accounts;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @Test
    void aScheduledArticleIsInvisibleBeforeItsTimeVisibleAfterAndPublishedOnce() throws Exception {
        Staff staff = Staff.create(sections, authors, accounts);
        Instant at = Instant.parse("2026-03-01T09:30:00Z");
        clock.set(at.minus(Duration.ofHours(1)));
        EditableArticle article = publishing.create(Staff.actor(staff.editor()), new Publishing.Create(ArticleKind.ARTICLE,
                ArticleContent.markdown("Embargoed results", null, null, staff.section().id(),
                        List.of(staff.byline().id()), List.of(), "Results are in.", null, "en"),
                "", new Publishing.Then.Schedule(at)));
        ReaderClient reader = new ReaderClient(port);

        clock.set(at.minusSeconds(1));
        assertThat(publishing.publishDue()).isZero();
        assertThat(reader.get("/articles/embargoed-results").statusCode()).isEqualTo(404);
        assertThat(reader.get("/news-feed").body()).doesNotContain("Embargoed results");

        clock.set(at.plusSeconds(2));
        // two nodes' schedulers at the same moment: row locks let exactly one publish it
        var pool = Executors.newFixedThreadPool(2);
        Callable<Integer> tick = publishing::publishDue;
        var one = pool.submit(tick);
        var other = pool.submit(tick);
        int published = one.get() + other.get();
        pool.shutdown();
        assertThat(published).isEqualTo(1);
        assertThat(publishing.publishDue()).isZero();

        EditableArticle live = publishing.view(Stories.SYSTEM, article.id());
        assertThat(live.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(live.publishedAt()).isEqualTo(at);
        assertThat(reader.get("/articles/embargoed-results").statusCode()).isEqualTo(200);
        assertThat(reader.get("/news-feed").body()).contains("Embargoed results");
        assertThat(reader.get(staff.section().url()).body()).contains("Embargoed results");
        assertThat(jdbc.sql("select count(*) from audit_log where article_id = ? and action = 'published as scheduled'")
                .param(article.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from article_revision where article_id = ? and reason = 'publish'")
                .param(article.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theDashboardListsWhatGoesLiveTodayInTheNewsroomsTimeZone() {
        Staff staff = Staff.create(sections, authors, accounts);
        clock.set(Instant.parse("2026-03-05T06:00:00Z"));
        schedule(staff, "Later today " + staff.section().slug(), Instant.parse("2026-03-05T15:30:00Z"));
        schedule(staff, "Tomorrow " + staff.section().slug(), Instant.parse("2026-03-06T09:00:00Z"));

        var dashboard = org.jsoup.Jsoup.parse(org.masthead.support.NewsroomClient.signedIn(port, staff.editor().email(),
                Staff.PASSWORD).get("/admin").body());

        String today = dashboard.selectFirst("section[aria-labelledby=today]").text();
        assertThat(today).contains("Later today " + staff.section().slug()).doesNotContain("Tomorrow " + staff.section().slug());
    }

    @Test
    void aDueArticleThatCannotGoLiveDoesNotHoldBackTheOthers() {
        Staff staff = Staff.create(sections, authors, accounts);
        Instant at = Instant.parse("2026-03-03T07:00:00Z");
        clock.set(at.minus(Duration.ofHours(1)));
        EditableArticle broken = schedule(staff, "Broken embargo " + staff.section().slug(), at);
        EditableArticle fine = schedule(staff, "Fine embargo " + staff.section().slug(), at);
        // its byline vanished behind the write path's back: the article is no longer ready to publish
        jdbc.sql("delete from article_author where article_id = ?").param(broken.id()).update();

        clock.set(at.plusSeconds(1));
        assertThat(publishing.publishDue()).isEqualTo(1);

        assertThat(publishing.view(Stories.SYSTEM, fine.id()).status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(publishing.view(Stories.SYSTEM, broken.id()).status()).isEqualTo(ArticleStatus.SCHEDULED);
        assertThat(publishing.publishDue()).as("the next tick tries again, and still passes it over").isZero();
    }

    private EditableArticle schedule(Staff staff, String headline, Instant at) {
        return publishing.create(Staff.actor(staff.editor()), new Publishing.Create(ArticleKind.ARTICLE,
                ArticleContent.markdown(headline, null, null, staff.section().id(), List.of(staff.byline().id()),
                        List.of(), "Embargoed.", null, "en"), "", new Publishing.Then.Schedule(at)));
    }

    @Test
    void aTimeInThePastCannotBeScheduled() {
        Staff staff = Staff.create(sections, authors, accounts);
        clock.set(Instant.parse("2026-03-02T12:00:00Z"));
        EditableArticle article = publishing.create(Staff.actor(staff.editor()), new Publishing.Create(ArticleKind.ARTICLE,
                ArticleContent.markdown("Too late", null, null, staff.section().id(), List.of(staff.byline().id()),
                        List.of(), "Body.", null, "en"), "", Publishing.Then.KEEP));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> publishing.move(Staff.actor(staff.editor()),
                        new Publishing.Move(article.id(), article.version(), new Publishing.Then.Schedule(Instant.parse("2026-03-02T11:00:00Z")))))
                .isInstanceOfSatisfying(org.masthead.content.ArticleValidationException.class,
                        e -> assertThat(e.errors()).containsKey("scheduledAt"));
        assertThat(publishing.view(Stories.SYSTEM, article.id()).status()).isEqualTo(ArticleStatus.DRAFT);
    }
}
