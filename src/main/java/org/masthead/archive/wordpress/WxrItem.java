package org.masthead.archive.wordpress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One {@code <item>} of the export as written: its simple fields by "family:local" name ({@code wp:post_id},
 * {@code content:encoded}, {@code title}), its {@code <category>} terms in order, its post meta, and how many
 * comments it carries (their content is not kept).
 */
record WxrItem(Map<String, String> fields, List<Term> terms, Map<String, String> meta, int comments) {

    /** A {@code <category domain="…" nicename="…">Name</category>} of the item. */
    record Term(String domain, String nicename, String name) {
    }

    /** Reads the item the reader is on (its start tag) up to its end tag. */
    static WxrItem read(XMLStreamReader xml) throws XMLStreamException {
        Map<String, String> fields = new LinkedHashMap<>();
        List<Term> terms = new ArrayList<>();
        Map<String, String> meta = new LinkedHashMap<>();
        int comments = 0;
        while (WxrXml.nextTag(xml) && xml.isStartElement()) {
            String name = WxrXml.name(xml);
            switch (name) {
                case "category" -> {
                    String domain = attribute(xml, "domain");
                    String nicename = attribute(xml, "nicename");
                    terms.add(new Term(domain, nicename, WxrXml.text(xml)));
                }
                case "wp:postmeta" -> {
                    Map<String, String> entry = WxrXml.fields(xml);
                    String key = entry.get("wp:meta_key");
                    if (key != null) {
                        meta.putIfAbsent(key.strip(), entry.getOrDefault("wp:meta_value", ""));
                    }
                }
                case "wp:comment" -> {
                    comments++;
                    WxrXml.skip(xml);
                }
                default -> fields.putIfAbsent(name, WxrXml.text(xml));
            }
        }
        return new WxrItem(fields, terms, meta, comments);
    }

    private static String attribute(XMLStreamReader xml, String name) {
        String value = xml.getAttributeValue(null, name);
        return value == null ? "" : value.strip();
    }

    /** A field's text, stripped; "" when absent. */
    String field(String name) {
        String value = fields.get(name);
        return value == null ? "" : value.strip();
    }

    /** A field as written (content keeps its leading and trailing whitespace). */
    String raw(String name) {
        String value = fields.get(name);
        return value == null ? "" : value;
    }

    long id() {
        return number(field("wp:post_id"));
    }

    String type() {
        return field("wp:post_type");
    }

    String status() {
        return field("wp:status");
    }

    static long number(String text) {
        String digits = text == null ? "" : text.strip();
        return digits.matches("\\d{1,18}") ? Long.parseLong(digits) : 0;
    }
}
