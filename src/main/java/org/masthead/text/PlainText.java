package org.masthead.text;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Cleans text typed or pasted into the newsroom before it is stored. */
public final class PlainText {

    /** Control characters XML 1.0 forbids (feeds and sitemaps are XML); tab, newline and return stay. */
    private static final Pattern NOT_IN_XML = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\uFFFE\\uFFFF]");
    private static final Pattern LINE_BREAKS_AND_TABS = Pattern.compile("[\\t\\r\\n\\u2028\\u2029]+");

    private PlainText() {
    }

    /** The first {@code words} words, whitespace folded, with "…" when cut: for descriptions and summaries. */
    public static String excerpt(String text, int words) {
        String[] all = text.strip().split("\\s+");
        if (all.length <= words) {
            return text.strip().replaceAll("\\s+", " ");
        }
        return String.join(" ", java.util.Arrays.copyOf(all, words)) + "…";
    }

    /** Removes what XML cannot carry; null stays null. */
    public static String clean(String text) {
        return text == null ? null : NOT_IN_XML.matcher(text).replaceAll("");
    }

    /** A one-line value: cleaned, NFC, line breaks and tabs folded to a space, stripped; null becomes "". */
    public static String line(String text) {
        if (text == null) {
            return "";
        }
        return LINE_BREAKS_AND_TABS.matcher(nfc(clean(text))).replaceAll(" ").strip();
    }

    /** A value that may span lines: cleaned, NFC, {@code \r\n} as {@code \n}, stripped; null becomes "". */
    public static String multiline(String text) {
        if (text == null) {
            return "";
        }
        return nfc(clean(text.replace("\r\n", "\n"))).strip();
    }

    private static String nfc(String text) {
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
