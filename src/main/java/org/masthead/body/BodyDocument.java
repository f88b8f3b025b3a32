package org.masthead.body;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An article body as blocks: ProseMirror's node JSON under a version number. Parsing checks it against Masthead's
 * schema — known node types, each where it may appear, headings h2–h4, safe link and image addresses, embeds only
 * from listed providers — so whatever is stored can be rendered and edited again.
 */
public record BodyDocument(List<BodyNode> blocks) {

    public static final int VERSION = 1;

    static final Set<String> BLOCKS = Set.of("paragraph", "heading", "bullet_list", "ordered_list", "quote", "pullquote",
            "image", "gallery", "embed", "table", "divider", "callout", "raw_html", "code_block");
    private static final Set<String> INLINE = Set.of("text", "hard_break", "footnote");
    private static final Set<String> MARKS = Set.of("strong", "em", "code", "link");
    private static final Map<String, Set<String>> CHILDREN = Map.ofEntries(
            Map.entry("paragraph", INLINE), Map.entry("heading", INLINE), Map.entry("attribution", INLINE),
            Map.entry("pullquote", Set.of("text", "hard_break")),
            Map.entry("bullet_list", Set.of("list_item")), Map.entry("ordered_list", Set.of("list_item")),
            Map.entry("list_item", BLOCKS),
            Map.entry("quote", Set.of("paragraph", "attribution")),
            Map.entry("gallery", Set.of("image")),
            Map.entry("table", Set.of("table_row")), Map.entry("table_row", Set.of("table_header", "table_cell")),
            Map.entry("table_header", Set.of("paragraph")), Map.entry("table_cell", Set.of("paragraph")),
            Map.entry("callout", Set.of("paragraph", "heading", "bullet_list", "ordered_list")),
            Map.entry("footnote", Set.of("text")),
            Map.entry("code_block", Set.of("text")),
            Map.entry("image", Set.of()), Map.entry("embed", Set.of()), Map.entry("divider", Set.of()),
            Map.entry("raw_html", Set.of()), Map.entry("text", Set.of()), Map.entry("hard_break", Set.of()));
    private static final Pattern SAFE_URL = Pattern.compile("(?i)(https?://|mailto:|/|#)\\S*");
    private static final int MAX_DEPTH = 24;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public BodyDocument {
        blocks = List.copyOf(blocks);
    }

    public static BodyDocument empty() {
        return new BodyDocument(List.of());
    }

    public boolean isEmpty() {
        return blocks.isEmpty() || blocks.stream().allMatch(block -> "paragraph".equals(block.type()) && block.content().isEmpty());
    }

    /** Reads and checks a stored or submitted document. */
    public static BodyDocument parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json == null ? "" : json);
        } catch (JacksonException e) {
            throw new InvalidBodyException("The body is not a readable block document.");
        }
        if (root == null || !root.isObject() || !"doc".equals(root.path("type").asString(""))) {
            throw new InvalidBodyException("The body is not a block document.");
        }
        int version = root.path("version").asInt(VERSION);
        if (version > VERSION) {
            throw new InvalidBodyException("The body was written by a newer Masthead (format version " + version + ").");
        }
        List<BodyNode> blocks = new ArrayList<>();
        for (JsonNode child : root.path("content")) {
            BodyNode block = node(child, 1);
            if (!BLOCKS.contains(block.type())) {
                throw new InvalidBodyException("A \"" + block.type() + "\" cannot stand on its own in the body.");
            }
            blocks.add(block);
        }
        return new BodyDocument(blocks);
    }

    private static BodyNode node(JsonNode json, int depth) {
        if (depth > MAX_DEPTH) {
            throw new InvalidBodyException("The body nests blocks too deeply.");
        }
        if (!json.isObject()) {
            throw new InvalidBodyException("The body contains something that is not a block.");
        }
        String type = json.path("type").asString("");
        Set<String> allowedChildren = CHILDREN.get(type);
        if (allowedChildren == null) {
            throw new InvalidBodyException("The body contains an unknown kind of block: \"" + type + "\".");
        }
        Map<String, Object> attrs = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> attr : json.path("attrs").properties()) {
            JsonNode value = attr.getValue();
            attrs.put(attr.getKey(), value.isNull() ? null : value.isNumber() ? (Object) value.numberValue()
                    : value.isBoolean() ? (Object) value.booleanValue() : value.asString(""));
        }
        List<BodyNode> content = new ArrayList<>();
        for (JsonNode child : json.path("content")) {
            if ("text".equals(child.path("type").asString("")) && child.path("text").asString("").isEmpty()) {
                continue; // an empty run of text is nothing (the editor refuses to load one)
            }
            BodyNode node = node(child, depth + 1);
            if (!allowedChildren.contains(node.type())) {
                throw new InvalidBodyException("A \"" + node.type() + "\" cannot go inside a \"" + type + "\".");
            }
            content.add(node);
        }
        List<BodyNode.Mark> marks = new ArrayList<>();
        for (JsonNode mark : json.path("marks")) {
            String markType = mark.path("type").asString("");
            if (!MARKS.contains(markType)) {
                throw new InvalidBodyException("The body uses unknown formatting: \"" + markType + "\".");
            }
            marks.add("link".equals(markType)
                    ? BodyNode.Mark.link(mark.path("attrs").path("href").asString(""),
                            mark.path("attrs").path("title").isString() ? mark.path("attrs").path("title").asString() : null)
                    : BodyNode.Mark.of(markType));
        }
        String text = "text".equals(type) ? json.path("text").asString("") : null;
        BodyNode node = new BodyNode(type, attrs, content, marks, text);
        check(node);
        return node;
    }

    /** What the schema's content expressions cannot say: levels, required parts, safe addresses. */
    private static void check(BodyNode node) {
        switch (node.type()) {
            case "heading" -> {
                Long level = node.number("level");
                if (level == null || level < 2 || level > 4) {
                    throw new InvalidBodyException("Headings in the body are levels 2 to 4.");
                }
            }
            case "image" -> {
                if (node.number("mediaId") == null && !isSafeUrl(node.attr("src"))) {
                    throw new InvalidBodyException("An image in the body needs a picture from the library or a web address.");
                }
            }
            case "embed" -> {
                if (EmbedProviders.match(node.attr("url")).isEmpty()) {
                    throw new InvalidBodyException("“" + node.attr("url") + "” is not from a provider Masthead can embed.");
                }
            }
            case "text" -> {
                for (BodyNode.Mark mark : node.marks()) {
                    if ("link".equals(mark.type()) && !isSafeUrl(mark.attr("href"))) {
                        throw new InvalidBodyException("A link in the body points at “" + mark.attr("href")
                                + "”; use a web (http/https) or mailto address.");
                    }
                }
            }
            case "quote", "list_item", "bullet_list", "ordered_list", "gallery", "table", "table_row" -> {
                if (node.content().isEmpty()) {
                    throw new InvalidBodyException("A \"" + node.type() + "\" in the body is empty.");
                }
            }
            default -> {
            }
        }
    }

    static boolean isSafeUrl(String url) {
        return url != null && !url.isBlank() && SAFE_URL.matcher(url.strip()).matches() && !url.strip().startsWith("//");
    }

    /** The document as stored: {@code {"type":"doc","version":1,"content":[…]}}. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", "doc");
        root.put("version", VERSION);
        ArrayNode content = root.putArray("content");
        blocks.forEach(block -> content.add(json(block)));
        return JSON.writeValueAsString(root);
    }

    private static ObjectNode json(BodyNode node) {
        ObjectNode json = JSON.createObjectNode();
        json.put("type", node.type());
        if (!node.attrs().isEmpty()) {
            ObjectNode attrs = json.putObject("attrs");
            node.attrs().forEach((name, value) -> attrs.set(name, JSON.valueToTree(value)));
        }
        if (node.text() != null) {
            json.put("text", node.text());
        }
        if (!node.marks().isEmpty()) {
            ArrayNode marks = json.putArray("marks");
            for (BodyNode.Mark mark : node.marks()) {
                ObjectNode markJson = marks.addObject();
                markJson.put("type", mark.type());
                if (!mark.attrs().isEmpty()) {
                    ObjectNode attrs = markJson.putObject("attrs");
                    mark.attrs().forEach((name, value) -> attrs.set(name, JSON.valueToTree(value)));
                }
            }
        }
        if (!node.content().isEmpty()) {
            ArrayNode content = json.putArray("content");
            node.content().forEach(child -> content.add(json(child)));
        }
        return json;
    }

    /** Every node, depth first: for finding the pictures a body uses, its raw HTML blocks… */
    public void visit(Consumer<BodyNode> visitor) {
        blocks.forEach(block -> visit(block, visitor));
    }

    private static void visit(BodyNode node, Consumer<BodyNode> visitor) {
        visitor.accept(node);
        node.content().forEach(child -> visit(child, visitor));
    }

    /** The library pictures the body shows, in order. */
    public List<Long> mediaIds() {
        List<Long> ids = new ArrayList<>();
        visit(node -> {
            if ("image".equals(node.type()) && node.number("mediaId") != null && !ids.contains(node.number("mediaId"))) {
                ids.add(node.number("mediaId"));
            }
        });
        return ids;
    }

    /** The raw HTML blocks' HTML, in order: changing these is an Editor's call. */
    public List<String> rawHtml() {
        List<String> html = new ArrayList<>();
        visit(node -> {
            if ("raw_html".equals(node.type())) {
                html.add(node.attr("html"));
            }
        });
        return html;
    }
}
