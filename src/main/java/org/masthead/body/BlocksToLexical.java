package org.masthead.body;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a Masthead block document as Ghost's Lexical JSON — the {@code lexical} string of a post in Ghost's Admin
 * API — in the shapes Ghost's editor (Koenig, Lexical 0.13) saves and loads: element nodes with {@code children},
 * {@code direction}, {@code format}, {@code indent}, {@code type}, {@code version}; text nodes with {@code detail},
 * a {@code format} bit mask (1 bold, 2 italic, 16 code), {@code mode}, {@code style}, {@code text}; cards as
 * {@code {"type", "version", …fields}}. {@link LexicalToBlocks} reads the result back into the same blocks.
 *
 * <table>
 *   <caption>Masthead blocks and the Lexical nodes they become</caption>
 *   <tr><th>Masthead</th><th>Lexical</th></tr>
 *   <tr><td>{@code paragraph}, {@code heading} (h2–h4)</td><td>{@code paragraph}, {@code heading} with tag h2–h4 (empty paragraphs are left out)</td></tr>
 *   <tr><td>text with strong, em, code; link; hard_break</td><td>{@code text} with format 1, 2, 16; {@code link} (url, title); {@code linebreak}</td></tr>
 *   <tr><td>{@code bullet_list}, {@code ordered_list} (start)</td><td>{@code list} (bullet/number, start); a nested list goes
 *       in an item of its own after its parent item, as Lexical nests; an item's further paragraphs follow two line breaks</td></tr>
 *   <tr><td>{@code quote}</td><td>{@code quote} (Ghost's quotes hold text, not paragraphs): paragraphs separated by two line
 *       breaks, the attribution as a last "— Name" line</td></tr>
 *   <tr><td>{@code pullquote}</td><td>{@code aside} (Ghost's alternative quote style), attribution as a last "— Name" line</td></tr>
 *   <tr><td>{@code image}</td><td>image card: {@code src} (a library picture's address from the resolver), alt, caption (the
 *       credit in a {@code figure__credit} span), cardWidth regular/wide/full from the size, width/height if known</td></tr>
 *   <tr><td>{@code gallery}</td><td>gallery card (three images a row)</td></tr>
 *   <tr><td>{@code embed}</td><td>embed card: url, the provider's player as its HTML, the title as oEmbed metadata</td></tr>
 *   <tr><td>{@code divider}</td><td>{@code horizontalrule}</td></tr>
 *   <tr><td>{@code callout} of paragraphs</td><td>callout card: its title as a bold first line, its paragraphs as lines
 *       separated by an empty one; no emoji, grey</td></tr>
 *   <tr><td>{@code code_block}</td><td>codeblock card</td></tr>
 *   <tr><td>{@code raw_html}</td><td>html card — or the Ghost card it keeps, restored as it came</td></tr>
 *   <tr><td>{@code footnote}</td><td>a link to {@code #fn-N} on the superscript number; the notes in a last html card
 *       ({@code <section class="footnotes">}), as Masthead renders them</td></tr>
 *   <tr><td>{@code table}; a callout with headings or lists; a list item holding other blocks; a quote whose lines
 *       would read back differently (dialogue opening with dashes…)</td><td>html card with the block's Masthead HTML,
 *       which reads back as the same block</td></tr>
 * </table>
 */
public final class BlocksToLexical {

    private static final Pattern RTL = Pattern.compile("[\\u0591-\\u07FF\\uFB1D-\\uFDFD\\uFE70-\\uFEFC]");
    private static final Pattern LTR = Pattern.compile(
            "[A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02B8\\u0300-\\u0590\\u0800-\\u1FFF\\u200E\\u2C00-\\uFB1C\\uFE00-\\uFE6F\\uFEFD-\\uFFFC]");

    private final LongFunction<String> mediaUrl;
    /** The footnotes written so far, in order: note N is {@code notes.get(N - 1)}. */
    private final List<BodyNode> notes = new ArrayList<>();

    private BlocksToLexical(LongFunction<String> mediaUrl) {
        this.mediaUrl = mediaUrl;
    }

    /** The document as Lexical; library pictures keep the address stored with them, if any. */
    public static String convert(BodyDocument document) {
        return convert(document, mediaId -> null);
    }

    /**
     * @param mediaUrl the absolute address of a library picture, by its media id (null when unknown: the image's
     *                 stored {@code src} is used, and an image with neither is left out)
     */
    public static String convert(BodyDocument document, LongFunction<String> mediaUrl) {
        BlocksToLexical writer = new BlocksToLexical(mediaUrl);
        ArrayNode children = LexicalNodes.JSON.createArrayNode();
        document.blocks().forEach(block -> writer.block(block, children));
        if (!writer.notes.isEmpty()) {
            children.add(htmlCard(writer.notesHtml()));
        }
        if (children.isEmpty()) {
            children.add(element("paragraph", LexicalNodes.JSON.createArrayNode())); // what Ghost stores for an empty post
        }
        ObjectNode lexical = LexicalNodes.JSON.createObjectNode();
        lexical.set("root", element("root", children));
        return LexicalNodes.JSON.writeValueAsString(lexical);
    }

    // ---------------------------------------------------------------------------------------------------- blocks

    private void block(BodyNode block, ArrayNode out) {
        switch (block.type()) {
            case "paragraph" -> {
                if (!block.content().isEmpty()) {
                    out.add(element("paragraph", inline(block.content())));
                }
            }
            case "heading" -> {
                long level = Math.max(2, Math.min(4, block.number("level") == null ? 2 : block.number("level")));
                out.add(element("heading", inline(block.content())).put("tag", "h" + level));
            }
            case "bullet_list", "ordered_list" -> {
                if (isLexicalList(block)) {
                    out.add(list(block));
                } else {
                    html(block, out);
                }
            }
            case "quote" -> quote(block, out);
            case "pullquote" -> pullquote(block, out);
            case "image" -> image(block).ifPresent(out::add);
            case "gallery" -> gallery(block, out);
            case "embed" -> embed(block, out);
            case "divider" -> out.add(card("horizontalrule"));
            case "callout" -> callout(block, out);
            case "code_block" -> {
                ObjectNode code = card("codeblock");
                code.put("code", codeText(block));
                code.put("language", "");
                code.put("caption", "");
                out.add(code);
            }
            case "raw_html" -> out.add(LexicalNodes.keptCard(block.attr("html")).orElseGet(() -> htmlCard(block.attr("html"))));
            default -> html(block, out); // a table, and whatever Lexical has no node for
        }
    }

    /**
     * A block as an html card holding its Masthead HTML — which {@link LexicalToBlocks} reads back as the same
     * block. Library pictures in it get their address; its footnotes join the notes.
     */
    private void html(BodyNode block, ArrayNode out) {
        BodyNode portable = withAddresses(block);
        String html = BlockHtml.renderBlock(portable, PictureSource.NONE, notes.size());
        collectFootnotes(portable);
        if (!html.isBlank()) {
            out.add(htmlCard(html));
        }
    }

    private static boolean isLexicalList(BodyNode list) {
        for (int index = 0; index < list.content().size(); index++) {
            List<BodyNode> children = list.content().get(index).content();
            int paragraphs = 0;
            while (paragraphs < children.size() && "paragraph".equals(children.get(paragraphs).type())) {
                paragraphs++;
            }
            if (paragraphs == 0) {
                return false;
            }
            boolean onlyAnEmptyParagraph = paragraphs == 1 && children.get(0).content().isEmpty();
            if (onlyAnEmptyParagraph && index > 0 && paragraphs < children.size()) {
                return false; // Lexical would take its nested list for the item before's
            }
            if (!onlyAnEmptyParagraph && !children.subList(0, paragraphs).stream()
                    .allMatch(paragraph -> LexicalNodes.isOneParagraph(paragraph.content()))) {
                return false; // an empty paragraph among others, or lines Lexical would split differently
            }
            for (BodyNode nested : children.subList(paragraphs, children.size())) {
                if (!("bullet_list".equals(nested.type()) || "ordered_list".equals(nested.type())) || !isLexicalList(nested)) {
                    return false; // an image, a quote… in a list item: Lexical's items hold text
                }
            }
        }
        return true;
    }

    private ObjectNode list(BodyNode list) {
        boolean ordered = "ordered_list".equals(list.type());
        long start = ordered && list.number("start") != null ? list.number("start") : 1;
        ArrayNode items = LexicalNodes.JSON.createArrayNode();
        long value = start;
        for (BodyNode item : list.content()) {
            List<List<BodyNode>> paragraphs = new ArrayList<>();
            List<BodyNode> nested = new ArrayList<>();
            for (BodyNode child : item.content()) {
                if ("paragraph".equals(child.type())) {
                    if (!child.content().isEmpty()) {
                        paragraphs.add(child.content());
                    }
                } else {
                    nested.add(child);
                }
            }
            if (!paragraphs.isEmpty() || nested.isEmpty()) {
                items.add(listItem(inline(LexicalNodes.joined(paragraphs)), value++));
            }
            for (BodyNode sublist : nested) {
                ArrayNode holder = LexicalNodes.JSON.createArrayNode();
                holder.add(list(sublist));
                items.add(listItem(holder, value)); // Lexical's value for an item holding a list: the next item's
            }
        }
        ObjectNode node = element("list", items);
        node.put("listType", ordered ? "number" : "bullet");
        node.put("start", start);
        node.put("tag", ordered ? "ol" : "ul");
        return node;
    }

    private static ObjectNode listItem(ArrayNode children, long value) {
        return element("listitem", children).put("value", value);
    }

    private void quote(BodyNode quote, ArrayNode out) {
        List<List<BodyNode>> parts = new ArrayList<>();
        List<BodyNode> attribution = null;
        for (BodyNode child : quote.content()) {
            if ("attribution".equals(child.type())) {
                attribution = child.content();
            } else {
                parts.add(child.content());
            }
        }
        if (!readsBackAsQuote(parts, attribution)) {
            html(quote, out);
            return;
        }
        if (attribution != null && LexicalNodes.hasWords(attribution)) {
            List<BodyNode> line = new ArrayList<>();
            line.add(BodyNode.text("— "));
            line.addAll(attribution);
            parts.add(line);
        }
        out.add(element("quote", inline(LexicalNodes.joined(parts))));
    }

    private void pullquote(BodyNode pullquote, ArrayNode out) {
        List<List<BodyNode>> parts = LexicalNodes.paragraphs(pullquote.content());
        String attribution = pullquote.attr("attribution").strip();
        List<BodyNode> said = LexicalNodes.joined(parts);
        if (!said.equals(pullquote.content())
                || !readsBackAsQuote(parts, attribution.isEmpty() ? null : List.of(BodyNode.text(attribution)))) {
            html(pullquote, out);
            return;
        }
        if (!attribution.isEmpty()) {
            parts.add(List.of(BodyNode.text("— " + attribution)));
        }
        out.add(element("aside", inline(LexicalNodes.joined(parts))));
    }

    /**
     * Whether a quote's paragraphs and attribution, written as lines, read back as they are: every paragraph one
     * line, the attribution recognised as such, and no paragraph taken for one.
     */
    private static boolean readsBackAsQuote(List<List<BodyNode>> paragraphs, List<BodyNode> attribution) {
        if (paragraphs.isEmpty() || !paragraphs.stream().allMatch(LexicalNodes::isOneParagraph)) {
            return false;
        }
        if (attribution == null || !LexicalNodes.hasWords(attribution)) {
            return !LexicalNodes.lastNamesTheSpeaker(paragraphs);
        }
        List<BodyNode> line = new ArrayList<>();
        line.add(BodyNode.text("— "));
        line.addAll(attribution);
        List<List<BodyNode>> lines = new ArrayList<>(paragraphs);
        lines.add(line);
        return LexicalNodes.isOneParagraph(attribution) && !HtmlToBlocks.opensWithDash(LexicalNodes.plain(attribution))
                && LexicalNodes.lastNamesTheSpeaker(lines);
    }

    /** A callout of paragraphs as Ghost's callout card; one with headings or lists as HTML (the card holds lines). */
    private void callout(BodyNode callout, ArrayNode out) {
        String title = callout.attr("title").strip();
        List<BodyNode> content = callout.content();
        boolean lines = !content.isEmpty() && content.stream().allMatch(block -> "paragraph".equals(block.type())
                && LexicalNodes.isOneParagraph(block.content()));
        boolean titleReadsBack = title.isEmpty() ? content.size() < 2 || !LexicalCards.isBold(content.get(0)) : true;
        if (!lines || !titleReadsBack) {
            html(callout, out);
            return;
        }
        List<String> parts = new ArrayList<>();
        if (!title.isEmpty()) {
            parts.add("<strong>" + BlockHtml.escape(title) + "</strong>");
        }
        for (BodyNode paragraph : content) {
            parts.add(inlineHtml(withAddresses(paragraph)));
        }
        ObjectNode card = card("callout");
        card.put("calloutText", "<p>" + String.join("<br><br>", parts) + "</p>");
        card.put("calloutEmoji", "");
        card.put("backgroundColor", "grey");
        out.add(card);
    }

    /** A paragraph's inline HTML, its footnote references numbered after those written, their notes collected. */
    private String inlineHtml(BodyNode paragraph) {
        String html = BlockHtml.renderBlock(paragraph, PictureSource.NONE, notes.size());
        collectFootnotes(paragraph);
        return html.replaceAll("^<p>|</p>$", "");
    }

    // -------------------------------------------------------------------------------------------------- pictures

    private Optional<ObjectNode> image(BodyNode image) {
        String src = address(image);
        if (src.isBlank()) {
            return Optional.empty(); // a library picture without an address: nothing to show
        }
        ObjectNode card = card("image");
        card.put("src", src);
        dimensions(image, card);
        card.put("title", "");
        card.put("alt", image.attr("alt"));
        card.put("caption", captionHtml(image));
        String cardWidth = switch (image.attr("size")) {
            case "wide" -> "wide";
            case "full" -> "full";
            default -> "regular";
        };
        card.put("cardWidth", cardWidth);
        card.put("href", "");
        return Optional.of(card);
    }

    private void gallery(BodyNode gallery, ArrayNode out) {
        ObjectNode card = card("gallery");
        ArrayNode images = card.putArray("images");
        for (BodyNode image : gallery.content()) {
            String src = address(image);
            if (src.isBlank()) {
                continue;
            }
            ObjectNode item = images.addObject();
            item.put("row", (images.size() - 1) / 3); // three to a row, as Ghost's editor lays them out
            item.put("src", src);
            dimensions(image, item);
            item.put("alt", image.attr("alt"));
            item.put("caption", captionHtml(image));
            item.put("fileName", src.replaceAll("[?#].*$", "").replaceAll("^.*/", ""));
        }
        card.put("caption", BlockHtml.escape(gallery.attr("caption")));
        if (!images.isEmpty()) {
            out.add(card);
        }
    }

    /** A picture's address: the library's for a library picture, else the one stored with it. */
    private String address(BodyNode image) {
        Long mediaId = image.number("mediaId");
        String resolved = mediaId == null ? null : mediaUrl.apply(mediaId);
        return resolved != null && !resolved.isBlank() ? resolved : image.attr("src");
    }

    private static void dimensions(BodyNode image, ObjectNode card) {
        Long width = image.number("width");
        Long height = image.number("height");
        if (width != null && height != null && width > 0 && height > 0) {
            card.put("width", width);
            card.put("height", height);
        } else {
            card.putNull("width");
            card.putNull("height");
        }
    }

    /** The caption as Ghost's caption HTML, the credit in Masthead's credit span (read back as the credit). */
    private static String captionHtml(BodyNode image) {
        String caption = BlockHtml.escape(image.attr("caption").strip());
        String credit = image.attr("credit").strip();
        if (credit.isEmpty()) {
            return caption;
        }
        return caption + (caption.isEmpty() ? "" : " ") + "<span class=\"figure__credit\">" + BlockHtml.escape(credit) + "</span>";
    }

    /** The same block with its library pictures given their address, for HTML that leaves Masthead. */
    private BodyNode withAddresses(BodyNode node) {
        if ("image".equals(node.type()) && node.number("mediaId") != null) {
            Map<String, Object> attrs = new LinkedHashMap<>(node.attrs());
            attrs.remove("mediaId");
            attrs.put("src", address(node));
            return new BodyNode(node.type(), attrs, node.content(), node.marks(), node.text());
        }
        if (node.content().isEmpty()) {
            return node;
        }
        return node.withContent(node.content().stream().map(this::withAddresses).toList());
    }

    // ---------------------------------------------------------------------------------------------------- embeds

    private void embed(BodyNode embed, ArrayNode out) {
        EmbedProviders.match(embed.attr("url")).ifPresentOrElse(found -> {
            ObjectNode card = card("embed");
            card.put("url", found.url());
            card.put("embedType", "video".equals(found.shape()) ? "video" : "rich");
            String title = embed.attr("title").strip();
            card.put("html", "<iframe src=\"" + BlockHtml.escape(found.playerUrl()) + "\" width=\"200\" height=\""
                    + ("audio".equals(found.shape()) ? 80 : 113) + "\" frameborder=\"0\" allowfullscreen title=\""
                    + BlockHtml.escape(title.isEmpty() ? found.providerName() : title) + "\"></iframe>");
            ObjectNode metadata = card.putObject("metadata");
            if (!title.isEmpty()) {
                metadata.put("title", title);
            }
            metadata.put("provider_name", found.providerName());
            card.put("caption", "");
            out.add(card);
        }, () -> html(embed, out)); // never stored (the schema refuses it), so nothing to show
    }

    // ------------------------------------------------------------------------------------------------ footnotes

    private void collectFootnotes(BodyNode node) {
        if ("footnote".equals(node.type())) {
            notes.add(node);
        }
        node.content().forEach(this::collectFootnotes);
    }

    /** Masthead's notes list, as it renders it (without the way back: Lexical's links cannot carry an id). */
    private String notesHtml() {
        StringBuilder html = new StringBuilder("<section class=\"footnotes\" aria-label=\"Notes\"><ol>");
        for (int i = 0; i < notes.size(); i++) {
            String note = BlockHtml.renderBlock(BodyNode.block("paragraph", notes.get(i).content()), PictureSource.NONE, 0);
            html.append("<li id=\"fn-").append(i + 1).append("\">").append(note.replaceAll("^<p>|</p>$", "")).append("</li>");
        }
        return html.append("</ol></section>").toString();
    }

    // ----------------------------------------------------------------------------------------------------- inline

    /**
     * Text, line breaks and footnote references as Lexical inline nodes; runs of text under the same link share
     * one link node.
     */
    private ArrayNode inline(List<BodyNode> nodes) {
        ArrayNode out = LexicalNodes.JSON.createArrayNode();
        BodyNode.Mark openLink = null;
        ArrayNode linked = null;
        for (BodyNode node : nodes) {
            BodyNode.Mark link = node.isText()
                    ? node.marks().stream().filter(mark -> "link".equals(mark.type())).findFirst().orElse(null) : null;
            if (linked != null && (link == null || !link.equals(openLink))) {
                out.add(linkNode(openLink.attr("href"), openLink.attr("title"), linked));
                linked = null;
                openLink = null;
            }
            switch (node.type()) {
                case "text" -> {
                    ObjectNode text = text(node.text(), format(node.marks()));
                    if (link == null) {
                        out.add(text);
                    } else {
                        if (linked == null) {
                            linked = LexicalNodes.JSON.createArrayNode();
                            openLink = link;
                        }
                        linked.add(text);
                    }
                }
                case "hard_break" -> out.add(card("linebreak"));
                case "footnote" -> {
                    notes.add(node);
                    ArrayNode number = LexicalNodes.JSON.createArrayNode();
                    number.add(text(String.valueOf(notes.size()), 64)); // superscript
                    out.add(linkNode("#fn-" + notes.size(), null, number));
                }
                default -> {
                    // nothing else stands inline
                }
            }
        }
        if (linked != null) {
            out.add(linkNode(openLink.attr("href"), openLink.attr("title"), linked));
        }
        return out;
    }

    private static int format(List<BodyNode.Mark> marks) {
        int format = 0;
        for (BodyNode.Mark mark : marks) {
            format |= switch (mark.type()) {
                case "strong" -> 1;
                case "em" -> 2;
                case "code" -> 16;
                default -> 0;
            };
        }
        return format;
    }

    // ------------------------------------------------------------------------------------------------ node shapes

    /** An element node as Lexical's {@code ElementNode.exportJSON} writes it. */
    private static ObjectNode element(String type, ArrayNode children) {
        ObjectNode node = LexicalNodes.JSON.createObjectNode();
        node.set("children", children);
        String direction = direction(children);
        if (direction == null) {
            node.putNull("direction");
        } else {
            node.put("direction", direction);
        }
        node.put("format", "");
        node.put("indent", 0);
        node.put("type", type);
        node.put("version", 1);
        return node;
    }

    /** A text node as Lexical's {@code TextNode.exportJSON} writes it. */
    private static ObjectNode text(String text, int format) {
        ObjectNode node = LexicalNodes.JSON.createObjectNode();
        node.put("detail", 0);
        node.put("format", format);
        node.put("mode", "normal");
        node.put("style", "");
        node.put("text", text);
        node.put("type", "text");
        node.put("version", 1);
        return node;
    }

    private static ObjectNode linkNode(String url, String title, ArrayNode children) {
        ObjectNode link = element("link", children);
        link.putNull("rel");
        link.putNull("target");
        if (title == null || title.isBlank()) {
            link.putNull("title");
        } else {
            link.put("title", title);
        }
        link.put("url", url);
        return link;
    }

    /** A card (a decorator node): {@code {"type", "version": 1}}, its fields to follow. */
    private static ObjectNode card(String type) {
        ObjectNode card = LexicalNodes.JSON.createObjectNode();
        card.put("type", type);
        card.put("version", 1);
        return card;
    }

    private static ObjectNode htmlCard(String html) {
        ObjectNode card = card("html");
        card.put("html", html);
        return card;
    }

    private static String codeText(BodyNode codeBlock) {
        StringBuilder code = new StringBuilder();
        codeBlock.content().forEach(text -> code.append(text.text() == null ? "" : text.text()));
        return code.toString();
    }

    /** Lexical's direction: that of the first letter with one, {@code null} without text. */
    private static String direction(JsonNode node) {
        if (node.path("text").isString()) {
            String text = node.path("text").stringValue();
            Matcher rtl = RTL.matcher(text);
            Matcher ltr = LTR.matcher(text);
            boolean hasRtl = rtl.find();
            boolean hasLtr = ltr.find();
            if (hasRtl || hasLtr) {
                return hasRtl && (!hasLtr || rtl.start() < ltr.start()) ? "rtl" : "ltr";
            }
        }
        for (JsonNode child : node.isArray() ? node : node.path("children")) {
            String direction = direction(child);
            if (direction != null) {
                return direction;
            }
        }
        return null;
    }
}
