package org.masthead.body;

import static org.masthead.body.LexicalNodes.string;
import static org.masthead.body.LexicalNodes.type;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a Ghost post body — Lexical JSON, as Ghost's Admin API sends it in a post's {@code lexical} field — into a
 * Masthead block document. Everything Masthead can say is kept; what it cannot is kept as closely as it can be, and
 * never dropped without a trace. The result passes the same checks as any stored body ({@link BodyDocument#parse}).
 *
 * <table>
 *   <caption>Ghost's Lexical nodes and the blocks they become</caption>
 *   <tr><th>Lexical node</th><th>Masthead</th></tr>
 *   <tr><td>{@code paragraph}</td><td>{@code paragraph} (empty ones are left out; alignment and indent are dropped)</td></tr>
 *   <tr><td>{@code heading}/{@code extended-heading}, tag h1–h6</td><td>{@code heading}: h1 and h2 → 2, h3 → 3, h4–h6 → 4</td></tr>
 *   <tr><td>{@code text}/{@code extended-text}/{@code tk}/{@code tab}, format bits</td><td>text: bold (1) → strong,
 *       italic (2) → em, code (16) → code; strikethrough, underline, sub/superscript and highlight keep their text only</td></tr>
 *   <tr><td>{@code link}/{@code autolink} (url, title)</td><td>a link mark on its text (unsafe addresses: text only);
 *       {@code __GHOST_URL__/x} → {@code /x}</td></tr>
 *   <tr><td>{@code linebreak}</td><td>{@code hard_break}</td></tr>
 *   <tr><td>{@code quote}/{@code extended-quote}</td><td>{@code quote}; text parts split by two line breaks become
 *       paragraphs, a last part opening with a dash becomes the attribution</td></tr>
 *   <tr><td>{@code aside}</td><td>{@code pullquote} (likewise, a last "— Name" part becomes its attribution)</td></tr>
 *   <tr><td>{@code list} (bullet/number/check, start) and {@code listitem}</td><td>{@code bullet_list}/{@code ordered_list};
 *       Lexical's item holding only a nested list joins the item before it</td></tr>
 *   <tr><td>{@code horizontalrule}</td><td>{@code divider}</td></tr>
 *   <tr><td>image card</td><td>{@code image} with {@code src}, alt, caption as text, size from cardWidth
 *       (regular → column, wide, full), width/height; title and the image's link are dropped</td></tr>
 *   <tr><td>gallery card</td><td>{@code gallery} of images, caption as text</td></tr>
 *   <tr><td>embed card</td><td>{@code embed} when its address (or its player's) is from a listed provider, titled with
 *       the oEmbed title; otherwise a paragraph linking to it (its HTML would be sanitized away); caption → paragraph after</td></tr>
 *   <tr><td>bookmark card</td><td>a paragraph linking to the address, its title as the text; caption → paragraph after</td></tr>
 *   <tr><td>html card</td><td>the blocks it reads as when they write back as the same HTML (tables, Masthead's own
 *       markup, a listed provider's player); otherwise {@code raw_html}</td></tr>
 *   <tr><td>markdown card</td><td>the blocks its Markdown reads as (as for Markdown bodies)</td></tr>
 *   <tr><td>callout card</td><td>{@code callout}: a bold first line is its title; emoji and colour are dropped</td></tr>
 *   <tr><td>codeblock card</td><td>{@code code_block} (language dropped); caption → paragraph after</td></tr>
 *   <tr><td>toggle card</td><td>a level-4 heading (as Ghost shows it), then its content</td></tr>
 *   <tr><td>button card</td><td>a paragraph linking to the button's address</td></tr>
 *   <tr><td>video / audio / file cards</td><td>a paragraph linking to the file ("Video: name"); caption → paragraph after</td></tr>
 *   <tr><td>product card</td><td>its image, its title in bold, its star rating, its description, its button as a link</td></tr>
 *   <tr><td>header card</td><td>a level-2 heading, the subheader, the button as a link (background dropped)</td></tr>
 *   <tr><td>call-to-action card</td><td>its image, then a {@code callout} titled with the sponsor label holding its text and button link</td></tr>
 *   <tr><td>signup, paywall, email, email-cta, transistor and unknown cards; pictures with an unusable address</td>
 *       <td>a {@code raw_html} block holding only a comment with the card's JSON: nothing for readers (these show nothing
 *       on the web, or need what Masthead does not have), named for editors, restored by {@link BlocksToLexical}</td></tr>
 *   <tr><td>Masthead's footnotes as {@link BlocksToLexical} writes them (a link to {@code #fn-N} on the number, notes
 *       in a final html card)</td><td>{@code footnote}s</td></tr>
 * </table>
 *
 * Images keep their address only; a library id is never taken from the input (the Admin API maps this site's
 * {@code /media/…} addresses to the library). Member visibility settings of cards are ignored: their content is kept.
 */
public final class LexicalToBlocks {

    private static final int MAX_DEPTH = 40;
    private static final Set<String> TEXT = Set.of("text", "extended-text", "tk", "tab");
    private static final Set<String> LINKS = Set.of("link", "autolink");
    private static final Set<String> INLINE = Set.of("text", "extended-text", "tk", "tab", "zwnj", "linebreak", "link",
            "autolink", "at-link", "at-link-search", "hashtag");
    private static final Set<String> ELEMENTS = Set.of("paragraph", "heading", "extended-heading", "quote", "extended-quote",
            "aside", "list", "listitem", "code");
    private static final Pattern FOOTNOTE = Pattern.compile("#(fn-(\\d{1,4}))");
    private static final BodyRenderer HTML = new BodyRenderer();
    private static final String SOCIAL_POSTS = "blockquote.twitter-tweet, blockquote.instagram-media, blockquote.tiktok-embed, "
            + "blockquote.telegram-post";
    private static final String DROPPED = "form, input, button, select, textarea, video, audio, svg, canvas, object, embed, "
            + "style, noscript, template, math";

    /** Masthead's footnotes, by their note's id ({@code fn-1}…), when the body carries its notes card. */
    private final Map<String, BodyNode> notes = new HashMap<>();
    /** That card's HTML, sanitized: HTML cards' footnote references are read against it. */
    private String notesHtml = "";
    private JsonNode notesCard;
    /** Footnotes read so far: an HTML card's references are numbered after them. */
    private int footnotes;
    private final LexicalCards cards = new LexicalCards(this);

    private LexicalToBlocks() {
    }

    /**
     * @param lexicalJson a Lexical document: {@code {"root": {"type": "root", "children": […], …}}}
     * @return the blocks, checked as any stored body is
     * @throws InvalidBodyException when it is not JSON or not a Lexical document, or nests too deeply
     */
    public static BodyDocument convert(String lexicalJson) {
        JsonNode root = root(lexicalJson);
        LexicalToBlocks reader = new LexicalToBlocks();
        reader.findNotes(root.path("children"));
        List<BodyNode> blocks = reader.blocks(root.path("children"), 1);
        // the same checks as any body the editor or an import stores: never a document the schema would refuse
        return BodyDocument.parse(new BodyDocument(addressesOnly(blocks, false)).toJson());
    }

    private static JsonNode root(String lexicalJson) {
        if (lexicalJson == null || lexicalJson.isBlank()) {
            throw new InvalidBodyException("The Lexical body is empty.");
        }
        JsonNode document;
        try {
            document = LexicalNodes.JSON.readTree(lexicalJson);
        } catch (JacksonException e) {
            throw new InvalidBodyException("The Lexical body is not valid JSON.");
        }
        JsonNode root = document == null ? null : document.path("root");
        if (root == null || !document.isObject() || !root.isObject() || !"root".equals(type(root))
                || !root.path("children").isArray()) {
            throw new InvalidBodyException(
                    "The body is not a Lexical document: expected {\"root\": {\"type\": \"root\", \"children\": […]}}.");
        }
        return root;
    }

    // ---------------------------------------------------------------------------------------------------- blocks

    List<BodyNode> blocks(JsonNode children, int depth) {
        List<BodyNode> blocks = new ArrayList<>();
        List<JsonNode> loose = new ArrayList<>(); // text straight inside the root or a wrapper: one paragraph
        for (JsonNode child : children) {
            if (child == notesCard) {
                continue;
            }
            if (isInline(child)) {
                loose.add(child);
                continue;
            }
            paragraph(inline(loose, true, List.of(), depth), blocks);
            loose.clear();
            block(child, depth, blocks);
        }
        paragraph(inline(loose, true, List.of(), depth), blocks);
        return blocks;
    }

    private static boolean isInline(JsonNode node) {
        String type = type(node);
        return INLINE.contains(type) || (!ELEMENTS.contains(type) && !node.has("children") && node.path("text").isString());
    }

    private void block(JsonNode node, int depth, List<BodyNode> blocks) {
        if (depth > MAX_DEPTH) {
            throw new InvalidBodyException("The Lexical body nests blocks too deeply.");
        }
        switch (type(node)) {
            case "paragraph" -> paragraph(inline(node.path("children"), true, List.of(), depth), blocks);
            case "heading", "extended-heading" -> heading(node, depth, blocks);
            case "quote", "extended-quote" -> quote(node, depth, blocks);
            case "aside" -> pullquote(node, depth, blocks);
            case "list" -> list(node, depth).ifPresent(blocks::add);
            case "code" -> code(node, blocks);
            default -> {
                if (node.path("children").isArray()) {
                    blocks.addAll(blocks(node.path("children"), depth + 1)); // a list item astray, an unknown wrapper
                } else {
                    cards.read(node, blocks);
                }
            }
        }
    }

    private static void paragraph(List<BodyNode> inline, List<BodyNode> blocks) {
        List<BodyNode> content = withoutTrailingBreaks(inline);
        if (LexicalNodes.hasWords(content)) {
            blocks.add(BodyNode.block("paragraph", content));
        }
    }

    private void heading(JsonNode node, int depth, List<BodyNode> blocks) {
        String tag = string(node, "tag");
        int level = tag.matches("h[1-6]") ? Math.max(2, Math.min(4, tag.charAt(1) - '0')) : 2;
        List<BodyNode> content = withoutTrailingBreaks(inline(node.path("children"), true, List.of(), depth));
        if (LexicalNodes.hasWords(content)) {
            blocks.add(BodyNode.block("heading", Map.of("level", level), content));
        }
    }

    private void quote(JsonNode node, int depth, List<BodyNode> blocks) {
        List<List<BodyNode>> parts = parts(node.path("children"), true, depth);
        if (parts.isEmpty()) {
            return;
        }
        List<BodyNode> children = new ArrayList<>();
        List<BodyNode> attribution = List.of();
        if (LexicalNodes.lastNamesTheSpeaker(parts)) {
            attribution = merged(HtmlToBlocks.stripDash(parts.get(parts.size() - 1)));
            parts = parts.subList(0, parts.size() - 1);
        }
        parts.forEach(part -> children.add(BodyNode.block("paragraph", part)));
        if (LexicalNodes.hasWords(attribution)) {
            children.add(BodyNode.block("attribution", attribution));
        }
        blocks.add(BodyNode.block("quote", children));
    }

    private void pullquote(JsonNode node, int depth, List<BodyNode> blocks) {
        List<List<BodyNode>> parts = parts(node.path("children"), false, depth);
        String attribution = "";
        if (LexicalNodes.lastNamesTheSpeaker(parts)) {
            attribution = LexicalNodes.plain(merged(HtmlToBlocks.stripDash(parts.get(parts.size() - 1)))).strip();
            parts = parts.subList(0, parts.size() - 1);
        }
        if (!parts.isEmpty()) {
            blocks.add(BodyNode.block("pullquote", Map.of("attribution", attribution), LexicalNodes.joined(parts)));
        }
    }

    /** A quote's or aside's content as paragraphs: its text split at double line breaks, and any paragraphs in it. */
    private List<List<BodyNode>> parts(JsonNode children, boolean footnotesAllowed, int depth) {
        List<List<BodyNode>> parts = new ArrayList<>();
        List<JsonNode> loose = new ArrayList<>();
        for (JsonNode child : children) {
            if (isInline(child) || !child.has("children")) {
                loose.add(child);
            } else {
                parts.addAll(LexicalNodes.paragraphs(inline(loose, footnotesAllowed, List.of(), depth)));
                loose.clear();
                parts.addAll(LexicalNodes.paragraphs(inline(child.path("children"), footnotesAllowed, List.of(), depth + 1)));
            }
        }
        parts.addAll(LexicalNodes.paragraphs(inline(loose, footnotesAllowed, List.of(), depth)));
        return parts;
    }

    /**
     * A list. Lexical nests a list in an item of its own that follows the item it belongs to; Masthead keeps it in
     * that item, after its paragraph.
     */
    private Optional<BodyNode> list(JsonNode list, int depth) {
        if (depth > MAX_DEPTH) {
            throw new InvalidBodyException("The Lexical body nests lists too deeply.");
        }
        List<List<BodyNode>> items = new ArrayList<>();
        for (JsonNode child : list.path("children")) {
            List<BodyNode> paragraphs = new ArrayList<>();
            List<BodyNode> nested = new ArrayList<>();
            List<JsonNode> loose = new ArrayList<>();
            Iterable<JsonNode> content = "list".equals(type(child)) ? List.of(child) : child.path("children");
            for (JsonNode node : content) {
                if ("list".equals(type(node))) {
                    list(node, depth + 2).ifPresent(nested::add);
                } else if (isInline(node) || !node.has("children")) {
                    loose.add(node);
                } else {
                    LexicalNodes.paragraphs(inline(node.path("children"), true, List.of(), depth + 2))
                            .forEach(part -> paragraphs.add(BodyNode.block("paragraph", part)));
                }
            }
            List<BodyNode> looseParagraphs = new ArrayList<>();
            LexicalNodes.paragraphs(inline(loose, true, List.of(), depth + 1))
                    .forEach(part -> looseParagraphs.add(BodyNode.block("paragraph", part)));
            paragraphs.addAll(0, looseParagraphs);
            if (paragraphs.isEmpty() && !nested.isEmpty() && !items.isEmpty()) {
                items.get(items.size() - 1).addAll(nested); // Lexical's item that only holds a nested list
                continue;
            }
            List<BodyNode> item = new ArrayList<>(paragraphs.isEmpty() ? List.of(BodyNode.block("paragraph", List.of())) : paragraphs);
            item.addAll(nested);
            items.add(item);
        }
        if (items.isEmpty()) {
            return Optional.empty();
        }
        List<BodyNode> listItems = items.stream().map(item -> BodyNode.block("list_item", item)).toList();
        boolean ordered = "number".equals(string(list, "listType")) || "ol".equals(string(list, "tag"));
        if (!ordered) {
            return Optional.of(BodyNode.block("bullet_list", listItems));
        }
        JsonNode start = list.path("start");
        int first = start.isIntegralNumber() && start.longValue() >= 0 && start.longValue() <= 999_999 ? start.intValue() : 1;
        return Optional.of(BodyNode.block("ordered_list", Map.of("start", first), listItems));
    }

    /** Lexical's own code node (Ghost writes code as a codeblock card, read by {@link LexicalCards}). */
    private static void code(JsonNode node, List<BodyNode> blocks) {
        StringBuilder code = new StringBuilder();
        for (JsonNode child : node.path("children")) {
            code.append("linebreak".equals(type(child)) ? "\n" : string(child, "text"));
        }
        if (!code.toString().isBlank()) {
            blocks.add(BodyNode.block("code_block", List.of(BodyNode.text(code.toString()))));
        }
    }

    // ---------------------------------------------------------------------------------------------------- inline

    /**
     * Text with its formatting, line breaks, links — and Masthead's footnote references, where footnotes may stand.
     *
     * @param link the link mark the text is inside, or none
     */
    List<BodyNode> inline(Iterable<JsonNode> nodes, boolean footnotesAllowed, List<BodyNode.Mark> link, int depth) {
        if (depth > MAX_DEPTH) {
            throw new InvalidBodyException("The Lexical body nests text too deeply.");
        }
        List<BodyNode> inline = new ArrayList<>();
        for (JsonNode node : nodes) {
            String type = type(node);
            if (TEXT.contains(type) || (!node.has("children") && node.path("text").isString() && !"zwnj".equals(type))) {
                String text = string(node, "text");
                if (!text.isEmpty()) {
                    inline.add(BodyNode.text(text, marks(node.path("format").asInt(0), link)));
                }
            } else if ("linebreak".equals(type)) {
                inline.add(BodyNode.block("hard_break", List.of()));
            } else if (LINKS.contains(type)) {
                Optional<BodyNode> footnote = footnotesAllowed && link.isEmpty() ? footnote(node) : Optional.empty();
                if (footnote.isPresent()) {
                    inline.add(footnote.get());
                    footnotes++;
                    continue;
                }
                String href = LexicalNodes.url(string(node, "url"));
                String title = string(node, "title");
                List<BodyNode.Mark> linked = link.isEmpty() && BodyDocument.isSafeUrl(href)
                        ? List.of(BodyNode.Mark.link(href, title.isBlank() ? null : title)) : link;
                inline.addAll(inline(node.path("children"), footnotesAllowed, linked, depth + 1));
            } else if (node.path("children").isArray()) {
                inline.addAll(inline(node.path("children"), footnotesAllowed, link, depth + 1)); // at-link and the like
            }
        }
        return merged(inline);
    }

    /** Lexical's format bits Masthead has marks for: bold, italic, code. The others keep their text only. */
    private static List<BodyNode.Mark> marks(int format, List<BodyNode.Mark> link) {
        List<BodyNode.Mark> marks = new ArrayList<>(link);
        if ((format & 1) != 0) {
            marks.add(BodyNode.Mark.of("strong"));
        }
        if ((format & 2) != 0) {
            marks.add(BodyNode.Mark.of("em"));
        }
        if ((format & 16) != 0) {
            marks.add(BodyNode.Mark.of("code"));
        }
        return marks;
    }

    /** A link to {@code #fn-N} on the text "N", when the body carries Masthead's notes card with note N. */
    private Optional<BodyNode> footnote(JsonNode link) {
        Matcher reference = FOOTNOTE.matcher(string(link, "url"));
        if (!reference.matches() || !notes.containsKey(reference.group(1))) {
            return Optional.empty();
        }
        List<BodyNode> text = inline(link.path("children"), false, List.of(), 0);
        return LexicalNodes.plain(text).strip().equals(reference.group(2)) ? Optional.of(notes.get(reference.group(1))) : Optional.empty();
    }

    /** Adjacent text with the same formatting as one run; empty runs left out. */
    private static List<BodyNode> merged(List<BodyNode> nodes) {
        List<BodyNode> merged = new ArrayList<>();
        for (BodyNode node : nodes) {
            if (node.isText() && node.text().isEmpty()) {
                continue;
            }
            BodyNode previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (node.isText() && previous != null && previous.isText() && previous.marks().equals(node.marks())) {
                merged.set(merged.size() - 1, BodyNode.text(previous.text() + node.text(), node.marks()));
            } else {
                merged.add(node);
            }
        }
        return merged;
    }

    private static List<BodyNode> withoutTrailingBreaks(List<BodyNode> inline) {
        int end = inline.size();
        while (end > 0 && "hard_break".equals(inline.get(end - 1).type())) {
            end--;
        }
        return inline.subList(0, end);
    }

    // ------------------------------------------------------------------------------------------------------ HTML

    /** Blocks from a card's HTML (a caption, a callout's text, a toggle's content), as HTML from an import reads. */
    List<BodyNode> htmlBlocks(String html) {
        if (html == null || html.isBlank()) {
            return List.of();
        }
        List<BodyNode> blocks = HtmlToBlocks.convert(BodyPolicy.POLICY.sanitize(HTML.embedsFromElsewhere(html)) + notesHtml).blocks();
        footnotes += countFootnotes(blocks);
        return blocks;
    }

    /** Blocks from a markdown card, as a Markdown body reads. */
    List<BodyNode> markdownBlocks(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return List.of();
        }
        List<BodyNode> blocks = HTML.toDocument(markdown, BodyFormat.MARKDOWN).blocks();
        footnotes += countFootnotes(blocks);
        return blocks;
    }

    /**
     * The blocks an HTML card holds, if they say exactly what its HTML says — they write back as the same
     * sanitized HTML: tables, Masthead's own markup for a block, a listed provider's player. Otherwise the card
     * stays HTML: converting it would lose something.
     */
    Optional<List<BodyNode>> exactBlocks(String html) {
        String sanitized = BodyPolicy.POLICY.sanitize(HTML.embedsFromElsewhere(html));
        if (sanitized.isBlank() || dropsSomething(html)) {
            return Optional.empty();
        }
        List<BodyNode> blocks = HtmlToBlocks.convert(sanitized + notesHtml).blocks();
        StringBuilder again = new StringBuilder();
        int number = footnotes;
        for (BodyNode block : blocks) {
            again.append(BlockHtml.renderBlock(block, PictureSource.NONE, number));
            number += countFootnotes(List.of(block));
        }
        if (blocks.isEmpty() || !normalized(sanitized).equals(normalized(BodyPolicy.POLICY.sanitize(again.toString())))) {
            return Optional.empty();
        }
        footnotes = number;
        return Optional.of(blocks);
    }

    /**
     * Whether the sanitizer would take something from the HTML that readers of the Ghost site see or use — a form,
     * a player, a script other than a social post's — which the blocks would then lose for good, also on the way
     * back to Ghost: such a card stays HTML, kept whole.
     */
    private static boolean dropsSomething(String html) {
        Document document = Jsoup.parseBodyFragment(html);
        if (!document.select(DROPPED).isEmpty()) {
            return true;
        }
        if (document.select("iframe").stream().anyMatch(frame -> BodyRenderer.embedOf(frame.attr("src")).isEmpty())) {
            return true; // a player from no listed provider
        }
        return !document.select("script").isEmpty() && document.select(SOCIAL_POSTS).isEmpty();
    }

    /**
     * The HTML a raw HTML block keeps for a card: as written, unless it embeds players or social posts — those
     * become Masthead's click-to-load embeds (the sanitizer would remove them).
     */
    static String rawHtml(String html) {
        boolean embeds = !Jsoup.parseBodyFragment(html).select("iframe[src], " + SOCIAL_POSTS).isEmpty();
        return embeds ? HTML.embedsFromElsewhere(html) : html;
    }

    /**
     * Sanitized HTML with what makes no difference to a reader evened out: {@code <b>}/{@code <i>} as
     * {@code <strong>}/{@code <em>}, bare {@code <span>}s and table sections unwrapped, white space between blocks
     * left out.
     */
    private static String normalized(String html) {
        Document document = Jsoup.parseBodyFragment(html);
        document.select("thead, tbody, tfoot").forEach(Element::unwrap); // the first row's header cells say it
        document.select("b").tagName("strong");
        document.select("i").tagName("em");
        document.select("span").stream().filter(span -> span.attributesSize() == 0).forEach(Element::unwrap);
        document.body().childNodes().stream().filter(node -> node instanceof TextNode text && text.isBlank())
                .toList().forEach(Node::remove);
        document.outputSettings().prettyPrint(false);
        return document.body().html().strip();
    }

    private static int countFootnotes(List<BodyNode> blocks) {
        int[] count = {0};
        new BodyDocument(blocks).visit(node -> count[0] += "footnote".equals(node.type()) ? 1 : 0);
        return count[0];
    }

    /**
     * Masthead's notes, if the body carries them: {@link BlocksToLexical} writes footnote references as links to
     * {@code #fn-N} and the notes as a last HTML card, {@code <section class="footnotes">}.
     */
    private void findNotes(JsonNode children) {
        for (JsonNode child : children) {
            if ("html".equals(type(child)) && string(child, "html").strip().startsWith("<section class=\"footnotes\"")) {
                notesCard = child;
                notesHtml = BodyPolicy.POLICY.sanitize(string(child, "html"));
                break;
            }
        }
        if (notesCard == null) {
            return;
        }
        List<String> ids = Jsoup.parseBodyFragment(notesHtml).select("section.footnotes li[id^=fn-]").eachAttr("id");
        StringBuilder references = new StringBuilder("<p>");
        ids.forEach(id -> references.append("<sup class=\"footnote-ref\"><a href=\"#").append(id).append("\">x</a></sup>"));
        List<BodyNode> read = HtmlToBlocks.convert(BodyPolicy.POLICY.sanitize(references + "</p>") + notesHtml).blocks();
        List<BodyNode> found = read.isEmpty() ? List.of() : read.get(0).content();
        for (int i = 0; i < ids.size() && i < found.size(); i++) {
            if ("footnote".equals(found.get(i).type())) {
                notes.put(ids.get(i), found.get(i));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- pictures

    /**
     * Images keep their address only: a library id in the input (HTML cards can carry one) is not the input's to
     * give — the Admin API maps this site's {@code /media/…} addresses to the library. An image left with no
     * address is dropped, and a gallery left with no image. A picture whose address the schema refuses (a
     * relative {@code images/a.jpg} from an HTML or markdown card) stays the HTML it was, outside a gallery.
     */
    private static List<BodyNode> addressesOnly(List<BodyNode> nodes, boolean inGallery) {
        List<BodyNode> kept = new ArrayList<>();
        for (BodyNode node : nodes) {
            if ("image".equals(node.type())) {
                String src = node.attr("src");
                if (BodyDocument.isSafeUrl(src)) {
                    Map<String, Object> attrs = new LinkedHashMap<>(node.attrs());
                    attrs.remove("mediaId");
                    kept.add(new BodyNode(node.type(), attrs, node.content(), node.marks(), node.text()));
                } else if (!src.isBlank() && !inGallery) {
                    String html = "<img src=\"" + BlockHtml.escape(src) + "\" alt=\"" + BlockHtml.escape(node.attr("alt")) + "\">";
                    kept.add(BodyNode.block("raw_html", Map.of("html", html), List.of()));
                }
            } else if (!node.content().isEmpty()) {
                List<BodyNode> content = addressesOnly(node.content(), "gallery".equals(node.type()));
                if (!content.isEmpty() || !"gallery".equals(node.type())) {
                    kept.add(node.withContent(content));
                }
            } else {
                kept.add(node);
            }
        }
        return kept;
    }
}
