package org.masthead.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.masthead.article.Article;
import org.masthead.article.ArticleContent;
import org.masthead.article.ArticleStatus;
import org.masthead.article.Articles;
import org.masthead.author.Authors;
import org.masthead.identity.StaffAccounts;
import org.masthead.section.Sections;
import org.masthead.support.Newsroom;
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

    /** A clock the test sets by hand. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Autowired MovableClock clock;
    @Autowired ScheduledPublisher publisher;
    @Autowired org.masthead.editorial.Newsroom newsroomService;
    @Autowired Articles articles;
    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired StaffAccounts accounts;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @Test
    void aScheduledArticleIsInvisibleBeforeItsTimeVisibleAfterAndPublishedOnce() throws Exception {
        Newsroom newsroom = Newsroom.create(sections, authors, accounts);
        Instant at = Instant.parse("2026-03-01T09:30:00Z");
        clock.set(at.minus(Duration.ofHours(1)));
        Article article = newsroomService.create(newsroom.editor(), new ArticleContent("Embargoed results",
                null, null, newsroom.section().id(), List.of(newsroom.byline().id()), List.of(), "Results are in.", null, "en"));
        newsroomService.schedule(newsroom.editor(), article.id(), article.version(), at);
        ReaderClient reader = new ReaderClient(port);

        clock.set(at.minusSeconds(1));
        assertThat(publisher.publishDue()).isZero();
        assertThat(reader.get("/articles/embargoed-results").statusCode()).isEqualTo(404);
        assertThat(reader.get("/news-feed").body()).doesNotContain("Embargoed results");

        clock.set(at.plusSeconds(2));
        // two nodes' schedulers at the same moment: row locks let exactly one publish it
        var pool = Executors.newFixedThreadPool(2);
        Callable<Integer> tick = publisher::publishDue;
        var one = pool.submit(tick);
        var other = pool.submit(tick);
        int published = one.get() + other.get();
        pool.shutdown();
        assertThat(published).isEqualTo(1);
        publisher.tick(); // the scheduled entry point: nothing left to publish
        assertThat(publisher.publishDue()).isZero();

        Article live = articles.findById(article.id()).orElseThrow();
        assertThat(live.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(live.publishedAt()).isEqualTo(at);
        assertThat(reader.get("/articles/embargoed-results").statusCode()).isEqualTo(200);
        assertThat(reader.get("/news-feed").body()).contains("Embargoed results");
        assertThat(reader.get(newsroom.section().url()).body()).contains("Embargoed results");
        assertThat(jdbc.sql("select count(*) from audit_log where article_id = ? and action = 'published as scheduled'")
                .param(article.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from article_revision where article_id = ? and reason = 'publish'")
                .param(article.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aTimeInThePastCannotBeScheduled() {
        Newsroom newsroom = Newsroom.create(sections, authors, accounts);
        clock.set(Instant.parse("2026-03-02T12:00:00Z"));
        Article article = newsroomService.create(newsroom.editor(), new ArticleContent("Too late",
                null, null, newsroom.section().id(), List.of(newsroom.byline().id()), List.of(), "Body.", null, "en"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> newsroomService.schedule(newsroom.editor(), article.id(),
                        article.version(), Instant.parse("2026-03-02T11:00:00Z")))
                .isInstanceOfSatisfying(org.masthead.article.ArticleValidationException.class,
                        e -> assertThat(e.errors()).containsKey("scheduledAt"));
        assertThat(articles.findById(article.id()).orElseThrow().status()).isEqualTo(ArticleStatus.DRAFT);
    }
}
