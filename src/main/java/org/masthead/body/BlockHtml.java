package org.masthead.body;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jsoup.nodes.Entities;

/**
 * Writes a block document as HTML — the markup readers, feeds and the API get, and the markup {@link HtmlToBlocks}
 * reads back into the same blocks. The result still goes through the sanitizer; this class only escapes text.
 */
final class BlockHtml {

    /** Marks open outermost first, so a link around bold text stays one link. */
    private static final List<String> MARK_ORDER = List.of("link", "strong", "em", "code");

    private final PictureSource pictures;
    private final StringBuilder html = new StringBuilder();
    private final List<List<BodyNode>> footnotes = new ArrayList<>();
    /** Footnotes numbered before this writer's first one (a block written on its own, in the middle of a body). */
    private final int footnotesBefore;

    private BlockHtml(PictureSource pictures, int footnotesBefore) {
        this.pictures = pictures;
        this.footnotesBefore = footnotesBefore;
    }

    static String render(BodyDocument document, PictureSource pictures) {
        BlockHtml writer = new BlockHtml(pictures, 0);
        document.blocks().forEach(writer::block);
        writer.footnotes();
        return writer.html.toString();
    }

    /**
     * One block alone, as its HTML (for the Markdown fallback of blocks Markdown cannot say); its footnote
     * references continue the body's numbering, their notes are the caller's to list.
     */
    static String renderBlock(BodyNode block, PictureSource pictures, int footnotesBefore) {
        BlockHtml writer = new BlockHtml(pictures, footnotesBefore);
        writer.block(block);
        return writer.html.toString();
    }

    private void block(BodyNode node) {
        switch (node.type()) {
            case "paragraph" -> {
                if (!node.content().isEmpty()) {
                    html.append("<p>");
                    inline(node.content());
                    html.append("</p>");
                }
            }
            case "heading" -> {
                long level = Math.max(2, Math.min(4, node.number("level") == null ? 2 : node.number("level")));
                html.append("<h").append(level).append('>');
                inline(node.content());
                html.append("</h").append(level).append('>');
            }
            case "bullet_list" -> list("ul", "", node);
            case "ordered_list" -> {
                Long start = node.number("start");
                list("ol", start == null || start == 1 ? "" : " start=\"" + start + "\"", node);
            }
            case "quote" -> quote(node);
            case "pullquote" -> {
                html.append("<aside class=\"pullquote\"><p>");
                inline(node.content());
                html.append("</p>");
                if (!node.attr("attribution").isBlank()) {
                    html.append("<p class=\"pullquote__attribution\">— ").append(escape(node.attr("attribution"))).append("</p>");
                }
                html.append("</aside>");
            }
            case "image" -> image(node, true);
            case "gallery" -> gallery(node);
            case "embed" -> embed(node);
            case "table" -> table(node);
            case "divider" -> html.append("<hr>");
            case "callout" -> {
                html.append("<aside class=\"callout\">");
                if (!node.attr("title").isBlank()) {
                    html.append("<p class=\"callout__title\">").append(escape(node.attr("title"))).append("</p>");
                }
                node.content().forEach(this::block);
                html.append("</aside>");
            }
            // sanitized on its own first: an unclosed tag or comment cannot swallow the blocks after it
            case "raw_html" -> html.append(BodyPolicy.POLICY.sanitize(node.attr("html")));
            case "code_block" -> {
                html.append("<pre><code>");
                node.content().forEach(text -> html.append(escape(text.text())));
                html.append("</code></pre>");
            }
            default -> {
                // a node the schema does not allow here: nothing to show
            }
        }
    }

    private void list(String tag, String attributes, BodyNode list) {
        html.append('<').append(tag).append(attributes).append('>');
        for (BodyNode item : list.content()) {
            html.append("<li>");
            List<BodyNode> children = item.content();
            boolean tight = !children.isEmpty() && "paragraph".equals(children.get(0).type())
                    && children.stream().skip(1).noneMatch(child -> "paragraph".equals(child.type()));
            for (int i = 0; i < children.size(); i++) {
                if (i == 0 && tight) {
                    inline(children.get(0).content());
                } else {
                    block(children.get(i));
                }
            }
            html.append("</li>");
        }
        html.append("</").append(tag).append('>');
    }

    private void quote(BodyNode quote) {
        html.append("<figure class=\"quote\"><blockquote>");
        BodyNode attribution = null;
        for (BodyNode child : quote.content()) {
            if ("attribution".equals(child.type())) {
                attribution = child;
            } else {
                block(child);
            }
        }
        html.append("</blockquote>");
        if (attribution != null && !attribution.content().isEmpty()) {
            html.append("<figcaption class=\"quote__attribution\">— ");
            inline(attribution.content());
            html.append("</figcaption>");
        }
        html.append("</figure>");
    }

    private void image(BodyNode image, boolean sized) {
        Long mediaId = image.number("mediaId");
        Optional<PictureSource.Picture> picture = mediaId == null ? Optional.empty() : pictures.picture(mediaId);
        String src = picture.map(PictureSource.Picture::src).orElse(image.attr("src"));
        if (src.isBlank()) {
            return; // a library picture that was deleted, with no address of its own
        }
        String alt = image.attrs().containsKey("alt") ? image.attr("alt") : picture.map(PictureSource.Picture::alt).orElse("");
        String caption = image.attrs().containsKey("caption") ? image.attr("caption")
                : picture.map(PictureSource.Picture::caption).orElse("");
        String credit = image.attrs().containsKey("credit") ? image.attr("credit")
                : picture.map(PictureSource.Picture::credit).orElse("");
        String size = switch (image.attr("size")) {
            case "wide", "full" -> image.attr("size");
            default -> "column";
        };
        html.append("<figure class=\"figure").append(sized ? " figure--" + size : "").append('"');
        if (mediaId != null) {
            html.append(" data-media-id=\"").append(mediaId).append('"');
        }
        html.append("><img src=\"").append(escape(src)).append('"');
        picture.map(PictureSource.Picture::srcset).filter(srcset -> !srcset.isBlank()).ifPresent(srcset -> html
                .append(" srcset=\"").append(escape(srcset)).append("\" sizes=\"")
                // "auto": a lazy image is sized by the box it is laid out in (Chromium), the rest is the fallback
                .append("full".equals(size) ? "auto, 100vw" : "wide".equals(size) ? "auto, (min-width: 1000px) 1000px, 100vw"
                        : "auto, (min-width: 720px) 680px, 100vw").append('"'));
        html.append(" alt=\"").append(escape(alt)).append('"');
        Integer width = picture.map(PictureSource.Picture::width).orElse(intAttr(image, "width"));
        Integer height = picture.map(PictureSource.Picture::height).orElse(intAttr(image, "height"));
        if (width != null && height != null) {
            html.append(" width=\"").append(width).append("\" height=\"").append(height).append('"');
        }
        html.append(" loading=\"lazy\" decoding=\"async\">");
        if (!caption.isBlank() || !credit.isBlank()) {
            html.append("<figcaption>");
            if (!caption.isBlank()) {
                html.append("<span class=\"figure__caption\">").append(escape(caption)).append("</span>");
            }
            if (!credit.isBlank()) {
                html.append(caption.isBlank() ? "" : " ").append("<span class=\"figure__credit\">").append(escape(credit))
                        .append("</span>");
            }
            html.append("</figcaption>");
        }
        html.append("</figure>");
    }

    private static Integer intAttr(BodyNode node, String name) {
        Long value = node.number(name);
        return value == null || value <= 0 || value > 100_000 ? null : value.intValue();
    }

    private void gallery(BodyNode gallery) {
        html.append("<figure class=\"gallery\"><ul class=\"gallery__items\">");
        for (BodyNode image : gallery.content()) {
            html.append("<li class=\"gallery__item\">");
            image(image, false);
            html.append("</li>");
        }
        html.append("</ul>");
        if (!gallery.attr("caption").isBlank()) {
            html.append("<figcaption>").append(escape(gallery.attr("caption"))).append("</figcaption>");
        }
        html.append("</figure>");
    }

    private void embed(BodyNode node) {
        EmbedProviders.match(node.attr("url")).ifPresent(embed -> {
            String title = node.attr("title").isBlank() ? embed.providerName() + ": " + embed.url() : node.attr("title");
            html.append("<figure class=\"embed embed--").append(embed.shape()).append("\" data-embed-provider=\"")
                    .append(embed.provider()).append("\" data-embed-url=\"").append(escape(embed.url()))
                    .append("\" data-embed-player=\"").append(escape(embed.playerUrl())).append("\">")
                    .append("<p class=\"embed__title\"><a href=\"").append(escape(embed.url())).append("\">")
                    .append(escape(title)).append("</a></p>")
                    .append("<p class=\"embed__notice\">Content from ").append(escape(embed.providerName()))
                    .append(". It loads from ").append(escape(embed.providerName()))
                    .append(" only if you choose to show it.</p></figure>");
        });
    }

    private void table(BodyNode table) {
        html.append("<table>");
        List<BodyNode> rows = table.content();
        int first = 0;
        if (!rows.isEmpty() && !rows.get(0).content().isEmpty()
                && rows.get(0).content().stream().allMatch(cell -> "table_header".equals(cell.type()))) {
            html.append("<thead>");
            row(rows.get(0));
            html.append("</thead>");
            first = 1;
        }
        if (first < rows.size()) {
            html.append("<tbody>");
            rows.subList(first, rows.size()).forEach(this::row);
            html.append("</tbody>");
        }
        html.append("</table>");
    }

    private void row(BodyNode row) {
        html.append("<tr>");
        for (BodyNode cell : row.content()) {
            String tag = "table_header".equals(cell.type()) ? "th" : "td";
            html.append('<').append(tag);
            span(cell, "colspan");
            span(cell, "rowspan");
            html.append('>');
            if (cell.content().size() == 1) {
                inline(cell.content().get(0).content());
            } else {
                cell.content().forEach(this::block);
            }
            html.append("</").append(tag).append('>');
        }
        html.append("</tr>");
    }

    private void span(BodyNode cell, String name) {
        Long span = cell.number(name);
        if (span != null && span > 1 && span < 100) {
            html.append(' ').append(name).append("=\"").append(span).append('"');
        }
    }

    private void inline(List<BodyNode> nodes) {
        List<BodyNode.Mark> open = new ArrayList<>();
        for (BodyNode node : nodes) {
            List<BodyNode.Mark> wanted = node.isText() ? ordered(node.marks()) : List.of();
            int keep = 0;
            while (keep < open.size() && keep < wanted.size() && open.get(keep).equals(wanted.get(keep))) {
                keep++;
            }
            for (int i = open.size() - 1; i >= keep; i--) {
                close(open.remove(i));
            }
            for (int i = keep; i < wanted.size(); i++) {
                open(wanted.get(i));
                open.add(wanted.get(i));
            }
            switch (node.type()) {
                case "text" -> html.append(escape(node.text()));
                case "hard_break" -> html.append("<br>");
                case "footnote" -> footnote(node);
                default -> {
                }
            }
        }
        for (int i = open.size() - 1; i >= 0; i--) {
            close(open.get(i));
        }
    }

    private static List<BodyNode.Mark> ordered(List<BodyNode.Mark> marks) {
        return marks.stream().filter(mark -> MARK_ORDER.contains(mark.type()))
                .sorted(java.util.Comparator.comparingInt(mark -> MARK_ORDER.indexOf(mark.type()))).toList();
    }

    private void open(BodyNode.Mark mark) {
        switch (mark.type()) {
            case "link" -> {
                html.append("<a href=\"").append(escape(mark.attr("href") == null ? "" : mark.attr("href"))).append('"');
                if (mark.attr("title") != null && !mark.attr("title").isBlank()) {
                    html.append(" title=\"").append(escape(mark.attr("title"))).append('"');
                }
                html.append('>');
            }
            case "strong" -> html.append("<strong>");
            case "em" -> html.append("<em>");
            case "code" -> html.append("<code>");
            default -> {
            }
        }
    }

    private void close(BodyNode.Mark mark) {
        html.append(switch (mark.type()) {
            case "link" -> "</a>";
            case "strong" -> "</strong>";
            case "em" -> "</em>";
            case "code" -> "</code>";
            default -> "";
        });
    }

    private void footnote(BodyNode footnote) {
        footnotes.add(footnote.content());
        int number = footnotesBefore + footnotes.size();
        html.append("<sup class=\"footnote-ref\" id=\"fnref-").append(number).append("\"><a href=\"#fn-").append(number)
                .append("\">").append(number).append("</a></sup>");
    }

    private void footnotes() {
        if (footnotes.isEmpty()) {
            return;
        }
        html.append("<section class=\"footnotes\" aria-label=\"Notes\"><ol>");
        for (int i = 0; i < footnotes.size(); i++) {
            int number = i + 1;
            html.append("<li id=\"fn-").append(number).append("\">");
            inline(footnotes.get(i));
            html.append(" <a href=\"#fnref-").append(number).append("\" class=\"footnote-back\" aria-label=\"Back to the text\">↩</a></li>");
        }
        html.append("</ol></section>");
    }

    static String escape(String text) {
        return Entities.escape(text == null ? "" : text);
    }
}
