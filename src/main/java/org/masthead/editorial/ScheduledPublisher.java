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
import org.springframework.transaction.support.TransactionTemplate;

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
    private final TransactionTemplate transactions;

    ScheduledPublisher(JdbcClient jdbc, Articles articles, Revisions revisions, AuditLog audit, Clock clock,
                       TransactionTemplate transactions) {
        this.transactions = transactions;
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

    /**
     * Claims due articles and publishes each in its own transaction together with its claim, its revision and
     * its audit entry; one failing article does not hold back the others.
     *
     * @return how many articles went live
     */
    public int publishDue() {
        int published = 0;
        for (int claimed = BATCH; claimed == BATCH; ) {
            Batch batch = transactions.execute(status -> publishBatch());
            claimed = batch.claimed();
            published += batch.published();
        }
        if (published > 0) {
            log.info("Published {} scheduled article(s)", published);
        }
        return published;
    }

    private record Batch(int claimed, int published) {
    }

    private Batch publishBatch() {
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
            } else {
                log.warn("Scheduled article {} is due but not ready to publish; it stays scheduled", id);
            }
        }
        // a due article that is not ready stays claimed-and-skipped; stop rather than loop on it
        return new Batch(published == due.size() ? due.size() : 0, published);
    }
}
