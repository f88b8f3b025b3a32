package org.masthead.archive.wordpress;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WordPress's {@code wpautop}, which classic-editor content needs because WordPress stores it without paragraphs:
 * a blank line separates paragraphs, a single line break inside one is a {@code <br>}, block-level elements are
 * not wrapped, and {@code <pre>} is left exactly as written. Ported from wp-includes/formatting.php, leaving out
 * what concerns markup Masthead drops anyway ({@code <object>}, {@code <option>}).
 */
final class Autop {

    private static final String ALL_BLOCKS = "(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li"
            + "|pre|form|map|area|blockquote|address|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup"
            + "|header|footer|nav|figure|figcaption|details|menu|summary)";
    private static final Pattern PRE = Pattern.compile("<pre[\\s>].*?</pre>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern RAW_TEXT = Pattern.compile("<(script|style|svg|math)[\\s>].*?</\\1>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<[^>]*>|<!--.*?-->", Pattern.DOTALL);
    private static final String NEWLINE_IN_TAG = " <!-- wpnl --> ";
    private static final String KEPT_NEWLINE = "<WPPreserveNewline />";

    private Autop() {
    }

    static String autop(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String result = text.replace("\r\n", "\n").replace('\r', '\n') + "\n";
        List<String> pres = new ArrayList<>();
        result = replaceAll(PRE, result, match -> {
            pres.add(match.group());
            return "<pre wp-pre-tag-" + (pres.size() - 1) + "></pre>";
        });
        result = result.replaceAll("<br\\s*/?>\\s*<br\\s*/?>", "\n\n");
        result = result.replaceAll("(?i)(<" + ALL_BLOCKS + "[\\s/>])", "\n\n$1");
        result = result.replaceAll("(?i)(</" + ALL_BLOCKS + ">)", "$1\n\n");
        result = result.replaceAll("(?i)(<hr\\s*?/?>)", "$1\n\n");
        // line breaks inside tags and comments are not paragraph breaks
        result = replaceAll(TAG, result, match -> match.group().replace("\n", NEWLINE_IN_TAG));
        if (result.contains("<figcaption")) {
            result = result.replaceAll("\\s*(<figcaption[^>]*>)", "$1").replaceAll("</figcaption>\\s*", "</figcaption>");
        }
        result = result.replaceAll("\n\n+", "\n\n");
        StringBuilder paragraphs = new StringBuilder();
        for (String paragraph : result.split("\n\\s*\n")) {
            if (!paragraph.isEmpty()) {
                paragraphs.append("<p>").append(stripNewlines(paragraph)).append("</p>\n");
            }
        }
        result = paragraphs.toString();
        result = result.replaceAll("<p>\\s*</p>", "");
        result = result.replaceAll("<p>([^<]+)</(div|address|form)>", "<p>$1</p></$2>");
        result = result.replaceAll("(?i)<p>\\s*(</?" + ALL_BLOCKS + "[^>]*>)\\s*</p>", "$1");
        result = result.replaceAll("<p>(<li.+?)</p>", "$1");
        result = result.replaceAll("(?i)<p><blockquote([^>]*)>", "<blockquote$1><p>");
        result = result.replace("</blockquote></p>", "</p></blockquote>");
        result = result.replaceAll("(?i)<p>\\s*(</?" + ALL_BLOCKS + "[^>]*>)", "$1");
        result = result.replaceAll("(?i)(</?" + ALL_BLOCKS + "[^>]*>)\\s*</p>", "$1");
        result = replaceAll(RAW_TEXT, result, match -> match.group().replace("\n", KEPT_NEWLINE));
        result = result.replace("<br>", "<br />").replace("<br/>", "<br />");
        result = result.replaceAll("(?<!<br />)\\s*\n", "<br />\n");
        result = result.replace(KEPT_NEWLINE, "\n");
        result = result.replaceAll("(?i)(</?" + ALL_BLOCKS + "[^>]*>)\\s*<br />", "$1");
        result = result.replaceAll("(?i)<br />(\\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)", "$1");
        result = result.replaceAll("\n</p>$", "</p>");
        for (int i = 0; i < pres.size(); i++) {
            result = result.replace("<pre wp-pre-tag-" + i + "></pre>", pres.get(i));
        }
        return result.replace(NEWLINE_IN_TAG, "\n").replace("<!-- wpnl -->", "\n");
    }

    private static String stripNewlines(String paragraph) {
        int start = 0;
        int end = paragraph.length();
        while (start < end && paragraph.charAt(start) == '\n') {
            start++;
        }
        while (end > start && paragraph.charAt(end - 1) == '\n') {
            end--;
        }
        return paragraph.substring(start, end);
    }

    static String replaceAll(Pattern pattern, String text, java.util.function.Function<Matcher, String> replacement) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement.apply(matcher)));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
