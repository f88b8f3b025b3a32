package org.masthead.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Watches the embedded PostgreSQL and brings it back when it dies (a crash, the OOM killer, a stray kill -9):
 * the same data directory and port, so the pool reconnects by itself and committed data is recovered from the
 * WAL. Meanwhile readers get stale pages or a 503. If it cannot come back within {@code giveUpAfter}, liveness
 * turns BROKEN so an orchestrator restarts the whole application.
 */
final class EmbeddedDatabaseSupervisor {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseSupervisor.class);

    private final EmbeddedPostgresServer server;
    private final Duration giveUpAfter;
    private final DatabaseAvailability availability;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "masthead-database-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private Instant downSince;
    private boolean brokenReported;

    EmbeddedDatabaseSupervisor(EmbeddedPostgresServer server, MastheadProperties.EmbeddedDatabase settings,
                               DatabaseAvailability availability, ApplicationEventPublisher events, Clock clock) {
        this.server = server;
        this.clock = clock;
        this.giveUpAfter = settings.giveUpAfter();
        this.availability = availability;
        this.events = events;
        long every = settings.supervisionInterval().toMillis();
        schedule.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    void check() {
        try {
            if (server.isRunning()) {
                return;
            }
            if (downSince == null) {
                downSince = clock.instant();
                log.error("The embedded PostgreSQL in {} is not running; restarting it", server.dataDirectory());
            }
            availability.restarting(true);
            server.restart();
            availability.restarting(false);
            log.info("The embedded PostgreSQL is back after {} ms", Duration.between(downSince, clock.instant()).toMillis());
            downSince = null;
            if (brokenReported) {
                brokenReported = false;
                AvailabilityChangeEvent.publish(events, this, LivenessState.CORRECT);
            }
        } catch (Exception e) {
            log.warn("Restarting the embedded PostgreSQL failed ({}); trying again", e.getMessage());
            if (downSince != null && !brokenReported && Duration.between(downSince, clock.instant()).compareTo(giveUpAfter) > 0) {
                brokenReported = true;
                log.error("The embedded PostgreSQL has not come back in {}; reporting liveness BROKEN", giveUpAfter);
                AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN);
            }
        }
    }

    void stop() {
        schedule.shutdownNow();
    }
}
