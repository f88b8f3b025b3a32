package org.masthead.archive.wordpress;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Element;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WordPress's footnotes (6.3+): the text holds {@code <sup data-fn="id">} references, the notes live in the post's
 * {@code footnotes} meta as JSON ({@code [{"id": …, "content": …}]}). They become Masthead's footnote markup,
 * numbered in the order they are referred to: {@code <sup class="footnote-ref"><a href="#fn-1">1</a></sup>} and
 * a closing {@code <section class="footnotes">} list.
 */
final class Footnotes {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Footnotes() {
    }

    static void number(Element body, ConversionContext context) {
        List<Element> references = body.select("sup[data-fn]");
        if (references.isEmpty()) {
            return;
        }
        Map<String, String> notes = notes(context.footnotes());
        if (notes.isEmpty()) {
            context.warn("The post's footnotes are not in the file; their numbers are left in the text.");
            return;
        }
        Element list = new Element("ol");
        Map<String, Integer> numbers = new HashMap<>();
        for (Element reference : references) {
            String id = reference.attr("data-fn");
            String note = notes.get(id);
            if (note == null) {
                reference.remove();
                continue;
            }
            Integer number = numbers.get(id);
            if (number == null) {
                number = numbers.size() + 1;
                numbers.put(id, number);
                list.appendElement("li").attr("id", "fn-" + number).html(note);
            }
            Element replacement = new Element("sup").addClass("footnote-ref");
            replacement.appendElement("a").attr("href", "#fn-" + number).text(String.valueOf(number));
            reference.replaceWith(replacement);
        }
        if (!numbers.isEmpty()) {
            body.appendElement("section").addClass("footnotes").appendChild(list);
        }
    }

    private static Map<String, String> notes(String json) {
        Map<String, String> notes = new HashMap<>();
        if (json == null || json.isBlank()) {
            return notes;
        }
        try {
            JsonNode parsed = JSON.readTree(json);
            if (parsed != null && parsed.isArray()) {
                for (JsonNode note : parsed) {
                    String id = note.path("id").asString("");
                    if (!id.isEmpty()) {
                        notes.put(id, note.path("content").asString(""));
                    }
                }
            }
        } catch (JacksonException unreadable) {
            // unreadable notes are reported as missing
        }
        return notes;
    }
}
