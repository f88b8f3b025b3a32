package org.masthead.api.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.masthead.api.GhostApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox recorded, in the background on every node: each worker claims the oldest due delivery
 * (row lock, skip locked — two nodes never send the same one) whose resource has no earlier delivery still owed,
 * so one article's calls arrive in order; it marks the claim with a lease, commits, and only then calls the
 * target, so no database connection waits on a slow server. A 2xx delivers; a 410 Gone switches the webhook off;
 * anything else is retried with exponential backoff (1 minute doubling up to 6 hours) until 24 hours have passed.
 * A node that dies mid-call leaves the lease to run out, and the delivery is sent again: at least once, never lost.
 */
@Component
public class WebhookSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final int EXCERPT_BYTES = 1_000;
    static final String USER_AGENT = "Masthead/0.1 (+https://github.com/masthead-news/masthead; Ghost-compatible webhooks)";

    /**
     * @param pollInterval how often each node looks for due deliveries (it is also woken by new ones)
     * @param firstRetry   the wait after the first failure, doubled after each next one
     * @param maxRetryInterval the longest wait between two attempts
     * @param giveUpAfter  how long after the change a delivery is still attempted
     * @param timeout      how long a target may take to answer
     * @param lease        how long a claimed delivery is left to its node before another may send it again
     */
    @ConfigurationProperties("masthead.webhooks")
    public record Settings(@DefaultValue("5s") Duration pollInterval, @DefaultValue("1m") Duration firstRetry,
                           @DefaultValue("6h") Duration maxRetryInterval, @DefaultValue("24h") Duration giveUpAfter,
                           @DefaultValue("10s") Duration timeout, @DefaultValue("2m") Duration lease,
                           @DefaultValue("2") int workers, @DefaultValue("false") boolean allowPrivateTargets) {
    }

    private record Claimed(long id, long webhookId, String event, String payload, int attempts, Instant createdAt,
                           String targetUrl, String secret) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Settings settings;
    private final HttpClient http;
    private final AtomicInteger draining = new AtomicInteger();
    private volatile ScheduledExecutorService poller;
    private volatile ExecutorService workers;
    private volatile boolean running;

    WebhookSender(JdbcClient jdbc, org.springframework.transaction.PlatformTransactionManager transactionManager, Clock clock,
                  Settings settings) {
        this.jdbc = jdbc;
        // claims and results commit on their own, whoever calls (the registry's listener runs in a transaction of its
        // own): a lease must be visible to other nodes before the call, and no transaction waits on a target
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** New deliveries are waiting: start sending now rather than at the next poll. */
    public void wake() {
        ExecutorService pool = workers;
        if (!running || pool == null) {
            return;
        }
        while (true) {
            int active = draining.get();
            if (active >= settings.workers()) {
                return; // the busy workers look for more when they finish
            }
            if (draining.compareAndSet(active, active + 1)) {
                pool.execute(this::drain);
                return;
            }
        }
    }

    private void drain() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            log.warn("Webhook deliveries paused until the next poll: {}", e.getMessage());
        } finally {
            draining.decrementAndGet();
        }
    }

    /** Sends every delivery that is due now, on the caller's thread, oldest first per resource. */
    public void sendDue() {
        while (running) {
            Optional<Claimed> claimed = claim();
            if (claimed.isEmpty()) {
                return;
            }
            deliver(claimed.get());
        }
    }

    /** The oldest due delivery whose resource has nothing older owed, leased to this node in a short transaction. */
    private Optional<Claimed> claim() {
        Instant now = clock.instant();
        return transactions.execute(status -> jdbc.sql("""
                with next as (
                    select d.id from webhook_delivery d join webhook w on w.id = d.webhook_id
                    where d.status = 'pending' and d.next_attempt_at <= :now and w.active
                      and not exists (select 1 from webhook_delivery e where e.webhook_id = d.webhook_id
                                      and e.resource_key = d.resource_key and e.status = 'pending' and e.id < d.id)
                    order by d.next_attempt_at, d.id limit 1
                    for update of d skip locked)
                update webhook_delivery d set attempts = d.attempts + 1, next_attempt_at = :lease, last_attempt_at = :now
                from next, webhook w
                where d.id = next.id and w.id = d.webhook_id
                returning d.id, d.webhook_id, d.event, d.payload, d.attempts, d.created_at, w.target_url, w.secret
                """).param("now", Webhooks.at(now)).param("lease", Webhooks.at(now.plus(settings.lease())))
                .query((rs, n) -> new Claimed(rs.getLong("id"), rs.getLong("webhook_id"), rs.getString("event"),
                        rs.getString("payload"), rs.getInt("attempts"), Webhooks.instant(rs, "created_at"),
                        rs.getString("target_url"), rs.getString("secret")))
                .optional());
    }

    private void deliver(Claimed delivery) {
        long started = System.nanoTime();
        Integer status = null;
        String excerpt = "";
        String error = "";
        try {
            URI target = TargetAddresses.check(delivery.targetUrl(), settings.allowPrivateTargets());
            byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
            HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .header("Content-Version", "v" + GhostApi.VERSION)
                    .header("User-Agent", USER_AGENT)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (!delivery.secret().isEmpty()) {
                request.header("X-Ghost-Signature", WebhookSignature.header(delivery.secret(), body, clock.millis()));
            }
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            excerpt = excerpt(response.body());
        } catch (TargetAddresses.RefusedTarget refused) {
            error = refused.getMessage();
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "Interrupted while sending";
        }
        int latency = (int) Duration.ofNanos(System.nanoTime() - started).toMillis();
        record(delivery, status, excerpt, error, latency);
    }

    private void record(Claimed delivery, Integer status, String excerpt, String error, int latency) {
        Instant now = clock.instant();
        boolean delivered = status != null && status >= 200 && status < 300;
        boolean gone = status != null && status == 410;
        boolean givenUp = !delivered && !now.isBefore(delivery.createdAt().plus(settings.giveUpAfter()));
        String outcome = delivered ? "delivered" : gone || givenUp ? "failed" : "pending";
        String reason = !error.isEmpty() ? error : delivered ? "" : "The target answered " + status + ".";
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("""
                    update webhook_delivery set status = ?, next_attempt_at = ?, response_status = ?, response_excerpt = ?,
                        latency_ms = ?, error = ?
                    where id = ?
                    """).params(outcome, outcome.equals("pending") ? Webhooks.at(now.plus(backoff(delivery.attempts()))) : null,
                    status, excerpt, latency, reason, delivery.id()).update();
            jdbc.sql("""
                    update webhook set last_triggered_at = ?, last_triggered_status = ?, last_triggered_error = ? where id = ?
                    """).params(Webhooks.at(now), status == null ? null : String.valueOf(status), delivered ? null : reason,
                    delivery.webhookId()).update();
            if (gone) {
                // the target says it will never want these again: stop, and say so in the newsroom
                jdbc.sql("update webhook set active = false, disabled_reason = ?, updated_at = ? where id = ?")
                        .params("Switched off: the target answered 410 Gone at " + now + ".", Webhooks.at(now),
                                delivery.webhookId()).update();
                jdbc.sql("""
                        update webhook_delivery set status = 'failed', next_attempt_at = null,
                            error = 'Not sent: the webhook was switched off after a 410 Gone.'
                        where webhook_id = ? and status = 'pending'
                        """).param(delivery.webhookId()).update();
            }
        });
        if (!delivered) {
            log.info("Webhook delivery {} ({}) to {}: {}{}", delivery.id(), delivery.event(), delivery.targetUrl(), reason,
                    outcome.equals("pending") ? "; will retry" : "; giving up");
        }
    }

    /** 1 minute after the first failure, doubling each time, at most 6 hours (both configurable). */
    Duration backoff(int attempts) {
        Duration wait = settings.firstRetry();
        for (int i = 1; i < attempts && wait.compareTo(settings.maxRetryInterval()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.maxRetryInterval()) > 0 ? settings.maxRetryInterval() : wait;
    }

    private static String excerpt(InputStream body) throws IOException {
        try (InputStream in = body) {
            byte[] bytes = in.readNBytes(EXCERPT_BYTES);
            return new String(bytes, StandardCharsets.UTF_8).replace('\u0000', ' ').strip();
        }
    }

    @Override
    public void start() {
        running = true;
        workers = Executors.newFixedThreadPool(Math.max(1, settings.workers()), runnable -> {
            Thread thread = new Thread(runnable, "masthead-webhooks");
            thread.setDaemon(true);
            return thread;
        });
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "masthead-webhooks-poll");
            thread.setDaemon(true);
            return thread;
        });
        long interval = Math.max(100, settings.pollInterval().toMillis());
        poller.scheduleWithFixedDelay(this::wake, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (poller != null) {
            poller.shutdownNow();
        }
        if (workers != null) {
            workers.shutdown();
            try {
                workers.awaitTermination(settings.timeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            workers.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200; // after the database and web server are up, stopped before them
    }
}
