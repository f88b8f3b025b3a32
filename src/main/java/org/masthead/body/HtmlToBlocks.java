package org.masthead.body;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reads sanitized HTML into blocks, so a body from Markdown, an import or an API can be edited in the block editor.
 * Masthead's own rendered HTML comes back as the same blocks; what other HTML loses is listed in
 * {@code docs/body-format.md}.
 */
final class HtmlToBlocks {

    private static final Set<String> CONTAINERS = Set.of("div", "section", "article", "header", "footer", "main", "span",
            "center", "font");
    private static final Set<String> RAW = Set.of("dl");
    private static final String DASHES = "—–―";

    private final Map<String, List<BodyNode>> footnotes = new HashMap<>();

    private HtmlToBlocks() {
    }

    static BodyDocument convert(String sanitizedHtml) {
        Document document = Jsoup.parseBodyFragment(sanitizedHtml == null ? "" : sanitizedHtml);
        document.outputSettings().prettyPrint(false); // raw HTML blocks keep their markup as written
        HtmlToBlocks reader = new HtmlToBlocks();
        for (Element notes : document.body().select("section.footnotes")) {
            for (Element note : notes.select("li[id^=fn-]")) {
                note.select("a.footnote-back").remove();
                reader.footnotes.put(note.id(), trim(reader.inline(note.childNodes(), List.of(), new ArrayList<>())));
            }
            notes.remove();
        }
        return new BodyDocument(reader.blocks(document.body().childNodes()));
    }

    private List<BodyNode> blocks(List<Node> nodes) {
        List<BodyNode> blocks = new ArrayList<>();
        List<Node> pendingInline = new ArrayList<>();
        for (Node node : nodes) {
            if (node instanceof Element element && isBlock(element)) {
                flush(pendingInline, blocks);
                block(element, blocks);
            } else {
                pendingInline.add(node);
            }
        }
        flush(pendingInline, blocks);
        return blocks;
    }

    private static boolean isBlock(Element element) {
        return switch (element.tagName()) {
            case "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "figure", "aside", "table", "hr",
                 "img", "pre", "dl", "div", "section", "article", "header", "footer", "main", "li" -> true;
            default -> false;
        };
    }

    /** Loose inline content between blocks becomes a paragraph (images in it become image blocks after it). */
    private void flush(List<Node> inline, List<BodyNode> blocks) {
        if (inline.isEmpty()) {
            return;
        }
        List<BodyNode> images = new ArrayList<>();
        List<BodyNode> content = trim(inline(inline, List.of(), images));
        if (!content.isEmpty()) {
            blocks.add(BodyNode.block("paragraph", content));
        }
        blocks.addAll(images);
        inline.clear();
    }

    private void block(Element element, List<BodyNode> blocks) {
        String tag = element.tagName();
        switch (tag) {
            case "p" -> paragraph(element, blocks);
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                int level = Math.max(2, Math.min(4, tag.charAt(1) - '0'));
                List<BodyNode> images = new ArrayList<>();
                List<BodyNode> content = trim(inline(element.childNodes(), List.of(), images));
                if (!content.isEmpty()) {
                    blocks.add(BodyNode.block("heading", Map.of("level", level), content));
                }
                blocks.addAll(images);
            }
            case "ul", "ol" -> list(element).ifPresent(blocks::add);
            case "blockquote" -> blocks.add(quote(element.childNodes(), null, true));
            case "figure" -> figure(element, blocks);
            case "aside" -> aside(element, blocks);
            case "table" -> table(element).ifPresent(blocks::add);
            case "hr" -> blocks.add(BodyNode.block("divider", List.of()));
            case "img" -> image(element, null).ifPresent(blocks::add);
            case "li" -> blocks.addAll(blocks(element.childNodes()));
            case "pre" -> {
                String code = element.wholeText().replaceAll("\\n$", "");
                blocks.add(BodyNode.block("code_block", code.isEmpty() ? List.of() : List.of(BodyNode.text(code))));
            }
            default -> {
                if (RAW.contains(tag)) {
                    blocks.add(BodyNode.block("raw_html", Map.of("html", element.outerHtml()), List.of()));
                } else {
                    blocks.addAll(blocks(element.childNodes())); // a wrapper: its content counts
                }
            }
        }
    }

    private void paragraph(Element paragraph, List<BodyNode> blocks) {
        Element only = paragraph.children().size() == 1 && paragraph.ownText().isBlank() ? paragraph.child(0) : null;
        if (only != null && only.tagName().equals("a") && only.text().strip().equals(only.attr("href").strip())) {
            var embed = EmbedProviders.match(only.attr("href"));
            if (embed.isPresent()) {
                blocks.add(embedNode(embed.get().url(), ""));
                return;
            }
        }
        if (paragraph.children().isEmpty()) {
            var embed = EmbedProviders.match(paragraph.text().strip());
            if (embed.isPresent()) { // a pasted address alone on its line, as Markdown leaves it
                blocks.add(embedNode(embed.get().url(), ""));
                return;
            }
        }
        List<BodyNode> images = new ArrayList<>();
        List<BodyNode> content = trim(inline(paragraph.childNodes(), List.of(), images));
        if (!content.isEmpty()) {
            blocks.add(BodyNode.block("paragraph", content));
        }
        blocks.addAll(images);
    }

    private java.util.Optional<BodyNode> list(Element list) {
        List<BodyNode> items = new ArrayList<>();
        for (Element item : list.children()) {
            if (!item.tagName().equals("li")) {
                continue;
            }
            List<BodyNode> children = new ArrayList<>();
            List<Node> pending = new ArrayList<>();
            for (Node node : item.childNodes()) {
                if (node instanceof Element element && isBlock(element)) {
                    flush(pending, children);
                    block(element, children);
                } else {
                    pending.add(node);
                }
            }
            flush(pending, children);
            if (children.isEmpty() || !"paragraph".equals(children.get(0).type())) {
                children.add(0, BodyNode.block("paragraph", List.of()));
            }
            items.add(BodyNode.block("list_item", children));
        }
        if (items.isEmpty()) {
            return java.util.Optional.empty();
        }
        if (list.tagName().equals("ol")) {
            String start = list.attr("start");
            int first = start.matches("\\d{1,6}") ? Integer.parseInt(start) : 1;
            return java.util.Optional.of(BodyNode.block("ordered_list", Map.of("start", first), items));
        }
        return java.util.Optional.of(BodyNode.block("bullet_list", items));
    }

    /** A quotation: its paragraphs, and who said it — a caption, a {@code <cite>}, or a last line opening with a dash. */
    /** @param guessSpeaker whether a closing "— Name" line may be the speaker (not in Masthead's own markup) */
    private BodyNode quote(List<Node> content, Element caption, boolean guessSpeaker) {
        List<BodyNode> paragraphs = new ArrayList<>();
        List<BodyNode> attribution = caption == null ? null : trim(stripDash(inline(caption.childNodes(), List.of(), new ArrayList<>())));
        List<Node> rest = new ArrayList<>();
        for (Node node : content) {
            if (node instanceof Element cite && (cite.tagName().equals("cite") || cite.tagName().equals("footer"))
                    && attribution == null) {
                attribution = trim(stripDash(inline(cite.childNodes(), List.of(), new ArrayList<>())));
            } else {
                rest.add(node);
            }
        }
        for (BodyNode block : blocks(rest)) {
            if ("paragraph".equals(block.type())) {
                paragraphs.add(block);
            } else {
                String text = plain(block);
                if (!text.isBlank()) {
                    paragraphs.add(BodyNode.block("paragraph", List.of(BodyNode.text(text))));
                }
            }
        }
        // "— Name" closing a quote names its speaker; when other paragraphs open with a dash too, it is dialogue
        if (guessSpeaker && attribution == null && paragraphs.size() > 1 && paragraphs.subList(0, paragraphs.size() - 1).stream()
                .map(HtmlToBlocks::plain).noneMatch(HtmlToBlocks::opensWithDash)) {
            BodyNode last = paragraphs.get(paragraphs.size() - 1);
            String text = plain(last);
            if (opensWithDash(text) && text.length() <= 200) {
                attribution = trim(stripDash(last.content()));
                paragraphs.remove(paragraphs.size() - 1);
            }
        }
        if (paragraphs.isEmpty()) {
            paragraphs.add(BodyNode.block("paragraph", List.of()));
        }
        List<BodyNode> children = new ArrayList<>(paragraphs);
        if (attribution != null && !attribution.isEmpty()) {
            children.add(BodyNode.block("attribution", attribution));
        }
        return BodyNode.block("quote", children);
    }

    private void figure(Element figure, List<BodyNode> blocks) {
        if (figure.hasClass("quote")) {
            Element quote = figure.selectFirst("blockquote");
            blocks.add(quote(quote == null ? List.of() : quote.childNodes(), figure.selectFirst("figcaption"), false));
        } else if (figure.hasClass("embed")) {
            String url = figure.attr("data-embed-url");
            if (url.isBlank()) {
                Element link = figure.selectFirst("a[href]");
                url = link == null ? "" : link.attr("href");
            }
            Element title = figure.selectFirst(".embed__title a");
            String text = title == null ? "" : title.text();
            String titleText = text.equals(url) || text.endsWith(": " + url) ? "" : text;
            if (EmbedProviders.match(url).isPresent()) {
                blocks.add(embedNode(url, titleText));
            }
        } else if (figure.hasClass("gallery")) {
            List<BodyNode> images = new ArrayList<>();
            for (Element item : figure.select("img")) {
                Element inner = item.closest("figure");
                image(item, inner == figure ? null : inner).ifPresent(images::add);
            }
            Element caption = figure.children().select("figcaption").last();
            if (!images.isEmpty()) {
                blocks.add(BodyNode.block("gallery", Map.of("caption", caption == null || caption.parent() != figure ? "" : caption.text()),
                        images));
            }
        } else if (figure.selectFirst("img") != null) {
            image(figure.selectFirst("img"), figure).ifPresent(blocks::add);
        } else if (figure.selectFirst("table") != null) {
            table(figure.selectFirst("table")).ifPresent(blocks::add);
        } else if (figure.selectFirst("blockquote") != null) {
            blocks.add(quote(figure.selectFirst("blockquote").childNodes(), figure.selectFirst("figcaption"), false));
        } else {
            blocks.addAll(blocks(figure.childNodes()));
        }
    }

    /** An image, with what its figure says: library id, caption, credit and size. */
    private java.util.Optional<BodyNode> image(Element img, Element figure) {
        String src = img.attr("src");
        String mediaId = figure == null ? "" : figure.attr("data-media-id");
        if (src.isBlank() && mediaId.isBlank()) {
            return java.util.Optional.empty();
        }
        Map<String, Object> attrs = new java.util.LinkedHashMap<>();
        if (mediaId.matches("\\d{1,18}")) {
            attrs.put("mediaId", Long.parseLong(mediaId));
        }
        attrs.put("src", src);
        attrs.put("alt", img.attr("alt"));
        String caption = "";
        String credit = "";
        if (figure != null) {
            Element captionElement = figure.selectFirst(".figure__caption");
            Element creditElement = figure.selectFirst(".figure__credit");
            Element figcaption = figure.selectFirst("figcaption");
            if (captionElement != null || creditElement != null) {
                caption = captionElement == null ? "" : captionElement.text();
                credit = creditElement == null ? "" : creditElement.text();
            } else if (figcaption != null) {
                caption = figcaption.text();
            }
        }
        attrs.put("caption", caption);
        attrs.put("credit", credit);
        attrs.put("size", figure != null && figure.hasClass("figure--wide") ? "wide"
                : figure != null && figure.hasClass("figure--full") ? "full" : "column");
        if (img.attr("width").matches("\\d{1,6}") && img.attr("height").matches("\\d{1,6}")) {
            attrs.put("width", Integer.parseInt(img.attr("width")));
            attrs.put("height", Integer.parseInt(img.attr("height")));
        }
        return java.util.Optional.of(BodyNode.block("image", attrs, List.of()));
    }

    private void aside(Element aside, List<BodyNode> blocks) {
        if (aside.hasClass("pullquote")) {
            Element attribution = aside.selectFirst(".pullquote__attribution");
            String who = attribution == null ? "" : stripDash(attribution.text());
            if (attribution != null) {
                attribution.remove();
            }
            List<BodyNode> text = new ArrayList<>();
            for (BodyNode block : blocks(aside.childNodes())) {
                text.addAll(block.content().stream().filter(node -> node.isText() || "hard_break".equals(node.type())).toList());
            }
            blocks.add(BodyNode.block("pullquote", Map.of("attribution", who), trim(text)));
            return;
        }
        Element title = aside.selectFirst(".callout__title");
        String titleText = title == null ? "" : title.text();
        if (title != null) {
            title.remove();
        }
        List<BodyNode> content = new ArrayList<>();
        for (BodyNode block : blocks(aside.childNodes())) {
            switch (block.type()) {
                case "paragraph", "heading", "bullet_list", "ordered_list" -> content.add(block);
                default -> {
                    String text = plain(block);
                    if (!text.isBlank()) {
                        content.add(BodyNode.block("paragraph", List.of(BodyNode.text(text))));
                    }
                }
            }
        }
        if (content.isEmpty()) {
            content.add(BodyNode.block("paragraph", List.of()));
        }
        blocks.add(BodyNode.block("callout", Map.of("title", titleText), content));
    }

    private java.util.Optional<BodyNode> table(Element table) {
        List<BodyNode> rows = new ArrayList<>();
        for (Element row : table.select("tr")) {
            if (row.closest("table") != table) {
                continue; // a table inside a cell belongs to that cell
            }
            List<BodyNode> cells = new ArrayList<>();
            for (Element cell : row.children()) {
                if (!cell.tagName().equals("td") && !cell.tagName().equals("th")) {
                    continue;
                }
                List<BodyNode> paragraphs = new ArrayList<>();
                for (BodyNode block : blocks(cell.childNodes())) {
                    String text = plain(block);
                    paragraphs.add("paragraph".equals(block.type()) ? block
                            : BodyNode.block("paragraph", text.isBlank() ? List.of() : List.of(BodyNode.text(text))));
                }
                if (paragraphs.isEmpty()) {
                    paragraphs.add(BodyNode.block("paragraph", List.of()));
                }
                Map<String, Object> attrs = new java.util.LinkedHashMap<>();
                attrs.put("colspan", span(cell.attr("colspan")));
                attrs.put("rowspan", span(cell.attr("rowspan")));
                cells.add(BodyNode.block(cell.tagName().equals("th") ? "table_header" : "table_cell", attrs, paragraphs));
            }
            if (!cells.isEmpty()) {
                rows.add(BodyNode.block("table_row", cells));
            }
        }
        return rows.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(BodyNode.block("table", rows));
    }

    private static int span(String value) {
        return value.matches("\\d{1,2}") && Integer.parseInt(value) > 0 ? Integer.parseInt(value) : 1;
    }

    /** Inline content with its bold, italic, code and links; images found on the way go to {@code images}. */
    private List<BodyNode> inline(List<Node> nodes, List<BodyNode.Mark> marks, List<BodyNode> images) {
        List<BodyNode> result = new ArrayList<>();
        for (Node node : nodes) {
            if (node instanceof TextNode text) {
                String value = text.getWholeText().replaceAll("\\s+", " ");
                if (!value.isEmpty()) {
                    result.add(BodyNode.text(value, marks));
                }
            } else if (node instanceof Element element) {
                switch (element.tagName()) {
                    case "strong", "b" -> result.addAll(inline(element.childNodes(), with(marks, BodyNode.Mark.of("strong")), images));
                    case "em", "i" -> result.addAll(inline(element.childNodes(), with(marks, BodyNode.Mark.of("em")), images));
                    case "code" -> result.addAll(inline(element.childNodes(), with(marks, BodyNode.Mark.of("code")), images));
                    case "a" -> {
                        String href = element.attr("href");
                        List<BodyNode.Mark> linked = BodyDocument.isSafeUrl(href)
                                ? with(marks, BodyNode.Mark.link(href, element.hasAttr("title") ? element.attr("title") : null))
                                : marks;
                        result.addAll(inline(element.childNodes(), linked, images));
                    }
                    case "br" -> result.add(BodyNode.block("hard_break", List.of()));
                    case "img" -> image(element, null).ifPresent(images::add);
                    case "sup" -> {
                        Element link = element.selectFirst("a[href^=#fn-]");
                        if (element.hasClass("footnote-ref") && link != null) {
                            List<BodyNode> note = footnotes.getOrDefault(link.attr("href").substring(1), List.of());
                            result.add(BodyNode.block("footnote", note.stream().filter(BodyNode::isText).toList()));
                        } else {
                            result.addAll(inline(element.childNodes(), marks, images));
                        }
                    }
                    default -> result.addAll(inline(element.childNodes(), marks, images));
                }
            }
        }
        return result;
    }

    private static List<BodyNode.Mark> with(List<BodyNode.Mark> marks, BodyNode.Mark mark) {
        if (marks.stream().anyMatch(existing -> existing.type().equals(mark.type()))) {
            return marks;
        }
        List<BodyNode.Mark> more = new ArrayList<>(marks);
        more.add(mark);
        return more;
    }

    /** Whitespace as a browser shows it: none at the edges, runs merged, adjacent text with equal marks joined. */
    private static List<BodyNode> trim(List<BodyNode> nodes) {
        List<BodyNode> merged = new ArrayList<>();
        for (BodyNode node : nodes) {
            if (node.isText() && !merged.isEmpty()) {
                BodyNode previous = merged.get(merged.size() - 1);
                if (previous.isText() && new java.util.HashSet<>(previous.marks()).equals(new java.util.HashSet<>(node.marks()))) {
                    String joined = (previous.text() + node.text()).replaceAll(" {2,}", " ");
                    merged.set(merged.size() - 1, BodyNode.text(joined, previous.marks()));
                    continue;
                }
                if (previous.isText() && previous.text().endsWith(" ") && node.text().startsWith(" ")) {
                    node = BodyNode.text(node.text().substring(1), node.marks());
                }
            }
            merged.add(node);
        }
        while (!merged.isEmpty() && "hard_break".equals(merged.get(merged.size() - 1).type())) {
            merged.remove(merged.size() - 1);
        }
        if (!merged.isEmpty() && merged.get(0).isText()) {
            merged.set(0, BodyNode.text(merged.get(0).text().stripLeading(), merged.get(0).marks()));
        }
        int last = merged.size() - 1;
        if (last >= 0 && merged.get(last).isText()) {
            merged.set(last, BodyNode.text(merged.get(last).text().stripTrailing(), merged.get(last).marks()));
        }
        merged.removeIf(node -> node.isText() && node.text().isEmpty());
        return merged;
    }

    static boolean opensWithDash(String text) {
        String trimmed = text.stripLeading();
        return !trimmed.isEmpty() && DASHES.indexOf(trimmed.charAt(0)) >= 0;
    }

    static List<BodyNode> stripDash(List<BodyNode> nodes) {
        if (nodes.isEmpty() || !nodes.get(0).isText()) {
            return nodes;
        }
        List<BodyNode> stripped = new ArrayList<>(nodes);
        stripped.set(0, BodyNode.text(stripDash(nodes.get(0).text()), nodes.get(0).marks()));
        return stripped;
    }

    private static String stripDash(String text) {
        String trimmed = text.stripLeading();
        while (!trimmed.isEmpty() && (DASHES.indexOf(trimmed.charAt(0)) >= 0 || trimmed.startsWith("--"))) {
            trimmed = trimmed.substring(trimmed.startsWith("--") ? 2 : 1).stripLeading();
        }
        return trimmed;
    }

    private static BodyNode embedNode(String url, String title) {
        Map<String, Object> attrs = new java.util.LinkedHashMap<>();
        attrs.put("url", url);
        attrs.put("provider", EmbedProviders.match(url).map(EmbedProviders.Embed::provider).orElse(""));
        attrs.put("title", title);
        return BodyNode.block("embed", attrs, List.of());
    }

    static String plain(BodyNode node) {
        if (node.isText()) {
            return node.text();
        }
        StringBuilder text = new StringBuilder();
        for (BodyNode child : node.content()) {
            String part = plain(child);
            if (!part.isEmpty()) {
                if (!text.isEmpty() && !child.isText()) {
                    text.append(' ');
                }
                text.append(part);
            }
        }
        return text.toString();
    }
}
