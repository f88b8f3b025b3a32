package org.masthead.archive;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import tools.jackson.core.JsonGenerator;

/** Writing Ghost's rows: its date format, and null where Masthead keeps an empty string. */
final class ExportJson {

    /** Ghost's exports: {@code 2021-03-24T04:34:10.000Z}. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

    private ExportJson() {
    }

    static String date(Instant instant) {
        return instant == null ? null : DATE.format(instant.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC));
    }

    static void date(JsonGenerator json, String name, Instant instant) {
        json.writeStringProperty(name, date(instant));
    }

    /** Ghost has null for "none" where Masthead keeps an empty string. */
    static void text(JsonGenerator json, String name, String value) {
        json.writeStringProperty(name, value == null || value.isBlank() ? null : value);
    }

    static void strings(JsonGenerator json, String name, List<String> values) {
        json.writeArrayPropertyStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Plain text where Ghost expects HTML (a feature image's caption): its markup characters escaped. */
    static String html(String text) {
        if (isBlank(text)) {
            return null;
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
