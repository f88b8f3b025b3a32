package org.masthead.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.masthead.body.BodyDocument;
import org.masthead.body.BodyNode;
import org.masthead.media.MediaFile;

/**
 * A few demo stories written with the block editor's richer blocks, so the reader site shows what it can do: a
 * quote with its speaker, a fact box, a pull quote and a footnote; a photo in the text with its credit and a
 * table; a video embed readers load with one click.
 */
final class ShowcaseBodies {

    /** Big Buck Bunny, the Blender Foundation's open film: a video any demo may show. */
    static final String DEMO_VIDEO = "https://www.youtube.com/watch?v=aqz-KE-bpKQ";

    private ShowcaseBodies() {
    }

    /** The story's own blocks with the showcase blocks after its second paragraph. */
    static BodyDocument with(BodyDocument story, int showcase, MediaFile photo) {
        List<BodyNode> blocks = new ArrayList<>(story.blocks());
        int at = Math.min(2, blocks.size());
        blocks.addAll(at, switch (showcase) {
            case 0 -> quoteFactBoxAndFootnote();
            case 1 -> photoAndTable(photo);
            default -> videoAndList();
        });
        return new BodyDocument(blocks);
    }

    private static List<BodyNode> quoteFactBoxAndFootnote() {
        return List.of(
                BodyNode.block("quote", List.of(paragraph(text("We listened to every objection, and we changed the plan twice "
                                + "because of them.")),
                        BodyNode.block("attribution", List.of(text("Mayor Lena Hart, told reporters after the vote"))))),
                paragraph(text("The council's own figures"), BodyNode.block("footnote",
                        List.of(text("Published in the council's budget papers, which are open to the public."))),
                        text(" show the cost rising by a third since the first estimate.")),
                BodyNode.block("callout", Map.of("title", "Fact box"), List.of(
                        paragraph(text("What the plan includes:")),
                        BodyNode.block("bullet_list", List.of(
                                item("Two new bus lines linking the harbour and the hospital"),
                                item("A protected cycle route along the river"),
                                item("Free fares for under-18s from September"))))),
                BodyNode.block("pullquote", Map.of("attribution", "A resident at the public hearing"),
                        List.of(text("It is the first time anyone asked us before the diggers arrived."))));
    }

    private static List<BodyNode> photoAndTable(MediaFile photo) {
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("mediaId", photo.id());
        image.put("src", photo.url());
        image.put("alt", "Illustration of the place where the announcement was made");
        image.put("caption", "The site as it looked on the morning of the announcement.");
        image.put("credit", "Illustration: Masthead demo");
        image.put("size", "wide");
        return List.of(
                BodyNode.block("image", image, List.of()),
                BodyNode.block("heading", Map.of("level", 2), List.of(text("The numbers"))),
                BodyNode.block("table", List.of(
                        row("table_header", "Year", "Jobs", "Exports (million)"),
                        row("table_cell", "2023", "1,240", "86"),
                        row("table_cell", "2024", "1,390", "97"),
                        row("table_cell", "2025", "1,515", "112"))),
                BodyNode.block("quote", List.of(paragraph(text("Every line in that table is a family that stayed in town.")),
                        BodyNode.block("attribution", List.of(text("Director Wren Okoye, speaking at the opening"))))));
    }

    private static List<BodyNode> videoAndList() {
        return List.of(
                BodyNode.block("heading", Map.of("level", 2), List.of(text("Watch: the film in full"))),
                BodyNode.block("embed", Map.of("url", DEMO_VIDEO, "provider", "youtube",
                        "title", "Big Buck Bunny — the Blender Foundation's open film"), List.of()),
                paragraph(text("The screening drew "), BodyNode.text("three times", List.of(BodyNode.Mark.of("strong"))),
                        text(" the audience organisers expected. Read the "),
                        BodyNode.text("programme notes", List.of(BodyNode.Mark.link("https://peach.blender.org/", null))),
                        text(".")),
                BodyNode.block("ordered_list", Map.of("start", 1), List.of(
                        item("Doors open at 18:00"),
                        item("Screening at 19:00, followed by a discussion"),
                        item("Entry is free; donations go to the film club"))),
                BodyNode.block("divider", List.of()));
    }

    private static BodyNode paragraph(BodyNode... inline) {
        return BodyNode.block("paragraph", List.of(inline));
    }

    private static BodyNode text(String text) {
        return BodyNode.text(text);
    }

    private static BodyNode item(String text) {
        return BodyNode.block("list_item", List.of(paragraph(text(text))));
    }

    private static BodyNode row(String cellType, String... cells) {
        List<BodyNode> row = new ArrayList<>();
        for (String cell : cells) {
            row.add(BodyNode.block(cellType, Map.of("colspan", 1, "rowspan", 1), List.of(paragraph(text(cell)))));
        }
        return BodyNode.block("table_row", row);
    }
}
