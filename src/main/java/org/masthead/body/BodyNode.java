package org.masthead.body;

import java.util.List;
import java.util.Map;

import org.masthead.text.PlainText;

/**
 * One node of a block document, as ProseMirror's JSON has it: a block (paragraph, image…), an inline node (text,
 * hard break, footnote), with its attributes, children and — for text — marks.
 *
 * @param attrs   the node's attributes (strings, numbers, booleans or null), never null
 * @param content its children, never null
 * @param marks   formatting of a text node (strong, em, code, link), never null
 * @param text    a text node's text, else null
 */
public record BodyNode(String type, Map<String, Object> attrs, List<BodyNode> content, List<Mark> marks, String text) {

    public BodyNode {
        // control characters never reach storage (feeds and sitemaps are XML), whatever the source
        java.util.Map<String, Object> cleaned = new java.util.LinkedHashMap<>();
        if (attrs != null) {
            attrs.forEach((name, value) -> cleaned.put(name, value instanceof String string ? PlainText.clean(string) : value));
        }
        attrs = java.util.Collections.unmodifiableMap(cleaned);
        text = PlainText.clean(text);
        content = content == null ? List.of() : List.copyOf(content);
        marks = marks == null ? List.of() : List.copyOf(marks);
    }

    /** Formatting on a run of text; {@code link} carries {@code href} and {@code title}. */
    public record Mark(String type, Map<String, Object> attrs) {
        public Mark {
            attrs = attrs == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attrs));
        }

        public static Mark of(String type) {
            return new Mark(type, Map.of());
        }

        public static Mark link(String href, String title) {
            Map<String, Object> attrs = new java.util.LinkedHashMap<>();
            attrs.put("href", href);
            attrs.put("title", title);
            return new Mark("link", attrs);
        }

        public String attr(String name) {
            Object value = attrs.get(name);
            return value == null ? null : value.toString();
        }
    }

    public static BodyNode block(String type, Map<String, Object> attrs, List<BodyNode> content) {
        return new BodyNode(type, attrs, content, List.of(), null);
    }

    public static BodyNode block(String type, List<BodyNode> content) {
        return new BodyNode(type, Map.of(), content, List.of(), null);
    }

    public static BodyNode text(String text, List<Mark> marks) {
        return new BodyNode("text", Map.of(), List.of(), marks, text);
    }

    public static BodyNode text(String text) {
        return text(text, List.of());
    }

    public boolean isText() {
        return "text".equals(type);
    }

    /** A string attribute; empty when absent. */
    public String attr(String name) {
        Object value = attrs.get(name);
        return value == null ? "" : value.toString();
    }

    /** A whole-number attribute, or null when absent or not a number. */
    public Long number(String name) {
        Object value = attrs.get(name);
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof String string && string.matches("\\d{1,18}")) {
            return Long.parseLong(string);
        }
        return null;
    }

    public BodyNode withContent(List<BodyNode> children) {
        return new BodyNode(type, attrs, children, marks, text);
    }
}
