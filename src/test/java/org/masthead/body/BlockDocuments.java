package org.masthead.body;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small builders for block documents in tests, reading like the document they build. */
final class BlockDocuments {

    private BlockDocuments() {
    }

    static BodyDocument doc(BodyNode... blocks) {
        return new BodyDocument(List.of(blocks));
    }

    static BodyNode p(BodyNode... inline) {
        return BodyNode.block("paragraph", List.of(inline));
    }

    static BodyNode text(String text, String... marks) {
        return BodyNode.text(text, java.util.Arrays.stream(marks).map(BodyNode.Mark::of).toList());
    }

    static BodyNode link(String text, String href) {
        return BodyNode.text(text, List.of(BodyNode.Mark.link(href, null)));
    }

    static BodyNode heading(int level, String text) {
        return BodyNode.block("heading", Map.of("level", level), List.of(BodyNode.text(text)));
    }

    static BodyNode bullets(BodyNode... items) {
        return BodyNode.block("bullet_list", List.of(items));
    }

    static BodyNode numbered(BodyNode... items) {
        return BodyNode.block("ordered_list", Map.of("start", 1), List.of(items));
    }

    static BodyNode item(BodyNode... children) {
        return BodyNode.block("list_item", List.of(children));
    }

    static BodyNode quote(String said, String who) {
        return BodyNode.block("quote", List.of(p(BodyNode.text(said)),
                BodyNode.block("attribution", List.of(BodyNode.text(who)))));
    }

    static BodyNode pullquote(String said, String who) {
        return BodyNode.block("pullquote", Map.of("attribution", who), List.of(BodyNode.text(said)));
    }

    static BodyNode image(long mediaId, String alt, String caption, String credit, String size) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("mediaId", mediaId);
        attrs.put("src", "/media/picture-" + mediaId + ".jpg");
        attrs.put("alt", alt);
        attrs.put("caption", caption);
        attrs.put("credit", credit);
        attrs.put("size", size);
        return BodyNode.block("image", attrs, List.of());
    }

    static BodyNode embed(String url) {
        return BodyNode.block("embed", Map.of("url", url, "provider", EmbedProviders.match(url).orElseThrow().provider(),
                "title", ""), List.of());
    }

    static BodyNode table(List<String> header, List<String>... rows) {
        List<BodyNode> tableRows = new java.util.ArrayList<>();
        tableRows.add(BodyNode.block("table_row", header.stream().map(cell -> cell("table_header", cell)).toList()));
        for (List<String> row : rows) {
            tableRows.add(BodyNode.block("table_row", row.stream().map(cell -> cell("table_cell", cell)).toList()));
        }
        return BodyNode.block("table", tableRows);
    }

    private static BodyNode cell(String type, String text) {
        return BodyNode.block(type, Map.of("colspan", 1, "rowspan", 1), List.of(p(BodyNode.text(text))));
    }

    static BodyNode callout(String title, BodyNode... content) {
        return BodyNode.block("callout", Map.of("title", title), List.of(content));
    }

    static BodyNode footnote(String note) {
        return BodyNode.block("footnote", List.of(BodyNode.text(note)));
    }

    static BodyNode divider() {
        return BodyNode.block("divider", List.of());
    }

    static BodyNode rawHtml(String html) {
        return BodyNode.block("raw_html", Map.of("html", html), List.of());
    }
}
