package org.masthead.archive.wordpress;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The last pass over a converted body, whatever editor wrote it: WordPress's figures, images, code and wrappers
 * become the plain markup Masthead reads ({@link MastheadMarkup}), and WordPress's presentation (classes, inline
 * styles, srcset, layout wrappers) goes. It does not sanitize — Masthead's renderer does — but its output is
 * always well-formed, as jsoup writes it.
 */
final class HtmlCleanup {

    /** Masthead's block classes; any other class is WordPress's presentation. */
    private static final Pattern MASTHEAD_CLASS = Pattern.compile("figure|figure--(?:wide|full)|gallery|gallery__items"
            + "|gallery__item|embed|embed--[a-z]+|embed__title|embed__notice|pullquote|pullquote__attribution"
            + "|footnote-ref|footnotes");
    private static final Pattern FOOTNOTE_ID = Pattern.compile("fn(?:ref)?-\\d{1,4}");
    private static final Set<String> PRESENTATION = Set.of("style", "id", "srcset", "sizes", "loading", "decoding",
            "align", "valign", "border", "target", "rel", "role", "tabindex", "contenteditable", "bgcolor", "nowrap",
            "cellpadding", "cellspacing", "frame", "rules");
    private static final Set<String> BLOCK_TAGS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
            "blockquote", "figure", "figcaption", "table", "hr", "pre", "dl", "section", "article", "aside", "header",
            "footer", "nav", "main", "form", "address", "details", "summary", "iframe", "audio", "video", "script", "style",
            "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "dt", "dd");
    /** WordPress's resized copies: photo-300x200.jpg, photo-scaled.jpg and photo-1.jpg's own name. */
    private static final Pattern RESIZED = Pattern.compile("-(?:\\d{1,5}x\\d{1,5}|scaled|rotated)(?=\\.[A-Za-z0-9]{2,5}$)");
    private static final Pattern BARE_URL = Pattern.compile("https?://[^\\s<>\"]+");

    private HtmlCleanup() {
    }

    static String clean(String html, ConversionContext context) {
        Document document = Jsoup.parseBodyFragment(html == null ? "" : html);
        document.outputSettings().prettyPrint(false);
        Element body = document.body();
        removeComments(body);
        Footnotes.number(body, context);
        for (Element media : body.select("audio, video")) {
            mediaLink(media);
        }
        for (Element figure : body.select("figure")) {
            if (isAttached(figure, document)) {
                figure(figure);
            }
        }
        for (Element image : body.select("img")) {
            if (isAttached(image, document) && image.closest("figure") == null) {
                looseImage(image);
            }
        }
        for (Element pre : body.select("pre")) {
            codeBlock(pre);
        }
        for (Element paragraph : body.select("p")) {
            if (paragraph.children().isEmpty() && BARE_URL.matcher(paragraph.text().strip()).matches()
                    && paragraph.closest("figure, blockquote, aside, li, td, th") == null) {
                paragraph.replaceWith(MastheadMarkup.embed(paragraph.text().strip(), null));
            }
        }
        for (Element element : body.getAllElements()) {
            presentation(element);
        }
        List<Element> wrappers = new ArrayList<>(body.select("div, span"));
        java.util.Collections.reverse(wrappers); // innermost first, so a div knows whether its content is blocks
        for (Element wrapper : wrappers) {
            unwrap(wrapper);
        }
        for (Element caption : body.select("cite, figcaption")) {
            trimLineBreaks(caption);
        }
        for (Element paragraph : body.select("p")) {
            trimLineBreaks(paragraph);
            if (isEmpty(paragraph)) {
                paragraph.remove();
            }
        }
        tidyWhitespace(body);
        return body.html().strip();
    }

    private static boolean isAttached(Element element, Document document) {
        return element.root() == document;
    }

    private static void removeComments(Node node) {
        for (Node child : new ArrayList<>(node.childNodes())) {
            if (child instanceof Comment) {
                child.remove();
            } else {
                removeComments(child);
            }
        }
    }

    /** Audio and video Masthead does not play become a link to the file, labelled with the figure's caption. */
    private static void mediaLink(Element media) {
        String src = media.attr("src");
        if (src.isBlank()) {
            Element source = media.selectFirst("source[src]");
            src = source == null ? "" : source.attr("src");
        }
        Element figure = media.parent() != null && media.parent().tagName().equals("figure") ? media.parent() : null;
        Element caption = figure == null ? null : figure.selectFirst("figcaption");
        Element target = figure != null && figure.select("audio, video, img, table").size() == 1 ? figure : media;
        if (src.isBlank()) {
            target.remove();
            return;
        }
        String kind = media.tagName().equals("audio") ? "Audio" : "Video";
        target.replaceWith(MastheadMarkup.mediaLink(kind, src, caption == null ? null : caption.text()));
    }

    private static void figure(Element figure) {
        if (figure.hasClass("gallery") && figure.selectFirst("ul.gallery__items") != null
                || figure.hasClass("embed") && figure.hasAttr("data-embed-url")
                || figure.parent() != null && figure.parent().hasClass("gallery__item")) {
            return; // Masthead's own markup, made by the block conversion
        }
        List<Element> images = figure.select("img");
        Element caption = figure.children().select("figcaption").first();
        if (images.size() > 1) {
            figure.replaceWith(gallery(figure, images));
        } else if (images.size() == 1) {
            figure.replaceWith(picture(figure, images.get(0), caption));
        } else if (figure.selectFirst("table") != null) {
            // a table's caption has no place in Masthead's table: it follows as a paragraph
            Element table = figure.selectFirst("table");
            figure.before(table);
            if (caption != null && !caption.text().isBlank()) {
                figure.before(new Element("p").html(caption.html()));
            }
            figure.remove();
        } else if (figure.selectFirst("blockquote, iframe") == null) {
            if (caption != null) {
                caption.tagName("p");
            }
            figure.unwrap();
        }
    }

    private static Element picture(Element figure, Element img, Element caption) {
        Element result = MastheadMarkup.figure(img.attr("src"), img.attr("alt"), caption == null ? null : caption.html(),
                img.attr("width"), img.attr("height"));
        if (figure.hasClass("alignwide")) {
            result.addClass("figure").addClass("figure--wide");
        } else if (figure.hasClass("alignfull")) {
            result.addClass("figure").addClass("figure--full");
        }
        Element link = img.parent() != null && img.parent().tagName().equals("a") ? img.parent() : null;
        if (link != null && !pointsAtItself(link, img)) {
            result.selectFirst("img").wrap(new Element("a").attr("href", link.attr("href")).outerHtml());
        }
        return result;
    }

    /** A figure of several pictures (WordPress's gallery block, old or new) becomes Masthead's gallery. */
    private static Element gallery(Element figure, List<Element> images) {
        List<Element> figures = new ArrayList<>();
        for (Element img : images) {
            Element holder = img.parent();
            while (holder != null && holder != figure && !holder.tagName().equals("figure") && !holder.tagName().equals("li")) {
                holder = holder.parent();
            }
            Element caption = holder == null || holder == figure ? null : holder.selectFirst("figcaption");
            figures.add(MastheadMarkup.figure(img.attr("src"), img.attr("alt"), caption == null ? null : caption.html(),
                    img.attr("width"), img.attr("height")));
        }
        Element caption = null;
        for (Element child : figure.children()) {
            if (child.tagName().equals("figcaption")) {
                caption = child;
            }
        }
        return MastheadMarkup.gallery(figures, caption == null ? null : caption.html());
    }

    /**
     * A picture outside a figure (classic content): a link to the picture's own file goes, and a paragraph holding
     * only pictures becomes their figures.
     */
    private static void looseImage(Element img) {
        Element link = img.parent() != null && img.parent().tagName().equals("a") ? img.parent() : null;
        if (link != null && link.childrenSize() == 1 && link.ownText().isBlank() && pointsAtItself(link, img)) {
            link.unwrap();
        }
        Element paragraph = img.closest("p");
        if (paragraph != null && paragraph.text().isBlank() && paragraph.select("a, iframe, audio, video").isEmpty()) {
            for (Element each : paragraph.select("img")) {
                paragraph.before(MastheadMarkup.figure(each.attr("src"), each.attr("alt"), null, each.attr("width"),
                        each.attr("height")));
            }
            paragraph.remove();
        }
    }

    /** Whether a link around a picture only opens the picture's file (its full size): it adds nothing. */
    static boolean pointsAtItself(Element link, Element img) {
        String href = originalFile(link.attr("href"));
        return !href.isEmpty() && href.equals(originalFile(img.attr("src")));
    }

    private static String originalFile(String url) {
        String path = url.strip().replaceAll("[?#].*$", "").replaceFirst("^https?:", "");
        return RESIZED.matcher(path).replaceAll("");
    }

    /** Code and preformatted text: {@code <pre><code>}, its text as written (line breaks kept, formatting not). */
    private static void codeBlock(Element pre) {
        if (pre.parent() != null && pre.parent().closest("pre") != null) {
            return;
        }
        for (Element lineBreak : pre.select("br")) {
            lineBreak.replaceWith(new TextNode("\n"));
        }
        String code = pre.wholeText();
        pre.empty();
        pre.clearAttributes();
        pre.appendElement("code").appendChild(new TextNode(code));
    }

    private static void presentation(Element element) {
        boolean masthead = element.classNames().stream().anyMatch(name -> MASTHEAD_CLASS.matcher(name).matches());
        for (Attribute attribute : new ArrayList<>(element.attributes().asList())) {
            String name = attribute.getKey().toLowerCase(java.util.Locale.ROOT);
            boolean embedData = name.startsWith("data-embed-") && element.hasClass("embed");
            if (name.equals("id") && FOOTNOTE_ID.matcher(attribute.getValue()).matches()) {
                continue; // Masthead's footnote anchors
            }
            if (PRESENTATION.contains(name) || name.startsWith("aria-") || name.startsWith("data-") && !embedData
                    || (name.equals("width") || name.equals("height")) && !element.tagName().equals("img")
                            && !element.tagName().equals("iframe")) {
                element.removeAttr(attribute.getKey());
            }
        }
        if (element.hasAttr("class")) {
            List<String> kept = element.classNames().stream().filter(name -> MASTHEAD_CLASS.matcher(name).matches()).toList();
            if (kept.isEmpty() || !masthead) {
                element.removeAttr("class");
            } else {
                element.attr("class", String.join(" ", kept));
            }
        }
    }

    /**
     * Layout wrappers (columns, groups, WordPress's divs and styled spans) go, their content stays; a div of mere
     * text was a paragraph to its writer, and stays one.
     */
    private static void unwrap(Element wrapper) {
        if (wrapper.hasAttr("class")) {
            return; // Masthead's own
        }
        if (wrapper.tagName().equals("span")) {
            wrapper.unwrap();
            return;
        }
        boolean holdsBlocks = wrapper.children().stream().anyMatch(child -> BLOCK_TAGS.contains(child.tagName()));
        boolean inParagraph = wrapper.parent() != null
                && wrapper.parent().closest("p, li, td, th, h1, h2, h3, h4, h5, h6") != null;
        if (!holdsBlocks && !inParagraph && !wrapper.text().isBlank()) {
            wrapper.tagName("p");
        } else {
            wrapper.unwrap();
        }
    }

    /** Line breaks and non-breaking spaces at a paragraph's edges were spacing, the classic editor's way. */
    private static void trimLineBreaks(Element paragraph) {
        while (paragraph.childNodeSize() > 0 && isSpacing(paragraph.childNode(0))) {
            paragraph.childNode(0).remove();
        }
        while (paragraph.childNodeSize() > 0 && isSpacing(paragraph.childNode(paragraph.childNodeSize() - 1))) {
            paragraph.childNode(paragraph.childNodeSize() - 1).remove();
        }
    }

    private static boolean isSpacing(Node node) {
        return node instanceof TextNode text && text.getWholeText().replace('\u00a0', ' ').isBlank()
                || node instanceof Element element && element.tagName().equals("br");
    }

    /**
     * Whitespace between blocks is dropped, and each top-level block gets a line of its own. Children are rebuilt
     * in one go: removing them one by one costs a pass over their siblings each time.
     */
    private static void tidyWhitespace(Element body) {
        for (Element element : body.getAllElements()) {
            if (element.closest("pre") != null) {
                continue;
            }
            List<Node> children = element.childNodes();
            List<Node> kept = new ArrayList<>(children.size());
            for (int i = 0; i < children.size(); i++) {
                Node child = children.get(i);
                boolean betweenBlocks = isBlank(child)
                        && (isBlockOrEdge(nearest(children, i, -1)) || isBlockOrEdge(nearest(children, i, 1)));
                if (!betweenBlocks) {
                    kept.add(child);
                }
            }
            if (element == body) {
                kept = oneBlockALine(kept);
            }
            if (kept.size() != children.size() || element == body) {
                element.empty();
                kept.forEach(element::appendChild);
            }
        }
    }

    private static boolean isBlank(Node node) {
        return node instanceof TextNode text && text.isBlank();
    }

    /** The closest sibling that is not blank text, in the given direction; null at the edge. */
    private static Node nearest(List<Node> siblings, int index, int direction) {
        for (int i = index + direction; i >= 0 && i < siblings.size(); i += direction) {
            if (!isBlank(siblings.get(i))) {
                return siblings.get(i);
            }
        }
        return null;
    }

    private static List<Node> oneBlockALine(List<Node> nodes) {
        List<Node> lines = new ArrayList<>(nodes.size() * 2);
        for (int i = 0; i < nodes.size(); i++) {
            lines.add(nodes.get(i));
            if (nodes.get(i) instanceof Element && i < nodes.size() - 1) {
                lines.add(new TextNode("\n"));
            }
        }
        return lines;
    }

    private static boolean isBlockOrEdge(Node node) {
        return node == null || node instanceof Element element && BLOCK_TAGS.contains(element.tagName());
    }

    private static boolean isEmpty(Element paragraph) {
        return paragraph.text().replace('\u00a0', ' ').isBlank()
                && paragraph.select("img, iframe, video, audio, object, embed, svg, input, script").isEmpty();
    }
}
