package org.masthead.api.nql;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A value written in a filter, kept as NQL wrote it (not yet typed for a column): the compiler decides per field
 * whether it fits, so {@code 5} can be a number for a count and text for a slug.
 */
public sealed interface NqlValue {

    /** {@code null}, {@code NULL} or {@code Null}: compiles to {@code is null} / {@code is not null}. */
    record Null() implements NqlValue {
    }

    /** {@code true}/{@code false} in the three spellings the lexer knows ({@code true}, {@code TRUE}, {@code True}). */
    record Bool(boolean value) implements NqlValue {
    }

    /**
     * A NUMBER token. Ghost passes it through JavaScript's {@code parseInt}, so {@code 1.5} is 1 and {@code 007}
     * is 7; the same happens here so a filter selects what it selects in Ghost.
     */
    record Int(long value) implements NqlValue {
    }

    /**
     * An unquoted literal ({@code quoted} false) or a single-quoted string (true), with {@code \'} and {@code \"}
     * already unescaped. The {@code ~} operators accept only quoted strings, as NQL requires.
     */
    record Text(String value, boolean quoted) implements NqlValue {
        public Text {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * {@code now-30d}, {@code now+2h}: resolved against the clock at compile time, in UTC, like Ghost's
     * {@code relDateToAbsolute}.
     */
    record RelativeDate(Sign sign, long amount, ChronoUnit unit) implements NqlValue {

        /** Units NQL knows: d, w, M, y, h, m, s. */
        private static final Set<ChronoUnit> UNITS = EnumSet.of(ChronoUnit.DAYS, ChronoUnit.WEEKS,
                ChronoUnit.MONTHS, ChronoUnit.YEARS, ChronoUnit.HOURS, ChronoUnit.MINUTES, ChronoUnit.SECONDS);

        /** {@code now-…} looks into the past, {@code now+…} into the future. */
        public enum Sign {
            PLUS, MINUS
        }

        public RelativeDate {
            Objects.requireNonNull(sign, "sign");
            if (amount < 0) {
                throw new IllegalArgumentException("amount must not be negative; the sign says which way");
            }
            if (!UNITS.contains(unit)) {
                throw new IllegalArgumentException("NQL has no relative-date unit " + unit);
            }
        }

        /**
         * The moment this names: calendar arithmetic in UTC whatever the clock's zone (so {@code now-1d} is always
         * 24 hours, also across a daylight-saving change), cut to whole seconds as Ghost's
         * {@code yyyy-MM-dd HH:mm:ss} is.
         */
        public OffsetDateTime resolve(Clock clock) {
            ZonedDateTime now = ZonedDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            try {
                ZonedDateTime moment = sign == Sign.MINUS ? now.minus(amount, unit) : now.plus(amount, unit);
                return moment.truncatedTo(ChronoUnit.SECONDS).toOffsetDateTime();
            } catch (DateTimeException | ArithmeticException e) {
                throw new NqlException("Relative date " + text() + " is out of range");
            }
        }

        /** As written in a filter, e.g. {@code now-30d}. */
        public String text() {
            return "now" + (sign == Sign.MINUS ? '-' : '+') + amount + letter(unit);
        }

        /** The unit a letter after the amount stands for; note {@code M} is months and {@code m} minutes. */
        static ChronoUnit unitOf(char letter) {
            switch (letter) {
                case 'd':
                    return ChronoUnit.DAYS;
                case 'w':
                    return ChronoUnit.WEEKS;
                case 'M':
                    return ChronoUnit.MONTHS;
                case 'y':
                    return ChronoUnit.YEARS;
                case 'h':
                    return ChronoUnit.HOURS;
                case 'm':
                    return ChronoUnit.MINUTES;
                case 's':
                    return ChronoUnit.SECONDS;
                default:
                    throw new IllegalArgumentException("NQL has no relative-date unit " + letter);
            }
        }

        private static char letter(ChronoUnit unit) {
            switch (unit) {
                case DAYS:
                    return 'd';
                case WEEKS:
                    return 'w';
                case MONTHS:
                    return 'M';
                case YEARS:
                    return 'y';
                case HOURS:
                    return 'h';
                case MINUTES:
                    return 'm';
                default:
                    return 's';
            }
        }
    }

    /** The values of {@code [a,b]} or {@code [a+b]}; the operator says which. */
    record ListOf(List<NqlValue> values) implements NqlValue {
        public ListOf {
            values = List.copyOf(values);
            if (values.stream().anyMatch(ListOf.class::isInstance)) {
                throw new IllegalArgumentException("NQL lists do not nest");
            }
        }
    }
}
