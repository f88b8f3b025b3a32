package org.masthead.archive.ghost;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Renders mobiledoc, the body format of Ghost 1 to 4, to plain HTML that Masthead reads back as blocks: paragraphs,
 * headings, quotes, lists and inline formatting as they are, Ghost's cards as the closest Masthead markup (an image
 * card as a figure, a callout as {@code <aside class="callout">}, an embed as a lone link). Raw HTML from HTML and
 * Markdown cards passes through unchanged: the body is sanitized when it is saved.
 *
 * <p>Reads mobiledoc 0.3 (sections, markers with opened and closed markups, atoms, cards by index) and 0.2 (markers
 * without a type, cards inline in their section).
 */
public final class MobiledocHtml {

    /**
     * The HTML, and what had to be left out or changed, for the import report.
     *
     * @param warnings e.g. {@code unknown card "signup" left out}
     */
    public record Rendered(String html, List<String> warnings) {
        public Rendered {
            warnings = List.copyOf(warnings);
        }
    }

    private static final Set<String> MARKUP_TAGS = Set.of("a", "b", "strong", "em", "i", "u", "s", "code", "sup", "sub");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    private static final int MARKUP_SECTION = 1;
    private static final int IMAGE_SECTION = 2;
    private static final int LIST_SECTION = 3;
    private static final int CARD_SECTION = 10;
    private static final int ATOM_MARKER = 1;

    private final JsonNode markups;
    private final JsonNode atoms;
    private final JsonNode cards;
    private final StringBuilder html = new StringBuilder();
    private final Set<String> warnings = new LinkedHashSet<>(); // one line per kind of problem, not per occurrence

    private MobiledocHtml(JsonNode markups, JsonNode atoms, JsonNode cards) {
        this.markups = markups;
        this.atoms = atoms;
        this.cards = cards;
    }

    /** The HTML for a mobiledoc document (a JSON string, as Ghost stores it); empty for null, blank or broken input. */
    public static String render(String mobiledocJson) {
        return renderWithWarnings(mobiledocJson).html();
    }

    /** The HTML for a mobiledoc document, with what could not be rendered. */
    public static Rendered renderWithWarnings(String mobiledocJson) {
        if (mobiledocJson == null || mobiledocJson.isBlank()) {
            return new Rendered("", List.of());
        }
        JsonNode document;
        try {
            document = GhostJson.MAPPER.readTree(mobiledocJson);
        } catch (JacksonException e) {
            return new Rendered("", List.of("its mobiledoc is not valid JSON, so its body is empty"));
        }
        return renderWithWarnings(document);
    }

    /** The HTML for a mobiledoc document already parsed (an export may hold it as an object rather than a string). */
    static Rendered renderWithWarnings(JsonNode document) {
        if (!document.isObject()) {
            return new Rendered("", List.of("its mobiledoc is not a mobiledoc document, so its body is empty"));
        }
        String version = document.path("version").asString("");
        JsonNode sections = document.path("sections");
        if (version.startsWith("0.2")) {
            // 0.2: "sections" is [markups, sections]; no atoms; cards sit in their sections
            MobiledocHtml writer = new MobiledocHtml(sections.path(0), GhostJson.EMPTY_ARRAY, GhostJson.EMPTY_ARRAY);
            writer.sections(sections.path(1), true);
            return writer.result();
        }
        MobiledocHtml writer = new MobiledocHtml(document.path("markups"), document.path("atoms"), document.path("cards"));
        if (!version.startsWith("0.3")) {
            writer.warnings.add("its mobiledoc has version \"" + version + "\", read as 0.3");
        }
        writer.sections(sections, false);
        return writer.result();
    }

    private Rendered result() {
        return new Rendered(html.toString(), new ArrayList<>(warnings));
    }

    private void sections(JsonNode sections, boolean legacy) {
        for (JsonNode section : sections) {
            switch (section.path(0).asInt(-1)) {
                case MARKUP_SECTION -> markupSection(section.path(1).asString("p").toLowerCase(), section.path(2), legacy);
                case IMAGE_SECTION -> imageSection(section.path(1).asString(""));
                case LIST_SECTION -> listSection(section.path(1).asString("ul").toLowerCase(), section.path(2), legacy);
                case CARD_SECTION -> {
                    if (legacy) {
                        card(section.path(1).asString(""), section.path(2));
                    } else {
                        JsonNode card = cards.path(section.path(1).asInt(-1));
                        card(card.path(0).asString(""), card.path(1));
                    }
                }
                default -> warnings.add("a mobiledoc section of unknown type " + section.path(0) + " left out");
            }
        }
    }

    private void markupSection(String tag, JsonNode markers, boolean legacy) {
        String inline = markers(markers, legacy);
        if (inline.isBlank()) {
            return; // Ghost's empty paragraphs are spacing, not content
        }
        if (HEADINGS.contains(tag) || tag.equals("blockquote")) {
            html.append('<').append(tag).append('>').append(inline).append("</").append(tag).append('>');
        } else if (tag.equals("aside") || tag.equals("pull-quote")) {
            // Ghost's second quote style: Masthead's pull quote, as Masthead reads Ghost's Lexical aside too
            html.append("<aside class=\"pullquote\"><p>").append(inline).append("</p></aside>");
        } else {
            html.append("<p>").append(inline).append("</p>");
        }
    }

    private void imageSection(String src) {
        if (!src.isBlank()) {
            html.append("<figure><img src=\"").append(escape(src)).append("\" alt=\"\"></figure>");
        }
    }

    private void listSection(String tag, JsonNode items, boolean legacy) {
        String list = tag.equals("ol") ? "ol" : "ul";
        html.append('<').append(list).append('>');
        for (JsonNode item : items) {
            html.append("<li>").append(markers(item, legacy)).append("</li>");
        }
        html.append("</").append(list).append('>');
    }

    /** A run of text and atoms, opening and closing the markups each marker names (they nest, as in HTML). */
    private String markers(JsonNode markers, boolean legacy) {
        StringBuilder inline = new StringBuilder();
        Deque<String> closingTags = new ArrayDeque<>();
        for (JsonNode marker : markers) {
            // 0.3: [type, opened, closedCount, value]; 0.2: [opened, closedCount, text]
            int offset = legacy ? 0 : 1;
            int type = legacy ? 0 : marker.path(0).asInt(0);
            for (JsonNode opened : marker.path(offset)) {
                JsonNode markup = markups.path(opened.asInt(-1));
                String tag = markup.path(0).asString("").toLowerCase();
                if (MARKUP_TAGS.contains(tag)) {
                    inline.append('<').append(tag).append(attributes(tag, markup.path(1))).append('>');
                    closingTags.push("</" + tag + ">");
                } else {
                    warnings.add("inline formatting \"" + tag + "\" left out");
                    closingTags.push("");
                }
            }
            JsonNode value = marker.path(offset + 2);
            if (type == ATOM_MARKER) {
                inline.append(atom(atoms.path(value.asInt(-1))));
            } else {
                inline.append(escape(value.asString("")));
            }
            for (int closed = marker.path(offset + 1).asInt(0); closed > 0 && !closingTags.isEmpty(); closed--) {
                inline.append(closingTags.pop());
            }
        }
        while (!closingTags.isEmpty()) {
            inline.append(closingTags.pop()); // a document that forgot to close its markups
        }
        return inline.toString();
    }

    /** A link's address and relation; other markups carry nothing worth keeping. */
    private static String attributes(String tag, JsonNode pairs) {
        if (!tag.equals("a")) {
            return "";
        }
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i + 1 < pairs.size(); i += 2) {
            String name = pairs.path(i).asString("").toLowerCase();
            if (name.equals("href") || name.equals("rel")) {
                attributes.append(' ').append(name).append("=\"").append(escape(pairs.path(i + 1).asString(""))).append('"');
            }
        }
        return attributes.toString();
    }

    /** An atom: [name, text, payload]. Ghost's only common one is the soft return (shift-enter). */
    private String atom(JsonNode atom) {
        String name = atom.path(0).asString("");
        if (name.equals("soft-return")) {
            return "<br>";
        }
        return escape(atom.path(1).asString(""));
    }

    private void card(String name, JsonNode payload) {
        MobiledocCards.render(name, payload, html, warnings);
    }

    /** Text or a double-quoted attribute value as HTML: {@code & < > "} escaped, everything else as it is. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
