package org.masthead.system;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gauges an operator watches besides what Spring and Micrometer measure themselves (requests per route template,
 * the connection pool, the page cache): the durable-event backlog — listeners' work recorded but not yet done, which
 * grows when a listener keeps failing — and webhook calls still owed.
 */
@Component
class OperationsMetrics {

    OperationsMetrics(JdbcClient jdbc, MeterRegistry meters) {
        Gauge.builder("masthead.events.pending", jdbc, client -> count(client,
                        "select count(*) from event_publication where completion_date is null"))
                .description("Durable event publications whose listener has not completed yet").register(meters);
        Gauge.builder("masthead.webhooks.owed", jdbc, client -> count(client,
                        "select count(*) from webhook_delivery where status = 'pending'"))
                .description("Webhook calls owed and not yet delivered (retries included)").register(meters);
    }

    /** Read when scraped; a database that is away reads as not a number rather than failing the scrape. */
    private static double count(JdbcClient jdbc, String sql) {
        try {
            return jdbc.sql(sql).query(Long.class).single();
        } catch (RuntimeException unavailable) {
            return Double.NaN;
        }
    }
}
