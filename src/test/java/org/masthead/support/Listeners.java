package org.masthead.support;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Durable listeners (search index, News Feed, CDN purge) run after a change commits, on their own threads: tests
 * that read what a listener writes wait for every open publication to complete. Failed ones (another test's
 * broken listener, waiting for its retry) do not hold anyone up: the test that needs their work fails on its own.
 */
public final class Listeners {

    private Listeners() {
    }

    public static void awaitAll(JdbcClient jdbc) {
        Awaitility.await("durable listeners finished").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                .until(() -> jdbc.sql("""
                        select count(*) from event_publication
                        where completion_date is null and coalesce(status, '') <> 'FAILED'
                        """)
                        .query(Long.class).single() == 0);
    }
}
