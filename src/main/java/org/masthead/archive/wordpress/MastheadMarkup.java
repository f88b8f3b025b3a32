package org.masthead.archive.wordpress;

import java.util.List;
import java.util.Optional;

import org.jsoup.nodes.Element;
import org.jsoup.parser.Tag;
import org.masthead.body.EmbedProviders;

/**
 * The HTML that Masthead's body reader ({@code org.masthead.body.HtmlToBlocks}) turns into its own blocks, and
 * that its renderer shows as intended even before the body is converted: pictures as figures, galleries as
 * Masthead's gallery figure, embeds from listed providers as its click-to-load embed figure.
 */
final class MastheadMarkup {

    private MastheadMarkup() {
    }

    /** A picture in a figure; the caption may hold inline HTML (links), null or blank for none. */
    static Element figure(String src, String alt, String captionHtml, String width, String height) {
        Element figure = new Element("figure");
        Element img = figure.appendElement("img").attr("src", src).attr("alt", alt == null ? "" : alt);
        if (width != null && height != null && width.matches("\\d{1,6}") && height.matches("\\d{1,6}")) {
            img.attr("width", width).attr("height", height);
        }
        if (captionHtml != null && !captionHtml.isBlank()) {
            figure.appendElement("figcaption").html(captionHtml.strip());
        }
        return figure;
    }

    /** Masthead's gallery: a figure of picture figures, its own caption last. */
    static Element gallery(List<Element> figures, String captionHtml) {
        Element gallery = new Element("figure").addClass("gallery");
        Element items = gallery.appendElement("ul").addClass("gallery__items");
        for (Element figure : figures) {
            items.appendElement("li").addClass("gallery__item").appendChild(figure.addClass("figure"));
        }
        if (captionHtml != null && !captionHtml.isBlank()) {
            gallery.appendElement("figcaption").html(captionHtml.strip());
        }
        return gallery;
    }

    /**
     * An address WordPress would have embedded (oEmbed): Masthead's embed figure when a listed provider serves it,
     * else a paragraph linking to it, as readers of the old site saw it when the embed failed.
     */
    static Element embed(String url, String title) {
        String address = url.strip();
        Optional<EmbedProviders.Embed> listed = EmbedProviders.match(address);
        if (listed.isEmpty()) {
            return link(address, title == null || title.isBlank() ? address : title);
        }
        EmbedProviders.Embed embed = listed.get();
        // the same markup Masthead renders for an embed block, so it reads back as one and shows as its facade
        Element figure = new Element("figure").addClass("embed").addClass("embed--" + embed.shape())
                .attr("data-embed-provider", embed.provider()).attr("data-embed-url", embed.url())
                .attr("data-embed-player", embed.playerUrl());
        String text = title == null || title.isBlank() ? embed.providerName() + ": " + embed.url() : title.strip();
        figure.appendElement("p").addClass("embed__title").appendElement("a").attr("href", embed.url()).text(text);
        figure.appendElement("p").addClass("embed__notice").text("Content from " + embed.providerName() + ". It loads from "
                + embed.providerName() + " only if you choose to show it.");
        return figure;
    }

    /** A paragraph holding one link. */
    static Element link(String href, String text) {
        Element paragraph = new Element(Tag.valueOf("p"), "");
        paragraph.appendElement("a").attr("href", href).text(text);
        return paragraph;
    }

    /** Audio and video Masthead does not play: a link to the file, labelled like "Video: interview.mp4". */
    static Element mediaLink(String kind, String url, String label) {
        String name = label == null || label.isBlank() ? fileName(url) : label.strip();
        return link(url, kind + ": " + name);
    }

    static String fileName(String url) {
        String path = url.replaceAll("[?#].*$", "");
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isBlank() ? url : name;
    }

    /** The element as compact HTML (jsoup pretty-prints an element outside a document). */
    static String html(Element element) {
        org.jsoup.nodes.Document document = org.jsoup.nodes.Document.createShell("");
        document.outputSettings().prettyPrint(false);
        document.body().appendChild(element);
        return element.outerHtml();
    }
}
