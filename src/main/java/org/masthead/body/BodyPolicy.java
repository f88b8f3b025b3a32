package org.masthead.body;

import java.util.regex.Pattern;

import org.owasp.html.AttributePolicy;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The one sanitizer allow-list every body passes, whatever its source: text markup, figures, tables, Masthead's
 * block classes, and embed facades whose player is from a listed provider. Scripts, styles, event handlers,
 * iframes, forms and {@code javascript:} URLs never survive.
 */
final class BodyPolicy {

    private BodyPolicy() {
    }

    private static final Pattern BLOCK_CLASSES = Pattern.compile(
            "(?:figure|figure--(?:column|wide|full)|figure__caption|figure__credit|quote|quote__attribution|pullquote"
                    + "|pullquote__attribution|gallery|gallery__items|gallery__item|embed|embed--(?:video|square|post|audio|chart)"
                    + "|embed__title|embed__notice|callout|callout__title|footnotes|footnote-ref|footnote-back)"
                    + "(?: (?:figure--(?:column|wide|full)|embed--(?:video|square|post|audio|chart)))?");
    private static final Pattern WEB_URL = Pattern.compile("https?://[^\\s\"'<>]{1,2000}");
    /** Library variants; the sanitizer itself writes the separators as " , ". */
    private static final Pattern SRCSET = Pattern.compile("(?:(?:/|https://)[^\\s,\"'<>]+ \\d{1,5}w)(?:\\s*,\\s*(?:/|https://)[^\\s,\"'<>]+ \\d{1,5}w){0,20}");
    private static final AttributePolicy LISTED_PLAYER = (element, attribute, value) -> EmbedProviders.isPlayer(value) ? value : null;

    static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "q", "cite",
                    "ul", "ol", "li", "dl", "dt", "dd", "pre", "code", "em", "strong", "b", "i", "u", "s", "del",
                    "ins", "sub", "sup", "small", "mark", "abbr", "figure", "figcaption", "img", "a",
                    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "aside", "section", "span")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href", "title").onElements("a")
            .allowAttributes("src", "alt", "title", "width", "height").onElements("img")
            .allowAttributes("srcset").matching(SRCSET).onElements("img")
            .allowAttributes("sizes").matching(Pattern.compile("[a-z0-9(): ,.-]{1,200}")).onElements("img")
            .allowAttributes("loading").matching(true, "lazy", "eager").onElements("img")
            .allowAttributes("decoding").matching(true, "async", "auto").onElements("img")
            .allowAttributes("title").onElements("abbr")
            .allowAttributes("cite").onElements("blockquote", "q")
            .allowAttributes("colspan", "rowspan", "scope").onElements("th", "td")
            .allowAttributes("start").onElements("ol")
            .allowAttributes("class").matching(BLOCK_CLASSES).onElements("figure", "figcaption", "aside", "p", "span",
                    "section", "sup", "ul", "li", "a")
            .allowAttributes("id").matching(Pattern.compile("fn(?:ref)?-\\d{1,4}")).onElements("sup", "li")
            .allowAttributes("aria-label").onElements("section", "a")
            .allowAttributes("data-media-id").matching(Pattern.compile("\\d{1,18}")).onElements("figure")
            .allowAttributes("data-embed-provider").matching(Pattern.compile("[a-z]{1,20}")).onElements("figure")
            .allowAttributes("data-embed-url").matching(WEB_URL).onElements("figure")
            .allowAttributes("data-embed-player").matching(LISTED_PLAYER).onElements("figure")
            .requireRelsOnLinks("noopener")
            .toFactory();
}
