package org.masthead.text;

import java.util.stream.Collectors;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Renders an article body — Markdown from the editor or HTML from imports and APIs — to HTML that is safe to show
 * readers, and to the plain text that search, feeds and reading time work from. Both formats pass the same
 * sanitizer allow-list: scripts, event handlers, styles and {@code javascript:} URLs never survive.
 */
@org.springframework.stereotype.Component
public final class BodyRenderer {

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "q", "cite",
                    "ul", "ol", "li", "dl", "dt", "dd", "pre", "code", "em", "strong", "b", "i", "u", "s", "del",
                    "ins", "sub", "sup", "small", "mark", "abbr", "figure", "figcaption", "img", "a",
                    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href", "title").onElements("a")
            .allowAttributes("src", "alt", "title", "width", "height").onElements("img")
            .allowAttributes("title").onElements("abbr")
            .allowAttributes("cite").onElements("blockquote", "q")
            .allowAttributes("colspan", "rowspan", "scope").onElements("th", "td")
            .allowAttributes("start").onElements("ol")
            .requireRelsOnLinks("noopener")
            .toFactory();

    // Both are immutable and thread-safe; building them is the expensive part.
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().build();

    public RenderedBody render(String source, BodyFormat format) {
        String unsafeHtml = format == BodyFormat.HTML ? source : RENDERER.render(PARSER.parse(source));
        // The page's only h1 is the headline, so a "# Heading" in the body becomes a second-level heading.
        Document document = Jsoup.parseBodyFragment(POLICY.sanitize(unsafeHtml));
        document.body().select("h1").tagName("h2");
        document.outputSettings().prettyPrint(false);
        String html = document.body().html().strip();
        String text = document.body().children().stream()
                .map(Element::text)
                .filter(block -> !block.isBlank())
                .collect(Collectors.joining("\n\n"));
        if (text.isEmpty() && !document.body().text().isBlank()) {
            text = document.body().text(); // bare text without block elements (HTML from elsewhere)
        }
        int images = document.body().select("img").size();
        return new RenderedBody(html, text, WordCount.of(text), images);
    }

    public RenderedBody render(String markdown) {
        return render(markdown, BodyFormat.MARKDOWN);
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
