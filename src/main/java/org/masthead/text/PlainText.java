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
        // reads only as far as it needs: a list of ten stories must not split ten whole 1,500-word bodies
        String stripped = text.strip();
        StringBuilder excerpt = new StringBuilder();
        int taken = 0;
        int at = 0;
        while (at < stripped.length()) {
            while (at < stripped.length() && isSpace(stripped.charAt(at))) {
                at++;
            }
            if (at == stripped.length()) {
                break;
            }
            if (taken == words) {
                return excerpt.append('…').toString();
            }
            int start = at;
            while (at < stripped.length() && !isSpace(stripped.charAt(at))) {
                at++;
            }
            excerpt.append(taken == 0 ? "" : " ").append(stripped, start, at);
            taken++;
        }
        return excerpt.toString();
    }

    /** What the regular expression {@code \\s} matches: ASCII spaces, tabs and line breaks. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Removes what XML cannot carry; null stays null. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        // almost every text has nothing to remove: looking costs a tenth of the regular expression's replaceAll
        for (int i = 0; i < text.length(); i++) {
            if (isNotInXml(text.charAt(i))) {
                return NOT_IN_XML.matcher(text).replaceAll("");
            }
        }
        return text;
    }

    private static boolean isNotInXml(char c) {
        return c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c == 0x7F || c == '\uFFFE' || c == '\uFFFF';
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
