package org.masthead.api.ghost;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Dates as Ghost writes them, to the millisecond: the Content API with an offset
 * ({@code 2019-11-26T02:43:13.000+00:00}), the Admin API and webhooks with {@code Z}.
 */
public enum GhostDates {
    CONTENT(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'+00:00'")),
    ADMIN(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'"));

    private final DateTimeFormatter format;

    GhostDates(DateTimeFormatter format) {
        this.format = format;
    }

    public String format(Instant instant) {
        return instant == null ? null : format.format(instant.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC));
    }

    /** Ghost's collision check compares to the millisecond. */
    public static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
