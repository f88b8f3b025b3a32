package org.masthead.media;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes pictures uploaded in the article editor that no saved article ever used — an image dropped into a
 * draft that was then abandoned, a lead image replaced before saving — once they are older than
 * {@code masthead.media.keep-unused-uploads} (a day). Safe on several nodes at once.
 */
@Component
class UnusedUploads {

    private static final Logger log = LoggerFactory.getLogger(UnusedUploads.class);
    private static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final MediaStore store;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration keep;

    UnusedUploads(JdbcClient jdbc, MediaStore store, TransactionTemplate transactions, Clock clock,
                  @Value("${masthead.media.keep-unused-uploads:1d}") Duration keep) {
        this.jdbc = jdbc;
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
        this.keep = keep;
    }

    @Scheduled(fixedDelayString = "${masthead.media.sweep-interval:1h}", initialDelayString = "${masthead.media.sweep-interval:1h}")
    void sweepOnSchedule() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Sweeping unused uploads did not work this time: {}", e.getMessage());
        }
    }

    /** @return how many pictures were removed */
    int sweep() {
        OffsetDateTime before = OffsetDateTime.ofInstant(clock.instant().minus(keep), ZoneOffset.UTC);
        List<Long> unused = jdbc.sql("select id from media where not claimed and created_at < ? order by id limit ?")
                .params(before, BATCH).query(Long.class).list();
        int removed = 0;
        for (long id : unused) {
            try {
                if (Boolean.TRUE.equals(transactions.execute(status -> remove(id)))) {
                    removed++;
                }
            } catch (DataIntegrityViolationException stillReferenced) {
                // something points at it after all: it is in use, so it stays for good
                jdbc.sql("update media set claimed = true where id = ?").param(id).update();
            }
        }
        if (removed > 0) {
            log.info("Removed {} uploaded picture(s) no article used", removed);
        }
        return removed;
    }

    private boolean remove(long id) {
        List<String> files = jdbc.sql("""
                select file_name from media where id = :id and not claimed
                union all select file_name from media_variant where media_id = :id
                """).param("id", id).query(String.class).list();
        if (files.isEmpty()) {
            return false;
        }
        jdbc.sql("delete from media_variant where media_id = ?").param(id).update();
        if (jdbc.sql("delete from media where id = ? and not claimed").param(id).update() == 0) {
            return false;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                files.forEach(store::delete);
            }
        });
        return true;
    }
}
