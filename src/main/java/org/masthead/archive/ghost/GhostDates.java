package org.masthead.archive.ghost;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The dates Ghost has written over the years: ISO instants ({@code 2021-03-24T04:34:10.000Z}, Ghost 2+), MySQL
 * datetimes in UTC ({@code 2025-06-30 15:31:36}, as Ghost's import docs show them) and epoch milliseconds (Ghost 0.x
 * and 1.x exports).
 */
final class GhostDates {

    private GhostDates() {
    }

    /** The field as an instant; null when absent, and null with a warning when it cannot be read. */
    static Instant instant(JsonNode row, String field, List<String> warnings) {
        JsonNode value = row.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return Instant.ofEpochMilli(value.asLong());
        }
        String text = value.isString() ? value.stringValue().strip() : "";
        if (text.isEmpty()) {
            return null;
        }
        try {
            return parse(text);
        } catch (DateTimeParseException | ArithmeticException e) {
            warnings.add("its " + field + " \"" + text + "\" is not a date, so it was left empty");
            return null;
        }
    }

    private static Instant parse(String text) {
        if (text.matches("-?\\d{1,15}")) {
            return Instant.ofEpochMilli(Long.parseLong(text));
        }
        String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        if (iso.length() == 10) {
            return LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC); // Ghost stores UTC throughout
        }
    }
}
