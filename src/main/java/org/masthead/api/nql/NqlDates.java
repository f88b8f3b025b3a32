package org.masthead.api.nql;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the dates clients put in filters. Ghost hands the string to MySQL, which takes {@code 2024-01-01},
 * {@code 2024-01-01 10:00:00} and ISO forms; here they become a UTC {@code OffsetDateTime} (no offset means UTC,
 * as Ghost stores and compares UTC). Impossible dates such as February 30 are refused.
 */
final class NqlDates {

    /** How Ghost writes a resolved relative date; used where one is compared with a text field. */
    static final DateTimeFormatter GHOST_SQL_FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

    /** Date, optionally {@code T} and a time with optional seconds and fraction, then an optional offset. */
    private static final DateTimeFormatter INPUT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(IsoChronology.INSTANCE);

    private NqlDates() {
    }

    static Optional<OffsetDateTime> parse(String text) {
        // MySQL's and Ghost's own format separate date and time with a space
        String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            TemporalAccessor parsed = INPUT.parseBest(iso, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
            if (parsed instanceof OffsetDateTime) {
                return Optional.of(((OffsetDateTime) parsed).withOffsetSameInstant(ZoneOffset.UTC));
            }
            if (parsed instanceof LocalDateTime) {
                return Optional.of(((LocalDateTime) parsed).atOffset(ZoneOffset.UTC));
            }
            return Optional.of(((LocalDate) parsed).atStartOfDay().atOffset(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
