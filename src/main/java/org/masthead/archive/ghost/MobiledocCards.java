package org.masthead.archive.ghost;

import static org.masthead.archive.ghost.GhostJson.nonBlank;
import static org.masthead.archive.ghost.MobiledocHtml.escape;

import java.util.List;
import java.util.Set;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;

import tools.jackson.databind.JsonNode;

/**
 * Ghost's mobiledoc cards (the payloads of {@code @tryghost/kg-default-cards}) as the HTML Masthead reads into its own
 * blocks: an image card becomes a figure, a gallery Masthead's gallery, a callout or toggle an
 * {@code <aside class="callout">}, an embed or bookmark a link alone in its paragraph (which Masthead turns back into
 * an embed for the providers it knows). Captions, callout text and HTML cards are HTML already and pass through.
 */
final class MobiledocCards {

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser MARKDOWN = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer MARKDOWN_HTML = HtmlRenderer.builder().extensions(EXTENSIONS).build();

    /** Cards Ghost itself shows only in newsletters: the web page never had them. */
    private static final Set<String> EMAIL_ONLY = Set.of("email", "email-cta");

    private MobiledocCards() {
    }

    static void render(String name, JsonNode payload, StringBuilder html, Set<String> warnings) {
        switch (name) {
            case "image" -> image(payload, html);
            case "gallery" -> gallery(payload, html);
            case "markdown", "card-markdown" -> markdown(payload, html);
            case "html" -> raw(nonBlank(payload, "html"), html);
            case "hr" -> html.append("<hr>");
            case "code" -> code(payload, html);
            case "embed" -> embed(payload, html);
            case "bookmark" -> bookmark(payload, html);
            case "callout" -> callout(payload, html);
            case "toggle" -> toggle(payload, html);
            case "button" -> link(nonBlank(payload, "buttonUrl"), nonBlank(payload, "buttonText"), html);
            case "header" -> header(payload, html);
            case "blockquote" -> blockquote(payload, html);
            case "before-after" -> beforeAfter(payload, html);
            case "video", "audio", "file" -> {
                String title = firstNonBlank(nonBlank(payload, "title"), nonBlank(payload, "fileTitle"),
                        nonBlank(payload, "fileName"));
                link(nonBlank(payload, "src"), title, html);
                warnings.add("its " + name + " cards are kept as links to their files");
            }
            case "paywall" -> warnings.add("its members-only divider (paywall card) is gone: all of it is public");
            default -> {
                if (!EMAIL_ONLY.contains(name)) {
                    warnings.add("unknown card \"" + name + "\" left out");
                }
            }
        }
    }

    /** Ghost: {src, alt, title, caption, href, width, height, cardWidth: ""|"wide"|"full"}. */
    private static void image(JsonNode payload, StringBuilder html) {
        String src = nonBlank(payload, "src");
        if (src == null) {
            return;
        }
        String size = GhostJson.text(payload, "cardWidth");
        boolean sized = "wide".equals(size) || "full".equals(size);
        html.append(sized ? "<figure class=\"figure figure--" + size + "\">" : "<figure>");
        String href = nonBlank(payload, "href");
        if (href != null) {
            html.append("<a href=\"").append(escape(href)).append("\">");
        }
        img(payload, html);
        if (href != null) {
            html.append("</a>");
        }
        caption(nonBlank(payload, "caption"), html);
        html.append("</figure>");
    }

    private static void img(JsonNode image, StringBuilder html) {
        html.append("<img src=\"").append(escape(nonBlank(image, "src"))).append("\" alt=\"")
                .append(escape(nonBlank(image, "alt"))).append('"');
        String title = nonBlank(image, "title");
        if (title != null) {
            html.append(" title=\"").append(escape(title)).append('"');
        }
        if (image.path("width").canConvertToInt() && image.path("height").canConvertToInt()
                && image.path("width").asInt() > 0 && image.path("height").asInt() > 0) {
            html.append(" width=\"").append(image.path("width").asInt()).append("\" height=\"")
                    .append(image.path("height").asInt()).append('"');
        }
        html.append('>');
    }

    private static void caption(String captionHtml, StringBuilder html) {
        if (captionHtml != null) {
            html.append("<figcaption>").append(captionHtml).append("</figcaption>");
        }
    }

    /** Ghost: {images: [{src, alt, title, caption, width, height, row}], caption}; laid out as Masthead's gallery. */
    private static void gallery(JsonNode payload, StringBuilder html) {
        List<JsonNode> images = payload.path("images").valueStream()
                .filter(image -> nonBlank(image, "src") != null).toList();
        if (images.isEmpty()) {
            return;
        }
        html.append("<figure class=\"gallery\"><ul class=\"gallery__items\">");
        for (JsonNode image : images) {
            html.append("<li class=\"gallery__item\"><figure>");
            img(image, html);
            caption(nonBlank(image, "caption"), html);
            html.append("</figure></li>");
        }
        html.append("</ul>");
        caption(nonBlank(payload, "caption"), html);
        html.append("</figure>");
    }

    private static void markdown(JsonNode payload, StringBuilder html) {
        String markdown = nonBlank(payload, "markdown");
        if (markdown != null) {
            html.append(MARKDOWN_HTML.render(MARKDOWN.parse(markdown)));
        }
    }

    private static void raw(String rawHtml, StringBuilder html) {
        if (rawHtml != null) {
            html.append(rawHtml);
        }
    }

    /** Ghost: {code, language, caption}. */
    private static void code(JsonNode payload, StringBuilder html) {
        String code = GhostJson.text(payload, "code");
        if (code == null || code.isEmpty()) {
            return;
        }
        String caption = nonBlank(payload, "caption");
        String language = nonBlank(payload, "language");
        if (caption != null) {
            html.append("<figure>");
        }
        html.append("<pre><code");
        if (language != null && language.matches("[A-Za-z0-9_+#.-]{1,40}")) {
            html.append(" class=\"language-").append(language).append('"');
        }
        html.append('>').append(escape(code)).append("</code></pre>");
        if (caption != null) {
            caption(caption, html);
            html.append("</figure>");
        }
    }

    /**
     * Ghost: {url, html, type, metadata, caption}. The address alone in a paragraph, which Masthead shows as its own
     * embed for the providers it knows and as a plain link for the rest; the provider's iframe HTML only when the card
     * has no address.
     */
    private static void embed(JsonNode payload, StringBuilder html) {
        String url = nonBlank(payload, "url");
        if (url != null) {
            link(url, url, html);
        } else {
            raw(nonBlank(payload, "html"), html);
        }
        paragraph(nonBlank(payload, "caption"), html);
    }

    /** Ghost: {url, metadata: {url, title, description, publisher, thumbnail, icon}, caption}. */
    private static void bookmark(JsonNode payload, StringBuilder html) {
        JsonNode metadata = payload.path("metadata");
        String url = firstNonBlank(nonBlank(payload, "url"), nonBlank(metadata, "url"));
        link(url, firstNonBlank(nonBlank(metadata, "title"), url), html);
        paragraph(nonBlank(payload, "caption"), html);
    }

    /** Ghost: {calloutEmoji, calloutText (HTML), backgroundColor}. */
    private static void callout(JsonNode payload, StringBuilder html) {
        String text = nonBlank(payload, "calloutText");
        if (text == null) {
            return;
        }
        String emoji = nonBlank(payload, "calloutEmoji");
        html.append("<aside class=\"callout\"><p>").append(emoji == null ? "" : escape(emoji) + " ").append(text)
                .append("</p></aside>");
    }

    /** Ghost: {heading (HTML), content (HTML)}: a callout whose title is the heading, as Masthead has no toggle. */
    private static void toggle(JsonNode payload, StringBuilder html) {
        String heading = nonBlank(payload, "heading");
        String content = nonBlank(payload, "content");
        if (heading == null && content == null) {
            return;
        }
        html.append("<aside class=\"callout\">");
        if (heading != null) {
            String title = Jsoup.parseBodyFragment(heading).text(); // Masthead's callout title is plain text
            html.append("<p class=\"callout__title\">").append(escape(title)).append("</p>");
        }
        raw(content, html);
        html.append("</aside>");
    }

    /** Ghost: {header, subheader (both HTML), buttonEnabled, buttonText, buttonUrl, style, backgroundImageSrc}. */
    private static void header(JsonNode payload, StringBuilder html) {
        String header = nonBlank(payload, "header");
        if (header != null) {
            html.append("<h2>").append(header).append("</h2>");
        }
        paragraph(nonBlank(payload, "subheader"), html);
        if (GhostJson.flag(payload, "buttonEnabled")) {
            link(nonBlank(payload, "buttonUrl"), nonBlank(payload, "buttonText"), html);
        }
    }

    /** Not one of Ghost's own cards, but written by some migration tools: {html} or {text}. */
    private static void blockquote(JsonNode payload, StringBuilder html) {
        String quoteHtml = nonBlank(payload, "html");
        String text = nonBlank(payload, "text");
        if (quoteHtml != null || text != null) {
            html.append("<blockquote>").append(quoteHtml != null ? quoteHtml : escape(text)).append("</blockquote>");
        }
    }

    /** Ghost: {beforeImage: {src, width, height}, afterImage: {…}, caption}: the two pictures, before first. */
    private static void beforeAfter(JsonNode payload, StringBuilder html) {
        for (String side : List.of("beforeImage", "afterImage")) {
            JsonNode image = payload.path(side);
            if (nonBlank(image, "src") != null) {
                html.append("<figure>");
                img(image, html);
                html.append("</figure>");
            }
        }
        paragraph(nonBlank(payload, "caption"), html);
    }

    /** A link alone in its paragraph, its address as its text when it has none. */
    private static void link(String url, String text, StringBuilder html) {
        if (url == null) {
            return;
        }
        html.append("<p><a href=\"").append(escape(url)).append("\">").append(escape(text == null ? url : text))
                .append("</a></p>");
    }

    private static void paragraph(String inlineHtml, StringBuilder html) {
        if (inlineHtml != null) {
            html.append("<p>").append(inlineHtml).append("</p>");
        }
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
