package org.masthead.body;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes blocks as Markdown for the editor without JavaScript: what Markdown can say in its own syntax, and the
 * rest (images, embeds, tables, fact boxes, pull quotes, footnotes) as the HTML Masthead renders for them, which
 * {@link HtmlToBlocks} reads back into the same blocks.
 */
final class BlocksToMarkdown {

    private final PictureSource pictures;
    private final StringBuilder markdown = new StringBuilder();
    private final List<BodyNode> footnotes = new ArrayList<>();

    private BlocksToMarkdown(PictureSource pictures) {
        this.pictures = pictures;
    }

    static String convert(BodyDocument document, PictureSource pictures) {
        BlocksToMarkdown writer = new BlocksToMarkdown(pictures);
        for (BodyNode block : document.blocks()) {
            writer.block(block, "");
        }
        writer.footnotes();
        return writer.markdown.toString().strip() + "\n";
    }

    private void block(BodyNode block, String indent) {
        switch (block.type()) {
            case "paragraph" -> {
                if (!block.content().isEmpty()) {
                    line(indent, inline(block.content()));
                }
            }
            case "heading" -> line(indent, "#".repeat(block.number("level") == null ? 2 : block.number("level").intValue())
                    + " " + inline(block.content()));
            case "bullet_list", "ordered_list" -> list(block, indent);
            case "quote" -> {
                boolean attributed = block.content().stream().anyMatch(child -> "attribution".equals(child.type()));
                BodyNode last = block.content().get(block.content().size() - 1);
                String lastText = HtmlToBlocks.plain(last).stripLeading();
                if (!attributed && !lastText.isEmpty() && "—–―-".indexOf(lastText.charAt(0)) >= 0) {
                    html(block, indent); // its closing dash line is dialogue, not who said it: HTML keeps it so
                    return;
                }
                List<String> lines = new ArrayList<>();
                for (BodyNode child : block.content()) {
                    if (!lines.isEmpty()) {
                        lines.add("");
                    }
                    String text = inline(child.content());
                    lines.add("attribution".equals(child.type()) ? "— " + text : text);
                }
                StringBuilder quoted = new StringBuilder();
                for (String line : lines) {
                    quoted.append(indent).append(line.isEmpty() ? ">" : "> " + line.replace("\n", "\n" + indent + "> ")).append('\n');
                }
                markdown.append(quoted).append('\n');
            }
            case "divider" -> line(indent, "---");
            case "code_block" -> {
                String code = block.content().isEmpty() ? "" : block.content().get(0).text();
                String fence = "`".repeat(Math.max(3, longestRun(code, '`') + 1));
                markdown.append(indent).append(fence).append('\n');
                for (String codeLine : code.split("\n", -1)) {
                    markdown.append(indent).append(codeLine).append('\n');
                }
                markdown.append(indent).append(fence).append("\n\n");
            }
            default -> html(block, indent);
        }
    }

    private void list(BodyNode list, String indent) {
        boolean ordered = "ordered_list".equals(list.type());
        long number = ordered && list.number("start") != null ? list.number("start") : 1;
        for (BodyNode item : list.content()) {
            String marker = ordered ? (number++) + ". " : "- ";
            String childIndent = indent + " ".repeat(marker.length());
            boolean first = true;
            for (BodyNode child : item.content()) {
                if (first && "paragraph".equals(child.type())) {
                    markdown.append(indent).append(marker).append(inline(child.content()).replace("\n", "\n" + childIndent)).append('\n');
                } else {
                    if (first) {
                        markdown.append(indent).append(marker.strip()).append('\n');
                    }
                    markdown.append('\n');
                    int before = markdown.length();
                    block(child, childIndent);
                    // nested blocks end with a blank line; a tight list keeps going on the next line
                    if (markdown.length() > before && markdown.charAt(markdown.length() - 1) == '\n') {
                        markdown.setLength(markdown.length() - 1);
                    }
                }
                first = false;
            }
        }
        markdown.append('\n');
    }

    private static int longestRun(String text, char c) {
        int longest = 0;
        int run = 0;
        for (char each : text.toCharArray()) {
            run = each == c ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /**
     * A block Markdown has no syntax for: its rendered HTML, as one HTML block (which a blank line would end, so
     * blank lines inside it become an encoded line break).
     */
    private void html(BodyNode block, String indent) {
        String html = BlockHtml.renderBlock(block, pictures, footnotes.size()).replaceAll("(?<=\n)[ \t]*\n", "&#10;");
        collectFootnotes(block); // their notes join the list at the end, numbered as the HTML numbered them
        if (!html.isBlank()) {
            line(indent, html);
        }
    }

    private void collectFootnotes(BodyNode node) {
        if ("footnote".equals(node.type())) {
            footnotes.add(node);
        }
        node.content().forEach(this::collectFootnotes);
    }

    private void line(String indent, String text) {
        markdown.append(indent).append(text.replace("\n", "\n" + indent)).append("\n\n");
    }

    private String inline(List<BodyNode> nodes) {
        StringBuilder text = new StringBuilder();
        List<BodyNode.Mark> open = new ArrayList<>();
        for (BodyNode node : nodes) {
            List<BodyNode.Mark> wanted = node.isText() ? node.marks() : List.of();
            String value = switch (node.type()) {
                case "text" -> escape(node.text());
                case "hard_break" -> "\\\n";
                case "footnote" -> footnoteReference(node);
                default -> "";
            };
            // close marks this node does not carry (innermost first), keeping spaces outside the markers
            String leading = value.startsWith(" ") ? " " : "";
            for (int i = open.size() - 1; i >= 0; i--) {
                if (!wanted.contains(open.get(i))) {
                    text.append(closing(open.remove(i)));
                }
            }
            text.append(leading);
            for (BodyNode.Mark mark : wanted) {
                if (!open.contains(mark)) {
                    text.append(opening(mark));
                    open.add(mark);
                }
            }
            String trailing = value.endsWith(" ") && value.length() > 1 ? " " : "";
            text.append(value, leading.length(), value.length() - trailing.length());
            if (!trailing.isEmpty()) {
                for (int i = open.size() - 1; i >= 0; i--) {
                    text.append(closing(open.remove(i)));
                }
                text.append(trailing);
            }
        }
        for (int i = open.size() - 1; i >= 0; i--) {
            text.append(closing(open.get(i)));
        }
        return text.toString();
    }

    private static String codeOf(List<BodyNode.Mark> marks) {
        return marks.stream().anyMatch(mark -> "code".equals(mark.type())) ? "code" : "";
    }

    private String footnoteReference(BodyNode footnote) {
        footnotes.add(footnote);
        int number = footnotes.size();
        return "<sup class=\"footnote-ref\" id=\"fnref-" + number + "\"><a href=\"#fn-" + number + "\">" + number + "</a></sup>";
    }

    private void footnotes() {
        if (footnotes.isEmpty()) {
            return;
        }
        StringBuilder html = new StringBuilder("<section class=\"footnotes\" aria-label=\"Notes\"><ol>");
        for (int i = 0; i < footnotes.size(); i++) {
            String note = BlockHtml.renderBlock(BodyNode.block("paragraph", footnotes.get(i).content()), pictures, 0);
            html.append("<li id=\"fn-").append(i + 1).append("\">")
                    .append(note.replaceAll("^<p>|</p>$", ""))
                    .append(" <a href=\"#fnref-").append(i + 1).append("\" class=\"footnote-back\" aria-label=\"Back to the text\">↩</a></li>");
        }
        markdown.append(html).append("</ol></section>\n\n");
    }

    private static String opening(BodyNode.Mark mark) {
        return switch (mark.type()) {
            case "strong" -> "**";
            case "em" -> "_";
            case "code" -> "<code>"; // HTML, not backticks: code may hold backticks itself
            case "link" -> "[";
            default -> "";
        };
    }

    private static String closing(BodyNode.Mark mark) {
        return switch (mark.type()) {
            case "strong" -> "**";
            case "em" -> "_";
            case "code" -> "</code>";
            case "link" -> "](" + mark.attr("href").replace(" ", "%20").replace(")", "%29")
                    + (mark.attr("title") == null || mark.attr("title").isBlank() ? "" : " \"" + mark.attr("title").replace("\"", "\\\"") + "\"")
                    + ")";
            default -> "";
        };
    }

    /** Characters Markdown would read as syntax, escaped; a line-leading marker too. */
    private static String escape(String text) {
        String escaped = text.replaceAll("([\\\\`*_\\[\\]<>#|])", "\\\\$1");
        return escaped.replaceAll("^([-+])( )", "\\\\$1$2").replaceAll("^(\\d+)([.)])( )", "$1\\\\$2$3");
    }
}
