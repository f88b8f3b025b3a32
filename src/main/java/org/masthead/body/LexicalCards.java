package org.masthead.body;

import static org.masthead.body.LexicalNodes.dimension;
import static org.masthead.body.LexicalNodes.plainText;
import static org.masthead.body.LexicalNodes.string;
import static org.masthead.body.LexicalNodes.type;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tools.jackson.databind.JsonNode;

/**
 * Ghost's cards (Lexical's decorator nodes: image, gallery, embed, callout…) as blocks, for {@link LexicalToBlocks},
 * whose class comment has the table of what each becomes.
 */
final class LexicalCards {

    private final LexicalToBlocks reader;

    LexicalCards(LexicalToBlocks reader) {
        this.reader = reader;
    }

    void read(JsonNode card, List<BodyNode> blocks) {
        switch (type(card)) {
            case "image" -> image(card, blocks);
            case "gallery" -> gallery(card, blocks);
            case "embed" -> embed(card, blocks);
            case "bookmark" -> bookmark(card, blocks);
            case "html" -> html(card, blocks);
            case "markdown" -> blocks.addAll(reader.markdownBlocks(string(card, "markdown")));
            case "callout" -> callout(card, blocks);
            case "codeblock" -> codeBlock(card, blocks);
            case "horizontalrule" -> blocks.add(BodyNode.block("divider", List.of()));
            case "toggle" -> toggle(card, blocks);
            case "button" -> button(card, blocks);
            case "video", "audio", "file" -> media(card, blocks);
            case "product" -> product(card, blocks);
            case "header" -> header(card, blocks);
            case "call-to-action" -> callToAction(card, blocks);
            // signup, paywall, email, email-cta, transistor and cards Masthead does not know
            default -> keep(card, blocks);
        }
    }

    /** A card kept for editors and for the way back to Ghost; readers see nothing of it. */
    private static void keep(JsonNode card, List<BodyNode> blocks) {
        blocks.add(BodyNode.block("raw_html", Map.of("html", LexicalNodes.keepCard(card)), List.of()));
    }

    // ------------------------------------------------------------------------------------------------- pictures

    private void image(JsonNode card, List<BodyNode> blocks) {
        String src = LexicalNodes.url(string(card, "src"));
        if (src.isEmpty()) {
            return; // an image card without a picture: Ghost shows nothing either
        }
        if (!BodyDocument.isSafeUrl(src)) {
            keep(card, blocks); // a data: address, Ghost's "<base64String>" placeholder…
            return;
        }
        Map<String, Object> attrs = picture(card, src);
        String size = switch (string(card, "cardWidth")) {
            case "wide" -> "wide";
            case "full" -> "full";
            default -> "column";
        };
        attrs.put("size", size);
        blocks.add(BodyNode.block("image", attrs, List.of()));
    }

    /** An image's address, alt text, caption and credit (from Masthead's credit span), width and height. */
    private static Map<String, Object> picture(JsonNode image, String src) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("src", src);
        attrs.put("alt", image.path("alt").isString() ? string(image, "alt") : string(image, "altText"));
        Document caption = Jsoup.parseBodyFragment(string(image, "caption"));
        Element credit = caption.selectFirst(".figure__credit");
        attrs.put("credit", credit == null ? "" : credit.text().strip());
        if (credit != null) {
            credit.remove();
        }
        attrs.put("caption", caption.body().text().strip());
        Integer width = dimension(image, "width");
        Integer height = dimension(image, "height");
        if (width != null && height != null) {
            attrs.put("width", width);
            attrs.put("height", height);
        }
        return attrs;
    }

    private void gallery(JsonNode card, List<BodyNode> blocks) {
        List<BodyNode> images = new ArrayList<>();
        boolean unusable = false;
        for (JsonNode image : card.path("images")) {
            String src = LexicalNodes.url(string(image, "src"));
            if (BodyDocument.isSafeUrl(src)) {
                images.add(BodyNode.block("image", picture(image, src), List.of()));
            } else {
                unusable |= !src.isEmpty();
            }
        }
        if (unusable) {
            keep(card, blocks); // all of it, rather than a gallery missing pictures
        } else if (!images.isEmpty()) {
            blocks.add(BodyNode.block("gallery", Map.of("caption", plainText(string(card, "caption"))), images));
        }
    }

    // ------------------------------------------------------------------------------------------- links elsewhere

    /**
     * An embed from a listed provider becomes Masthead's click-to-load embed. From any other, its HTML (a player
     * {@code <iframe>}, a provider's script) would be removed by the sanitizer and leave nothing, so readers get a
     * link to what was embedded instead.
     */
    private void embed(JsonNode card, List<BodyNode> blocks) {
        String url = LexicalNodes.url(string(card, "url"));
        String title = string(card.path("metadata"), "title").strip();
        Optional<EmbedProviders.Embed> embed = EmbedProviders.match(url).or(() -> player(string(card, "html")));
        if (embed.isPresent()) {
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("url", embed.get().url());
            attrs.put("provider", embed.get().provider());
            attrs.put("title", title);
            blocks.add(BodyNode.block("embed", attrs, List.of()));
        } else if (BodyDocument.isSafeUrl(url)) {
            blocks.add(linkParagraph(title.isEmpty() ? url : title, url));
        } else if (!string(card, "html").isBlank()) {
            keep(card, blocks);
            return;
        } else {
            return;
        }
        blocks.addAll(reader.htmlBlocks(string(card, "caption")));
    }

    /** The listed provider of the player an embed's HTML loads, if it loads one. */
    private static Optional<EmbedProviders.Embed> player(String html) {
        Element frame = Jsoup.parseBodyFragment(html).selectFirst("iframe[src]");
        return frame == null ? Optional.empty() : BodyRenderer.embedOf(frame.attr("src"));
    }

    private void bookmark(JsonNode card, List<BodyNode> blocks) {
        String url = LexicalNodes.url(string(card, "url"));
        if (!BodyDocument.isSafeUrl(url)) {
            if (!url.isEmpty()) {
                keep(card, blocks);
            }
            return;
        }
        String title = string(card.path("metadata"), "title").strip();
        if (title.isEmpty()) {
            title = string(card, "title").strip();
        }
        blocks.add(linkParagraph(title.isEmpty() ? url : title, url));
        blocks.addAll(reader.htmlBlocks(string(card, "caption")));
    }

    private void button(JsonNode card, List<BodyNode> blocks) {
        String url = LexicalNodes.url(string(card, "buttonUrl"));
        if (BodyDocument.isSafeUrl(url)) {
            String text = string(card, "buttonText").strip();
            blocks.add(linkParagraph(text.isEmpty() ? url : text, url));
        } else if (!url.isEmpty()) {
            keep(card, blocks);
        }
    }

    /** Video, audio and file cards: Masthead has no player for files, so readers get a link to the file. */
    private void media(JsonNode card, List<BodyNode> blocks) {
        String src = LexicalNodes.url(string(card, "src"));
        if (!BodyDocument.isSafeUrl(src)) {
            if (!src.isEmpty()) {
                keep(card, blocks);
            }
            return;
        }
        String fileName = string(card, "fileName").strip();
        if (fileName.isEmpty()) {
            fileName = src.replaceAll("[?#].*$", "").replaceAll("^.*/", "");
        }
        List<BodyNode> content = new ArrayList<>();
        switch (type(card)) {
            case "video" -> {
                content.add(BodyNode.text("Video: "));
                content.add(link(fileName.isEmpty() ? src : fileName, src));
            }
            case "audio" -> {
                String title = string(card, "title").strip();
                content.add(BodyNode.text("Audio: "));
                content.add(link(!title.isEmpty() ? title : fileName.isEmpty() ? src : fileName, src));
            }
            default -> {
                String title = string(card, "fileTitle").strip();
                content.add(link(!title.isEmpty() ? title : fileName.isEmpty() ? src : fileName, src));
                String caption = string(card, "fileCaption").strip();
                if (!caption.isEmpty()) {
                    content.add(BodyNode.text(" — " + caption));
                }
            }
        }
        blocks.add(BodyNode.block("paragraph", content));
        blocks.addAll(reader.htmlBlocks(string(card, "caption")));
    }

    // --------------------------------------------------------------------------------------------------- HTML

    private void html(JsonNode card, List<BodyNode> blocks) {
        String html = string(card, "html");
        if (html.isBlank()) {
            return;
        }
        reader.exactBlocks(html).ifPresentOrElse(blocks::addAll,
                () -> blocks.add(BodyNode.block("raw_html", Map.of("html", LexicalToBlocks.rawHtml(html)), List.of())));
    }

    private void codeBlock(JsonNode card, List<BodyNode> blocks) {
        String code = string(card, "code");
        if (!code.isBlank()) {
            blocks.add(BodyNode.block("code_block", List.of(BodyNode.text(code))));
        }
        blocks.addAll(reader.htmlBlocks(string(card, "caption")));
    }

    /** A callout: its text's paragraphs (a Ghost callout writes them as lines), a bold first line as its title. */
    private void callout(JsonNode card, List<BodyNode> blocks) {
        List<BodyNode> content = calloutContent(reader.htmlBlocks(string(card, "calloutText")));
        String title = "";
        if (content.size() > 1 && isBold(content.get(0))) {
            title = HtmlToBlocks.plain(content.get(0)).strip();
            content.remove(0);
        }
        if (!content.isEmpty()) {
            blocks.add(BodyNode.block("callout", Map.of("title", title), content));
        }
    }

    /** Ghost's call to action (often sponsored): its image, then a callout titled with its label. */
    private void callToAction(JsonNode card, List<BodyNode> blocks) {
        String image = LexicalNodes.url(string(card, "imageUrl"));
        if (BodyDocument.isSafeUrl(image)) {
            Map<String, Object> attrs = picture(card, image);
            attrs.put("size", "column");
            Integer width = dimension(card, "imageWidth");
            Integer height = dimension(card, "imageHeight");
            if (width != null && height != null) {
                attrs.put("width", width);
                attrs.put("height", height);
            }
            blocks.add(BodyNode.block("image", attrs, List.of()));
        }
        List<BodyNode> content = calloutContent(reader.htmlBlocks(string(card, "textValue")));
        String url = LexicalNodes.url(string(card, "buttonUrl"));
        if (card.path("showButton").asBoolean(true) && BodyDocument.isSafeUrl(url)) {
            String text = string(card, "buttonText").strip();
            content.add(linkParagraph(text.isEmpty() ? url : text, url));
        }
        String label = card.path("hasSponsorLabel").asBoolean(true) ? plainText(string(card, "sponsorLabel")) : "";
        if (!content.isEmpty()) {
            blocks.add(BodyNode.block("callout", Map.of("title", label), content));
        }
    }

    /** What a callout may hold: paragraphs (lines split where Ghost leaves an empty line), headings and lists. */
    private static List<BodyNode> calloutContent(List<BodyNode> read) {
        List<BodyNode> content = new ArrayList<>();
        for (BodyNode block : read) {
            switch (block.type()) {
                case "paragraph" -> LexicalNodes.paragraphs(block.content())
                        .forEach(part -> content.add(BodyNode.block("paragraph", part)));
                case "heading", "bullet_list", "ordered_list" -> content.add(block);
                default -> {
                    String text = HtmlToBlocks.plain(block).strip();
                    if (!text.isEmpty()) {
                        content.add(BodyNode.block("paragraph", List.of(BodyNode.text(text))));
                    }
                }
            }
        }
        return content;
    }

    /** A paragraph that is one run of bold text. */
    static boolean isBold(BodyNode paragraph) {
        return "paragraph".equals(paragraph.type()) && !paragraph.content().isEmpty()
                && paragraph.content().stream().allMatch(node -> node.isText()
                && node.marks().stream().anyMatch(mark -> "strong".equals(mark.type())));
    }

    /** A toggle's heading as a level-4 heading, as Ghost shows it, then the content it hides. */
    private void toggle(JsonNode card, List<BodyNode> blocks) {
        blocks.addAll(reader.htmlBlocks("<h4>" + string(card, "heading") + "</h4>"));
        blocks.addAll(reader.htmlBlocks(string(card, "content")));
    }

    private void product(JsonNode card, List<BodyNode> blocks) {
        String image = LexicalNodes.url(string(card, "productImageSrc"));
        if (BodyDocument.isSafeUrl(image)) {
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("src", image);
            attrs.put("alt", "");
            attrs.put("caption", "");
            attrs.put("credit", "");
            attrs.put("size", "column");
            Integer width = dimension(card, "productImageWidth");
            Integer height = dimension(card, "productImageHeight");
            if (width != null && height != null) {
                attrs.put("width", width);
                attrs.put("height", height);
            }
            blocks.add(BodyNode.block("image", attrs, List.of()));
        }
        String title = plainText(string(card, "productTitle"));
        if (!title.isEmpty()) {
            blocks.add(BodyNode.block("paragraph", List.of(BodyNode.text(title, List.of(BodyNode.Mark.of("strong"))))));
        }
        if (card.path("productRatingEnabled").asBoolean(false)) {
            int stars = Math.max(0, Math.min(5, card.path("productStarRating").asInt(5)));
            blocks.add(BodyNode.block("paragraph", List.of(BodyNode.text("★".repeat(stars) + "☆".repeat(5 - stars)))));
        }
        blocks.addAll(reader.htmlBlocks(string(card, "productDescription")));
        String url = LexicalNodes.url(string(card, "productUrl"));
        if (card.path("productButtonEnabled").asBoolean(false) && BodyDocument.isSafeUrl(url)) {
            String text = string(card, "productButton").strip();
            blocks.add(linkParagraph(text.isEmpty() ? url : text, url));
        }
    }

    /** A header card's words: its header as a heading, its subheader, its button as a link; not its background. */
    private void header(JsonNode card, List<BodyNode> blocks) {
        blocks.addAll(reader.htmlBlocks("<h2>" + string(card, "header") + "</h2>"));
        blocks.addAll(reader.htmlBlocks("<p>" + string(card, "subheader") + "</p>"));
        String url = LexicalNodes.url(string(card, "buttonUrl"));
        if (card.path("buttonEnabled").asBoolean(false) && BodyDocument.isSafeUrl(url)) {
            String text = string(card, "buttonText").strip();
            blocks.add(linkParagraph(text.isEmpty() ? url : text, url));
        }
    }

    // ---------------------------------------------------------------------------------------------------- text

    private static BodyNode link(String text, String href) {
        return BodyNode.text(text, List.of(BodyNode.Mark.link(href, null)));
    }

    private static BodyNode linkParagraph(String text, String href) {
        return BodyNode.block("paragraph", List.of(link(text, href)));
    }
}
