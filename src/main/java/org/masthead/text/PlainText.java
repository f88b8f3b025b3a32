package org.masthead.text;

import java.util.regex.Pattern;

/** Cleans text typed or pasted into the newsroom before it is stored. */
public final class PlainText {

    /** Control characters XML 1.0 forbids (feeds and sitemaps are XML); tab, newline and return stay. */
    private static final Pattern NOT_IN_XML = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\uFFFE\\uFFFF]");

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

    public static String clean(String text) {
        return text == null ? null : NOT_IN_XML.matcher(text).replaceAll("");
    }
}
