package org.masthead.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * Whether the database is known to be unreachable right now. Set when a request fails to get a connection and
 * while the embedded server is being restarted, so that for a short while public pages go straight to their
 * stale copies or a 503 instead of each waiting for the pool's timeout.
 */
@Component
public class DatabaseAvailability {

    /** After a failed connection, how long to assume the database is still gone before trying again. */
    static final Duration ASSUME_DOWN_FOR = Duration.ofSeconds(2);

    private final Clock clock;
    private volatile Instant downUntil = Instant.MIN;
    private volatile boolean restarting;

    DatabaseAvailability(Clock clock) {
        this.clock = clock;
    }

    /** A request could not reach the database. */
    public void connectionFailed() {
        downUntil = clock.instant().plus(ASSUME_DOWN_FOR);
    }

    void restarting(boolean inProgress) {
        restarting = inProgress;
        if (!inProgress) {
            downUntil = Instant.MIN;
        }
    }

    public boolean isKnownDown() {
        return restarting || clock.instant().isBefore(downUntil);
    }
}
