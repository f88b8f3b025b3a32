package org.masthead.archive.wordpress;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

/** How WordPress writes names, slugs, dates and languages in an export, read back as plain values. */
final class WordPressText {

    private static final DateTimeFormatter MYSQL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

    private WordPressText() {
    }

    /**
     * A slug as WordPress stores it (sanitize_title): unicode letters percent-encoded ({@code %e6%97%a5} → 日).
     * A sequence that is not valid UTF-8 is left as written.
     */
    static String decodeSlug(String slug) {
        if (slug == null || slug.indexOf('%') < 0) {
            return slug == null ? null : slug.strip();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String text = slug.strip();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && isHex(text, i + 1) && isHex(text, i + 2)) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException notUtf8) {
            return text;
        }
    }

    private static boolean isHex(String text, int index) {
        return index < text.length() && Character.digit(text.charAt(index), 16) >= 0;
    }

    /** A URL name in WordPress's manner (like a user's nicename): lowercase, anything but letters and digits a dash. */
    static String nicename(String name) {
        if (name == null) {
            return "";
        }
        String plain = Normalizer.normalize(name.strip(), Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
    }

    /** A name as WordPress keeps it (titles and term names are stored with HTML entities), as plain text. */
    static String name(String value) {
        if (value == null) {
            return "";
        }
        return Parser.unescapeEntities(value.strip(), false);
    }

    /** A post title: WordPress allows markup in titles ({@code Title <em>With</em> Markup}); Masthead's are text. */
    static String title(String value) {
        return name(value == null ? "" : value.replaceAll("</?[A-Za-z][^<>]*>", ""));
    }

    /** HTML (an excerpt) as its plain text. */
    static String plainText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return Jsoup.parseBodyFragment(html).body().text().strip();
    }

    /** A MySQL "2024-02-20 10:00:00" read in UTC; null for "0000-00-00 00:00:00", blank or unreadable. */
    static Instant mysqlDate(String value) {
        if (value == null || value.isBlank() || value.strip().startsWith("0000-00-00")) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip(), MYSQL).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    /** The RSS {@code <pubDate>} ("Tue, 20 Feb 2024 10:00:00 +0000"); null when absent or WordPress's year -0001. */
    static Instant rssDate(String value) {
        if (value == null || value.isBlank() || value.contains("-0001")) {
            return null;
        }
        try {
            return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    /** The primary language of an RSS language ("en-US" → "en"), or null. */
    static String language(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String primary = value.strip().split("[-_]")[0].toLowerCase(Locale.ROOT);
        return primary.matches("[a-z]{2,3}") ? primary : null;
    }
}
