package org.masthead.archive.wordpress;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Splits post content into Gutenberg blocks the way WordPress's own block parser does: a block is delimited by
 * {@code <!-- wp:name {json} -->} and {@code <!-- /wp:name -->} (or is void: {@code <!-- wp:name {json} /-->}), and
 * its inner content alternates HTML with nested blocks. HTML outside any block is "freeform" (classic) content.
 */
final class GutenbergBlocks {

    /** WordPress's delimiter expression (class-wp-block-parser.php), attributes being JSON up to "} -->". */
    private static final Pattern DELIMITER = Pattern.compile(
            "<!--\\s+(/)?wp:([a-z][a-z0-9_-]*/)?([a-z][a-z0-9_-]*)\\s+"
                    + "(\\{(?:(?:[^}]+|}+(?=})|(?!}\\s+/?-->).)*+)?}\\s+)?(/)?-->", Pattern.DOTALL);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String FREEFORM = "core/freeform";

    private GutenbergBlocks() {
    }

    /**
     * A block: its full name ("core/paragraph", "core-embed/youtube", "jetpack/slideshow"), its attributes (an empty
     * object when it has none or they are not valid JSON), and its inner content in order: HTML strings and blocks.
     */
    record Block(String name, JsonNode attrs, List<Object> innerContent) {

        boolean isVoid() {
            return innerContent.isEmpty();
        }

        String attr(String field) {
            JsonNode value = attrs.get(field);
            return value == null || value.isNull() ? "" : value.asString("");
        }
    }

    static boolean hasBlocks(String content) {
        return content != null && content.contains("<!-- wp:") && DELIMITER.matcher(content).find();
    }

    /** The top-level blocks, freeform HTML between them as {@link #FREEFORM} blocks holding one string. */
    static List<Block> parse(String content) {
        List<Block> top = new ArrayList<>();
        Deque<Block> open = new ArrayDeque<>();
        Matcher delimiter = DELIMITER.matcher(content);
        int position = 0;
        while (delimiter.find()) {
            addHtml(content.substring(position, delimiter.start()), open, top);
            position = delimiter.end();
            boolean closer = delimiter.group(1) != null;
            String name = (delimiter.group(2) == null ? "core/" : delimiter.group(2)) + delimiter.group(3);
            if (closer) {
                closeUpTo(name, open, top);
                continue;
            }
            Block block = new Block(name, attributes(delimiter.group(4)), new ArrayList<>());
            if (delimiter.group(5) != null) {
                add(block, open, top);
            } else {
                open.push(block);
            }
        }
        addHtml(content.substring(position), open, top);
        while (!open.isEmpty()) { // an unclosed block ends with the content, as WordPress reads it
            Block unclosed = open.pop();
            add(unclosed, open, top);
        }
        return top;
    }

    private static void closeUpTo(String name, Deque<Block> open, List<Block> top) {
        if (open.stream().noneMatch(block -> block.name().equals(name))) {
            return; // a stray closer: nothing to close
        }
        while (!open.isEmpty()) {
            Block closed = open.pop();
            add(closed, open, top);
            if (closed.name().equals(name)) {
                return;
            }
        }
    }

    private static void add(Block block, Deque<Block> open, List<Block> top) {
        if (open.isEmpty()) {
            top.add(block);
        } else {
            open.peek().innerContent().add(block);
        }
    }

    private static void addHtml(String html, Deque<Block> open, List<Block> top) {
        if (html.isEmpty()) {
            return;
        }
        if (!open.isEmpty()) {
            open.peek().innerContent().add(html);
        } else if (!html.isBlank()) {
            top.add(new Block(FREEFORM, JsonNodeFactory.instance.objectNode(), new ArrayList<>(List.of(html))));
        }
    }

    private static JsonNode attributes(String json) {
        if (json == null) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            JsonNode parsed = JSON.readTree(json.strip());
            return parsed != null && parsed.isObject() ? parsed : JsonNodeFactory.instance.objectNode();
        } catch (JacksonException notJson) {
            return JsonNodeFactory.instance.objectNode(); // WordPress too treats unreadable attributes as none
        }
    }
}
