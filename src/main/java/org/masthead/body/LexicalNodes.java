package org.masthead.body;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What reading and writing Ghost's Lexical JSON share: lenient field access, Ghost's address placeholder, the
 * "two line breaks end a paragraph" convention of quotes and list items, and the invisible comment that keeps a
 * Ghost card Masthead cannot show so it goes back to Ghost unchanged.
 */
final class LexicalNodes {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Ghost stores links to itself with this placeholder in front of the path. */
    private static final String GHOST_URL = "__GHOST_URL__";
    private static final String KEPT_CARD_START = "<!--ghost-card:";
    private static final Pattern KEPT_CARD = Pattern.compile("<!--ghost-card:[a-z0-9-]{1,40} (\\{.*\\})-->", Pattern.DOTALL);

    private LexicalNodes() {
    }

    /** A node's {@code type}, or empty. */
    static String type(JsonNode node) {
        return string(node, "type");
    }

    /** A string field, or empty when absent, null or not a string. */
    static String string(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.stringValue() : "";
    }

    /** A picture's width or height in pixels, or null when absent or not a sensible number. */
    static Integer dimension(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isNumber()) {
            return null;
        }
        double pixels = value.doubleValue();
        return pixels >= 1 && pixels <= 100_000 ? (int) Math.round(pixels) : null;
    }

    /** An address as Ghost stores it, with its own-site placeholder turned into a site-relative path. */
    static String url(String url) {
        String address = url == null ? "" : url.strip();
        if (address.startsWith(GHOST_URL)) {
            address = address.substring(GHOST_URL.length());
            return address.startsWith("/") ? address : "/" + address;
        }
        return address;
    }

    /** The words of a bit of HTML (a caption, a title), without its markup. */
    static String plainText(String html) {
        return html == null || html.isBlank() ? "" : Jsoup.parseBodyFragment(html).body().text().strip();
    }

    /**
     * A Ghost card Masthead has no block for (a signup form, the paywall marker, an email-only card…), written as
     * a raw HTML block holding only a comment: readers see nothing — as on the Ghost site, where such cards show
     * no content, or content Masthead cannot provide — editors see which card it is, and writing the body back
     * as Lexical restores the card exactly. The card's JSON is escaped so the comment cannot end early.
     */
    static String keepCard(JsonNode card) {
        String type = type(card).matches("[a-z0-9-]{1,40}") ? type(card) : "card";
        String json = JSON.writeValueAsString(card)
                .replace("<", "\\u003c").replace(">", "\\u003e").replace("--", "-\\u002d"); // only inside strings
        return KEPT_CARD_START + type + " " + json + "-->";
    }

    /** The Ghost card a raw HTML block from {@link #keepCard} keeps, if that is all it holds. */
    static Optional<ObjectNode> keptCard(String html) {
        if (html == null || !html.strip().startsWith(KEPT_CARD_START)) {
            return Optional.empty();
        }
        Matcher kept = KEPT_CARD.matcher(html.strip());
        if (!kept.matches()) {
            return Optional.empty();
        }
        try {
            JsonNode card = JSON.readTree(kept.group(1));
            // a card, never text or a paragraph: those have their own blocks
            if (card instanceof ObjectNode object && !type(object).isEmpty() && !object.has("children") && !object.has("text")) {
                return Optional.of(object);
            }
        } catch (JacksonException e) {
            // not a kept card after all: the HTML stays HTML
        }
        return Optional.empty();
    }

    /**
     * Inline content split where two or more line breaks follow each other — how Ghost separates paragraphs
     * inside a quote, a pull quote or a list item, which hold text, not paragraphs. Single line breaks stay; parts
     * with no words are left out.
     */
    static List<List<BodyNode>> paragraphs(List<BodyNode> inline) {
        List<List<BodyNode>> parts = new ArrayList<>();
        List<BodyNode> current = new ArrayList<>();
        int breaks = 0;
        for (BodyNode node : inline) {
            if ("hard_break".equals(node.type())) {
                breaks++;
                continue;
            }
            if (breaks >= 2) {
                addIfWorded(parts, current);
                current = new ArrayList<>();
            } else if (breaks == 1 && !current.isEmpty()) {
                current.add(BodyNode.block("hard_break", List.of()));
            }
            breaks = 0;
            current.add(node);
        }
        addIfWorded(parts, current);
        return parts;
    }

    private static void addIfWorded(List<List<BodyNode>> parts, List<BodyNode> part) {
        if (hasWords(part)) {
            parts.add(List.copyOf(part));
        }
    }

    /** Whether inline content says anything: text that is not only spaces, or a footnote. */
    static boolean hasWords(List<BodyNode> inline) {
        return inline.stream().anyMatch(node -> (node.isText() && !node.text().isBlank()) || "footnote".equals(node.type()));
    }

    /** Paragraphs' inline content joined the way {@link #paragraphs} splits it again. */
    static List<BodyNode> joined(List<List<BodyNode>> parts) {
        List<BodyNode> inline = new ArrayList<>();
        for (List<BodyNode> part : parts) {
            if (!inline.isEmpty()) {
                inline.add(BodyNode.block("hard_break", List.of()));
                inline.add(BodyNode.block("hard_break", List.of()));
            }
            inline.addAll(part);
        }
        return inline;
    }

    /** Whether inline content comes back as exactly one paragraph, unchanged, from {@link #paragraphs}. */
    static boolean isOneParagraph(List<BodyNode> inline) {
        List<List<BodyNode>> parts = paragraphs(inline);
        return parts.size() == 1 && parts.get(0).equals(inline);
    }

    /** The text of inline content, for telling whether it opens with a dash. */
    static String plain(List<BodyNode> inline) {
        return HtmlToBlocks.plain(BodyNode.block("paragraph", inline));
    }

    /**
     * Whether the last of several paragraphs names who said the rest: it opens with a dash, is short, and no other
     * paragraph opens with one (then it is dialogue) — the rule {@link HtmlToBlocks} reads quotes by.
     */
    static boolean lastNamesTheSpeaker(List<List<BodyNode>> parts) {
        if (parts.size() < 2) {
            return false;
        }
        String last = plain(parts.get(parts.size() - 1));
        return HtmlToBlocks.opensWithDash(last) && last.length() <= 200
                && parts.subList(0, parts.size() - 1).stream().map(LexicalNodes::plain).noneMatch(HtmlToBlocks::opensWithDash);
    }
}
