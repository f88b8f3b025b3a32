package org.masthead.body;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.masthead.text.WordCount;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Renders an article body — blocks from the editor, Markdown from earlier articles, HTML from imports and APIs — to
 * HTML that is safe to show readers, and to the plain text search, feeds and reading time work from. Every format
 * passes the same sanitizer allow-list ({@link BodyPolicy}). Also converts between the formats for the editor.
 */
@Component
public final class BodyRenderer {

    // Both are immutable and thread-safe; building them is the expensive part.
    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).build();
    private static final Pattern URL_PARAMETER = Pattern.compile("[?&](?:url|href)=([^&]+)");

    private final PictureSource pictures;

    /** Without a media library: library pictures in a body are shown only if they carry their own address. */
    public BodyRenderer() {
        this(PictureSource.NONE);
    }

    @Autowired
    public BodyRenderer(PictureSource pictures) {
        this.pictures = pictures;
    }

    public RenderedBody render(String source, BodyFormat format) {
        String unsafeHtml = switch (format) {
            case BLOCKS -> BlockHtml.render(BodyDocument.parse(source), pictures);
            case HTML -> embedsFromElsewhere(source);
            case MARKDOWN -> markdownToHtml(source);
        };
        Document document = Jsoup.parseBodyFragment(BodyPolicy.POLICY.sanitize(unsafeHtml));
        // The page's only h1 is the headline, so a "# Heading" in the body becomes a second-level heading.
        document.body().select("h1").tagName("h2");
        playersFromTheList(document);
        document.outputSettings().prettyPrint(false);
        String html = document.body().html().strip();
        String text = plainText(document);
        return new RenderedBody(html, text, WordCount.of(text), document.body().select("img").size());
    }

    public RenderedBody render(String markdown) {
        return render(markdown, BodyFormat.MARKDOWN);
    }

    /** The body as blocks, whatever it was written in, for the block editor. */
    public BodyDocument toDocument(String source, BodyFormat format) {
        return switch (format) {
            case BLOCKS -> BodyDocument.parse(source);
            case HTML -> HtmlToBlocks.convert(BodyPolicy.POLICY.sanitize(embedsFromElsewhere(source)));
            case MARKDOWN -> HtmlToBlocks.convert(BodyPolicy.POLICY.sanitize(markdownToHtml(source)));
        };
    }

    /**
     * The body as an editor compares two versions of it: one line per block, with what plain text hides written
     * out — link addresses, a picture's alt text, caption and credit, an embed's address, a table's cells.
     */
    public List<String> readable(String source, BodyFormat format) {
        List<String> lines = new java.util.ArrayList<>();
        toDocument(source, format).blocks().forEach(block -> readable(block, lines));
        return lines;
    }

    private static void readable(BodyNode block, List<String> lines) {
        switch (block.type()) {
            case "bullet_list", "ordered_list" -> block.content().forEach(item -> item.content().forEach(child -> {
                List<String> nested = new java.util.ArrayList<>();
                readable(child, nested);
                nested.forEach(line -> lines.add("• " + line));
            }));
            case "quote" -> block.content().forEach(child -> lines.add(("attribution".equals(child.type()) ? "— " : "> ")
                    + readableInline(child.content())));
            case "pullquote" -> lines.add("[Pull quote] " + readableInline(block.content()) + " — " + block.attr("attribution"));
            case "image" -> lines.add(picture(block));
            case "gallery" -> {
                lines.add("[Gallery] " + block.attr("caption"));
                block.content().forEach(image -> lines.add(picture(image)));
            }
            case "embed" -> lines.add("[Embed] " + block.attr("url"));
            case "table" -> block.content().forEach(row -> lines.add(String.join(" | ", row.content().stream()
                    .map(cell -> cell.content().stream().map(p -> readableInline(p.content()))
                            .collect(Collectors.joining(" "))).toList())));
            case "divider" -> lines.add("———");
            case "callout" -> {
                lines.add("[" + block.attr("title") + "]");
                block.content().forEach(child -> readable(child, lines));
            }
            case "raw_html" -> lines.add("[HTML] " + block.attr("html"));
            case "code_block" -> lines.add("[Code] " + HtmlToBlocks.plain(block));
            default -> lines.add(readableInline(block.content()));
        }
    }

    private static String picture(BodyNode image) {
        return "[Picture " + (image.number("mediaId") == null ? image.attr("src") : "#" + image.number("mediaId")) + "] alt: "
                + image.attr("alt") + " | caption: " + image.attr("caption") + " | credit: " + image.attr("credit")
                + (image.attr("size").isBlank() ? "" : " | " + image.attr("size"));
    }

    private static String readableInline(List<BodyNode> nodes) {
        StringBuilder text = new StringBuilder();
        for (BodyNode node : nodes) {
            switch (node.type()) {
                case "text" -> {
                    text.append(node.text());
                    node.marks().stream().filter(mark -> "link".equals(mark.type()))
                            .forEach(link -> text.append(" <").append(link.attr("href")).append('>'));
                }
                case "hard_break" -> text.append(" / ");
                case "footnote" -> text.append(" [note: ").append(readableInline(node.content())).append(']');
                default -> {
                }
            }
        }
        return text.toString();
    }

    /** CommonMark turns a NUL into U+FFFD; control characters are removed first, as from every other field. */
    private static String markdownToHtml(String markdown) {
        return RENDERER.render(PARSER.parse(org.masthead.text.PlainText.clean(markdown == null ? "" : markdown)));
    }

    /** The body as Markdown, for the editor without JavaScript; reading it back gives the same blocks. */
    public String toMarkdown(BodyDocument document) {
        return BlocksToMarkdown.convert(document, pictures);
    }

    /** A block document from what the no-JavaScript editor sends: Markdown. */
    public BodyDocument fromMarkdown(String markdown) {
        return toDocument(markdown, BodyFormat.MARKDOWN);
    }

    /**
     * HTML from imports and APIs embeds players with {@code <iframe>}s and social posts with their scripts'
     * blockquotes; the listed providers' ones become Masthead's click-to-load embeds, the rest is sanitized away.
     */
    String embedsFromElsewhere(String html) {
        Document document = Jsoup.parseBodyFragment(html == null ? "" : html);
        for (Element frame : document.select("iframe[src]")) {
            Optional<EmbedProviders.Embed> embed = embedOf(frame.attr("src"));
            embed.ifPresentOrElse(found -> frame.before(facade(found.url(), frame.attr("title"))), () -> { });
            frame.remove();
        }
        for (Element post : document.select("blockquote.twitter-tweet, blockquote.instagram-media, blockquote.tiktok-embed, "
                + "blockquote.telegram-post")) {
            post.select("a[href]").stream().map(link -> EmbedProviders.match(link.attr("href")))
                    .flatMap(Optional::stream).reduce((first, last) -> last)
                    .ifPresent(found -> post.replaceWith(Jsoup.parseBodyFragment(facade(found.url(), "")).body().child(0)));
        }
        document.select("script").remove();
        document.outputSettings().prettyPrint(false);
        return document.body().html();
    }

    static Optional<EmbedProviders.Embed> embedOf(String src) {
        String address = src.startsWith("//") ? "https:" + src : src;
        Optional<EmbedProviders.Embed> direct = EmbedProviders.match(address);
        if (direct.isPresent()) {
            return direct;
        }
        Matcher parameter = URL_PARAMETER.matcher(address);
        return parameter.find() ? EmbedProviders.match(URLDecoder.decode(parameter.group(1), StandardCharsets.UTF_8)) : Optional.empty();
    }

    private String facade(String url, String title) {
        return BlockHtml.renderBlock(BodyNode.block("embed", java.util.Map.of("url", url,
                "provider", EmbedProviders.match(url).map(EmbedProviders.Embed::provider).orElse(""),
                "title", title == null ? "" : title), List.of()), pictures, 0);
    }

    /**
     * An embed's player is always the one the provider list makes from the embed's address, whatever HTML from
     * elsewhere claimed: the sanitizer only knows the player's host, this knows the whole address.
     */
    private static void playersFromTheList(Document document) {
        for (Element figure : document.select("figure[data-embed-player]")) {
            Optional<EmbedProviders.Embed> embed = EmbedProviders.match(figure.attr("data-embed-url"));
            if (embed.isPresent()) {
                figure.attr("data-embed-player", embed.get().playerUrl());
            } else {
                figure.removeAttr("data-embed-player");
            }
        }
    }

    /** The readable text, block by block: no embed notices, photo credits or footnote markers. */
    private static String plainText(Document rendered) {
        Document document = rendered.clone();
        document.select(".embed__notice, .figure__credit, .footnote-back, sup.footnote-ref").remove();
        String text = document.body().children().stream()
                .map(Element::text)
                .filter(block -> !block.isBlank())
                .collect(Collectors.joining("\n\n"));
        if (text.isEmpty() && !document.body().text().isBlank()) {
            text = document.body().text(); // bare text without block elements (HTML from elsewhere)
        }
        return text;
    }

    /**
     * @param html       sanitized HTML, ready to embed in a page
     * @param text       the readable text, blocks separated by blank lines
     * @param words      words in the text, counted by {@link WordCount}
     * @param imageCount images in the body
     */
    public record RenderedBody(String html, String text, int words, int imageCount) {
    }
}
