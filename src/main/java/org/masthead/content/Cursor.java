package org.masthead.content;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.masthead.system.BadRequestException;

/**
 * Position in a reverse-chronological list: the (published_at, id) of the last item shown. The next page is
 * everything strictly before it, which stays correct while new articles are published on top (unlike OFFSET).
 * Written in URLs as {@code <epoch microseconds>.<id>}.
 */
public record Cursor(Instant publishedAt, long id) {

    /** Year 9999; PostgreSQL and every page would reject later timestamps anyway. */
    private static final long MAX_MICROS = 253_402_300_799_999_999L;

    public Cursor {
        publishedAt = publishedAt.truncatedTo(ChronoUnit.MICROS);
    }

    public static Cursor parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String[] parts = value.split("\\.", -1);
        try {
            if (parts.length == 2 && parts[0].matches("\\d{1,19}") && parts[1].matches("\\d{1,19}")) {
                long micros = Long.parseLong(parts[0]);
                if (micros < 0 || micros > MAX_MICROS) {
                    throw new NumberFormatException("out of range");
                }
                Instant at = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
                return new Cursor(at, Long.parseLong(parts[1]));
            }
        } catch (ArithmeticException | NumberFormatException | java.time.DateTimeException ignored) {
            // falls through to the readable error below
        }
        throw new BadRequestException("The page link is not valid (\"before\" must look like 1771581600000000.42). "
                + "Start again from the first page.");
    }

    /** The address of the page that continues {@code listUrl} after {@code cursor}; the list's start for none. */
    public static String pageUrl(String listUrl, Cursor cursor) {
        return cursor == null ? listUrl : listUrl + "?before=" + cursor;
    }

    @Override
    public String toString() {
        // exact for any instant a cursor can hold; ChronoUnit.between overflows through nanoseconds past 2262
        return Math.addExact(Math.multiplyExact(publishedAt.getEpochSecond(), 1_000_000L), publishedAt.getNano() / 1_000L)
                + "." + id;
    }
}
