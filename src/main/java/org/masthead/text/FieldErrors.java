package org.masthead.text;

import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Cleans staff-set text at the domain boundary and collects one readable message per field that breaks a rule.
 * Every value is cleaned of control characters and normalised (NFC); single-line values also lose line breaks.
 */
public final class FieldErrors {

    private final Map<String, String> errors = new LinkedHashMap<>();

    /** A one-line value (headline, name, credit…): cleaned, stripped, at most {@code max} characters. */
    public String line(String field, String label, String value, int max) {
        return checked(field, label, PlainText.line(value), max);
    }

    /** A value that may span lines (standfirst, bio, caption…): cleaned, stripped, at most {@code max} characters. */
    public String text(String field, String label, String value, int max) {
        return checked(field, label, PlainText.multiline(value), max);
    }

    /** Like {@link #line}, and empty is refused with {@code missing}. */
    public String requiredLine(String field, String label, String value, int max, String missing) {
        String cleaned = line(field, label, value, max);
        if (cleaned.isEmpty()) {
            add(field, missing);
        }
        return cleaned;
    }

    /** A long text measured in bytes of UTF-8 (article bodies). */
    public String bytes(String field, String label, String value, int maxBytes) {
        String cleaned = PlainText.multiline(value);
        int size = cleaned.getBytes(StandardCharsets.UTF_8).length;
        if (size > maxBytes) {
            add(field, label + " may be at most " + megabytes(maxBytes) + "; this one has " + megabytes(size) + ".");
        }
        return cleaned;
    }

    public void add(String field, String message) {
        errors.putIfAbsent(field, message);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public Map<String, String> asMap() {
        return Map.copyOf(errors);
    }

    /** Throws {@link InvalidFieldsException} when any rule was broken. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(new LinkedHashMap<>(errors));
        }
    }

    private String checked(String field, String label, String cleaned, int max) {
        int length = cleaned.codePointCount(0, cleaned.length());
        if (length > max) {
            NumberFormat number = NumberFormat.getIntegerInstance(Locale.ENGLISH);
            add(field, label + " may be at most " + number.format(max) + " characters; this one has " + number.format(length) + ".");
        }
        return cleaned;
    }

    private static String megabytes(int bytes) {
        return String.format(Locale.ENGLISH, "%.1f MB", bytes / 1_000_000.0);
    }
}
