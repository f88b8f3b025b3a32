package org.masthead.archive.wordpress;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.masthead.archive.wordpress.GutenbergBlocks.Block;

/**
 * Turns a WordPress post's {@code content:encoded} — block-editor (Gutenberg) markup or classic-editor text — into
 * the plain HTML Masthead stores and reads into its blocks ({@code org.masthead.body.HtmlToBlocks}).
 *
 * <p>Block content loses its block comments and WordPress's presentation; each block becomes the markup Masthead
 * reads as its counterpart: quotes keep their {@code <cite>} (the attribution), pull quotes become Masthead's pull
 * quote, images a figure with their caption (a link around a picture goes only when it opens the picture's own
 * file), galleries Masthead's gallery, embeds Masthead's embed figure when a listed provider serves the address
 * (else a link to it), tables a table (a caption follows as a paragraph), code and preformatted text a code block,
 * verse a paragraph with line breaks, buttons one paragraph of links, audio, video and files a link to the file,
 * separators {@code <hr>}. Layout blocks (columns, group, cover, media-text) leave their content; spacer, more and
 * page breaks leave nothing, and so do the blocks that show the site rather than the post (latest posts, query
 * loops, search, navigation…), with a warning. Footnotes (WordPress 6.3+, kept in post meta) become Masthead's
 * numbered footnotes. Unknown blocks keep their inner HTML for the sanitizer to judge.
 *
 * <p>Classic content is what WordPress shows after its content filters: the shortcodes {@code [caption]},
 * {@code [gallery]} (resolved against the export's attachments), {@code [embed]}, {@code [audio]},
 * {@code [video]}; an address alone on its line embedded; then {@code wpautop}'s paragraphs. As in WordPress,
 * paragraphs are made only for content without blocks (and for classic blocks within it), while shortcodes and
 * addresses alone in a paragraph are expanded in both. Plugins' shortcodes are left as written.
 *
 * <p>The result is not sanitized (Masthead's renderer does that) but is always well-formed.
 */
public final class GutenbergHtml {

    /** Blocks that show the site — other posts, menus, comments, the page's own title — not the post's content. */
    private static final Set<String> SITE_BLOCKS = Set.of("archives", "calendar", "categories", "search", "rss",
            "tag-cloud", "page-list", "page-list-item", "loginout", "navigation", "navigation-link", "navigation-submenu",
            "home-link", "site-title", "site-tagline", "site-logo", "avatar", "term-description", "template-part",
            "read-more", "pattern", "legacy-widget", "widget-group", "latest-posts", "latest-comments", "query",
            "query-title", "query-pagination", "query-no-results", "comments", "table-of-contents");
    /** Blocks that mark a place rather than hold content; footnotes are listed from the post meta instead. */
    private static final Set<String> MARKERS = Set.of("spacer", "more", "nextpage", "footnotes");
    private static final List<String> SITE_BLOCK_PREFIXES = List.of("post-", "query-", "comment", "comments-");

    private GutenbergHtml() {
    }

    /**
     * @param html     the cleaned body
     * @param warnings what was dropped or changed, each once, for the import report
     */
    public record Result(String html, List<String> warnings) {

        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    /** Converts content with no export around it: {@code [gallery]} shortcodes cannot be resolved and are dropped. */
    public static Result convert(String content) {
        return convert(content, new ConversionContext(0, WxrAttachment.Lookup.NONE, null));
    }

    /**
     * @param attachments the export's media, for {@code [gallery]} shortcodes
     * @param footnotes   the post's {@code footnotes} meta (WordPress 6.3+), or null
     */
    static Result convert(String content, long postId, WxrAttachment.Lookup attachments, String footnotes) {
        return convert(content, new ConversionContext(postId, attachments, footnotes));
    }

    private static Result convert(String content, ConversionContext context) {
        if (content == null || content.isBlank()) {
            return new Result("", List.of());
        }
        String html;
        if (GutenbergBlocks.hasBlocks(content)) {
            StringBuilder blocks = new StringBuilder();
            for (Block block : GutenbergBlocks.parse(content)) {
                // each block closes what it opened, so one unclosed tag cannot swallow the blocks after it
                blocks.append(fragment(render(block, context)).html());
            }
            html = Shortcodes.expand(blocks.toString(), context); // WordPress runs shortcodes in blocks too
        } else {
            html = classic(content, context);
        }
        return new Result(HtmlCleanup.clean(html, context), context.warnings());
    }

    /** Classic content through WordPress's content filters, in their order: shortcodes and embeds, then paragraphs. */
    private static String classic(String content, ConversionContext context) {
        return Autop.autop(Shortcodes.embedBareUrls(Shortcodes.expand(content, context)));
    }

    private static String render(Block block, ConversionContext context) {
        String name = block.name().startsWith("core/") ? block.name().substring("core/".length()) : block.name();
        if (block.name().startsWith("core-embed/")) {
            name = "embed";
        }
        if (isSiteBlock(name) && block.name().startsWith("core/")) {
            context.droppedSiteBlock(name);
            return "";
        }
        if (block.name().equals("core/block")) {
            context.warn("Left out reusable block " + block.attr("ref")
                    + ": reusable blocks live outside the post and are not imported.");
            return "";
        }
        if (block.isVoid() && !name.equals("separator") && !name.equals("social-link")) {
            if (!MARKERS.contains(name)) {
                context.droppedEmptyBlock(block.name().replaceFirst("^core/", ""));
            }
            return "";
        }
        String inner = innerHtml(block, context);
        return switch (name) {
            case "freeform" -> classic(inner, context);
            case "shortcode" -> Autop.autop(Shortcodes.expand(inner, context));
            case "separator" -> "<hr>";
            case "spacer", "more", "nextpage", "footnotes" -> "";
            case "embed" -> embed(block, inner);
            case "pullquote" -> pullquote(inner);
            case "button", "buttons" -> buttons(inner);
            case "verse" -> verse(inner);
            case "file" -> file(block, inner);
            case "cover" -> cover(inner);
            case "social-link" -> socialLink(block);
            default -> inner;
        };
    }

    private static boolean isSiteBlock(String name) {
        return SITE_BLOCKS.contains(name) || SITE_BLOCK_PREFIXES.stream().anyMatch(name::startsWith);
    }

    /** The block's HTML with its inner blocks rendered in place. */
    private static String innerHtml(Block block, ConversionContext context) {
        StringBuilder html = new StringBuilder();
        for (Object part : block.innerContent()) {
            html.append(part instanceof Block inner ? render(inner, context) : (String) part);
        }
        return html.toString();
    }

    private static Element fragment(String html) {
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        return document.body();
    }

    /** The address comes from the block's attributes (or, for old posts, the text WordPress put in the wrapper). */
    private static String embed(Block block, String inner) {
        Element body = fragment(inner);
        String url = block.attr("url");
        if (url.isBlank()) {
            Element wrapper = body.selectFirst(".wp-block-embed__wrapper");
            url = wrapper == null ? body.text().strip() : wrapper.text().strip();
        }
        if (!url.matches("(?i)https?://\\S+")) {
            return inner;
        }
        StringBuilder html = new StringBuilder(MastheadMarkup.html(MastheadMarkup.embed(url, null)));
        Element caption = body.selectFirst("figcaption");
        if (caption != null && !caption.text().isBlank()) {
            html.append("<p>").append(caption.html()).append("</p>");
        }
        return html.toString();
    }

    /** Masthead's pull quote: its paragraphs as lines of one text, the {@code <cite>} as its attribution. */
    private static String pullquote(String inner) {
        Element body = fragment(inner);
        Element cite = body.selectFirst("cite");
        String attribution = cite == null ? "" : cite.text().strip();
        if (cite != null) {
            cite.remove();
        }
        List<String> lines = new ArrayList<>();
        for (Element paragraph : body.select("p")) {
            if (!paragraph.text().isBlank()) {
                lines.add(paragraph.html());
            }
        }
        if (lines.isEmpty() && !body.text().isBlank()) {
            lines.add(body.text());
        }
        if (lines.isEmpty()) {
            return "";
        }
        Element aside = new Element("aside").addClass("pullquote");
        aside.appendElement("p").html(String.join("<br>", lines));
        if (!attribution.isEmpty()) {
            aside.appendElement("p").addClass("pullquote__attribution").text("— " + attribution);
        }
        return MastheadMarkup.html(aside);
    }

    /** Buttons are links styled as buttons: one paragraph of their links (a button linking nowhere, its text). */
    private static String buttons(String inner) {
        List<String> links = new ArrayList<>();
        for (Element link : fragment(inner).select("a")) {
            if (!link.text().isBlank()) {
                links.add(link.attr("href").isBlank() ? org.jsoup.nodes.Entities.escape(link.text().strip())
                        : MastheadMarkup.html(new Element("a").attr("href", link.attr("href")).text(link.text().strip())));
            }
        }
        return links.isEmpty() ? "" : "<p>" + String.join(" · ", links) + "</p>";
    }

    /** Poetry keeps its lines, not a typewriter face. */
    private static String verse(String inner) {
        Element body = fragment(inner);
        Element pre = body.selectFirst("pre");
        if (pre == null) {
            return inner;
        }
        String lines = pre.html().strip().replace("\r\n", "\n").replace("\n", "<br>");
        return "<p>" + lines + "</p>";
    }

    private static String file(Block block, String inner) {
        Element link = fragment(inner).selectFirst("a[href]:not(.wp-block-file__button)");
        String href = block.attr("href").isBlank() ? (link == null ? "" : link.attr("href")) : block.attr("href");
        if (href.isBlank()) {
            return "";
        }
        String text = link == null || link.text().isBlank() ? MastheadMarkup.fileName(href) : link.text().strip();
        return MastheadMarkup.html(MastheadMarkup.link(href, text));
    }

    /** A cover's background picture or video is decoration; what is written on it is content. */
    private static String cover(String inner) {
        Element body = fragment(inner);
        body.select(".wp-block-cover__image-background, .wp-block-cover__video-background, .wp-block-cover__background, "
                + ".wp-block-cover__gradient-background").remove();
        return body.html();
    }

    private static String socialLink(Block block) {
        String url = block.attr("url");
        if (url.isBlank()) {
            return "";
        }
        String service = block.attr("service");
        String label = !block.attr("label").isBlank() ? block.attr("label")
                : service.isBlank() ? url : service.substring(0, 1).toUpperCase(Locale.ROOT) + service.substring(1);
        return "<li>" + MastheadMarkup.html(new Element("a").attr("href", url).text(label)) + "</li>";
    }
}
