package org.masthead.editorial;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.masthead.article.Article;
import org.masthead.article.Articles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes scheduled articles when their time comes, exactly once even with several app nodes: each node
 * claims due rows with FOR UPDATE SKIP LOCKED, and the status change commits with the claim.
 */
@Component
public class ScheduledPublisher {

    private static final Logger log = LoggerFactory.getLogger(ScheduledPublisher.class);
    private static final int BATCH = 50;

    private final JdbcClient jdbc;
    private final Articles articles;
    private final Revisions revisions;
    private final AuditLog audit;
    private final Clock clock;

    ScheduledPublisher(JdbcClient jdbc, Articles articles, Revisions revisions, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.articles = articles;
        this.revisions = revisions;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${masthead.scheduler.interval:5s}", initialDelayString = "${masthead.scheduler.interval:5s}")
    void tick() {
        publishDue();
    }

    /** @return how many articles went live */
    @Transactional
    public int publishDue() {
        List<Long> due = jdbc.sql("""
                select id from article where status = 'scheduled' and scheduled_at <= ?
                order by scheduled_at, id limit ? for update skip locked
                """).params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), BATCH).query(Long.class).list();
        int published = 0;
        for (long id : due) {
            Article article = articles.findById(id).orElseThrow();
            if (article.publishIfDue(clock)) {
                articles.save(article);
                revisions.keep(article, RevisionReason.PUBLISH, null, article.updatedAt());
                audit.record(null, "published as scheduled", id, "", article.updatedAt());
                published++;
            }
        }
        if (published > 0) {
            log.info("Published {} scheduled article(s)", published);
        }
        return published;
    }
}
