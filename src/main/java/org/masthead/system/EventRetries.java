package org.masthead.system;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Durable listeners that failed (a CDN that did not answer, a node that died mid-way) are run again, on any node,
 * once they have waited {@code masthead.events.retry-interval}; listeners are idempotent, so a retry only finishes
 * work. Finished publications are kept in the archive for a week, then deleted.
 */
@Component
class EventRetries {

    private static final Logger log = LoggerFactory.getLogger(EventRetries.class);

    private final FailedEventPublications failed;
    private final JdbcClient jdbc;
    private final Duration retryAfter;
    private final Duration keepArchive;
    private final Clock clock;

    EventRetries(FailedEventPublications failed, JdbcClient jdbc, Clock clock,
                 @Value("${masthead.events.retry-interval:1m}") Duration retryAfter,
                 @Value("${masthead.events.keep-archive:7d}") Duration keepArchive) {
        this.failed = failed;
        this.jdbc = jdbc;
        this.clock = clock;
        this.retryAfter = retryAfter;
        this.keepArchive = keepArchive;
    }

    @Scheduled(fixedDelayString = "${masthead.events.retry-interval:1m}", initialDelayString = "${masthead.events.retry-interval:1m}")
    void retryFailed() {
        try {
            failed.resubmit(ResubmissionOptions.defaults().withMinAge(retryAfter).withBatchSize(200));
        } catch (RuntimeException e) {
            log.warn("Retrying failed event listeners did not work this time: {}", e.getMessage());
        }
    }

    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = java.util.concurrent.TimeUnit.HOURS)
    void forgetFinished() {
        jdbc.sql("delete from event_publication_archive where completion_date < ?")
                .param(OffsetDateTime.ofInstant(clock.instant().minus(keepArchive), ZoneOffset.UTC)).update();
    }
}
