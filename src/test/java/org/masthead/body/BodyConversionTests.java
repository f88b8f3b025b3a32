package org.masthead.body;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Markdown and HTML from elsewhere become blocks the editor can edit; Masthead's own output comes back unchanged. */
class BodyConversionTests {

    private static final PictureSource LIBRARY = mediaId -> Optional.of(new PictureSource.Picture("/media/picture-" + mediaId + ".jpg",
            "", null, null, "", "", ""));
    private final BodyRenderer renderer = new BodyRenderer(LIBRARY);

    @Test
    void renderedBlocksReadBackAsTheSameBlocks() {
        BodyDocument original = BlockRenderingTests.everyBlock();
        String html = renderer.render(original.toJson(), BodyFormat.BLOCKS).html();

        BodyDocument back = renderer.toDocument(html, BodyFormat.HTML);

        assertThat(BlockRenderingTests.same(back, original)).as(back.toJson()).isTrue();
    }

    @Test
    void theMarkdownFallbackReadsBackAsTheSameBlocks() {
        BodyDocument original = BlockRenderingTests.everyBlock();
        String markdown = renderer.toMarkdown(original);

        assertThat(markdown).contains("## What was said", "**resumed**", "_Geneva_", "[officials said](https://example.org/report)", "<code>x()</code>",
                "> We are ready to talk.", "> — Volodymyr Lytvyn, told reporters", "- One", "  1. Two point one", "---", "<dl>");
        BodyDocument back = renderer.fromMarkdown(markdown);
        assertThat(BlockRenderingTests.same(back, original)).as(markdown + "\n" + back.toJson()).isTrue();
    }

    @Test
    void codeDialogueFootnoteLinksAndBackticksSurviveTheMarkdownFallback() {
        BodyDocument original = BlockDocuments.doc(
                BodyNode.block("code_block", java.util.List.of(BodyNode.text("line one\n\n    indented ``` fence"))),
                BodyNode.block("quote", java.util.List.of(BlockDocuments.p(BlockDocuments.text("Are you coming?")),
                        BlockDocuments.p(BlockDocuments.text("— Not today.")))),
                BlockDocuments.p(BlockDocuments.text("Run "), BlockDocuments.text("a `b` c", "code"), BlockDocuments.text(" now"),
                        BodyNode.block("footnote", java.util.List.of(BodyNode.text("See "),
                                BlockDocuments.link("the report", "https://example.org/report"), BodyNode.text(".")))),
                BlockDocuments.rawHtml("<dl><dt>A</dt>\n\n<dd>B</dd></dl>"));

        BodyDocument back = renderer.fromMarkdown(renderer.toMarkdown(original));

        assertThat(BlockRenderingTests.same(back, original)).as(renderer.toMarkdown(original) + "\n" + back.toJson()).isTrue();
    }

    @Test
    void aDialogueQuoteIsNotMistakenForOneWithItsSpeaker() {
        BodyDocument dialogue = renderer.toDocument("<blockquote><p>— Are you coming?</p><p>— Not today.</p></blockquote>",
                BodyFormat.HTML);
        assertThat(dialogue.blocks().get(0).content()).extracting(BodyNode::type).containsExactly("paragraph", "paragraph");
        BodyDocument attributed = renderer.toDocument("<blockquote><p>We will return.</p><p>— The mayor</p></blockquote>",
                BodyFormat.HTML);
        assertThat(attributed.blocks().get(0).content()).extracting(BodyNode::type).containsExactly("paragraph", "attribution");
    }

    @Test
    void markdownFromEarlierArticlesBecomesBlocks() {
        BodyDocument document = renderer.fromMarkdown("""
                # Big heading

                Talks **resumed** in *Geneva*, [officials said](https://example.org/report).\\
                Second line.

                > "We agreed to continue," he said.
                >
                > — Andriy Yermak

                1. First
                2. Second
                   - nested

                | Party | Seats |
                |---|---|
                | Servant | 254 |

                https://www.youtube.com/watch?v=dQw4w9WgXcQ

                ***
                """);

        assertThat(document.blocks()).extracting(BodyNode::type).containsExactly("heading", "paragraph", "quote",
                "ordered_list", "table", "embed", "divider");
        assertThat(document.blocks().get(0).number("level")).isEqualTo(2);
        assertThat(document.blocks().get(1).content()).extracting(BodyNode::type).contains("hard_break");
        BodyNode quote = document.blocks().get(2);
        assertThat(quote.content()).extracting(BodyNode::type).containsExactly("paragraph", "attribution");
        assertThat(HtmlToBlocks.plain(quote.content().get(1))).isEqualTo("Andriy Yermak");
        assertThat(document.blocks().get(3).content().get(1).content()).extracting(BodyNode::type)
                .containsExactly("paragraph", "bullet_list");
        assertThat(document.blocks().get(5).attr("provider")).isEqualTo("youtube");
    }

    @Test
    void htmlFromAnImportKeepsWhatBlocksCanSayAndNamesTheRest() {
        BodyDocument document = renderer.toDocument("""
                <div class="entry-content">
                  <h1>Title inside</h1>
                  <p>Intro with <u>underline</u>, <s>strike</s> and <b style="font-weight:normal">plain</b> words.</p>
                  <figure class="wp-block-image"><img src="https://cdn.example.org/a.jpg" alt="A crane"><figcaption>The harbour.</figcaption></figure>
                  <blockquote><p>Quote text.</p><cite>A minister</cite></blockquote>
                  <iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="Speech"></iframe>
                  <iframe src="https://evil.example/player"></iframe>
                  <blockquote class="twitter-tweet"><p>Tweet text</p>&mdash; Someone <a href="https://twitter.com/someone/status/123456789">March 1</a></blockquote>
                  <script>alert(1)</script>
                  <pre><code>let x = 1;</code></pre>
                  <table><tr><td>a</td><td>b</td></tr></table>
                </div>
                """, BodyFormat.HTML);

        assertThat(document.blocks()).extracting(BodyNode::type).containsExactly("heading", "paragraph", "image", "quote",
                "embed", "embed", "code_block", "table");
        assertThat(HtmlToBlocks.plain(document.blocks().get(1))).isEqualTo("Intro with underline, strike and plain words.");
        BodyNode image = document.blocks().get(2);
        assertThat(image.attr("src")).isEqualTo("https://cdn.example.org/a.jpg");
        assertThat(image.attr("alt")).isEqualTo("A crane");
        assertThat(image.attr("caption")).isEqualTo("The harbour.");
        assertThat(HtmlToBlocks.plain(document.blocks().get(3).content().get(1))).isEqualTo("A minister");
        assertThat(document.blocks().get(4).attr("provider")).isEqualTo("youtube");
        assertThat(document.blocks().get(5).attr("provider")).isEqualTo("x");
        assertThat(HtmlToBlocks.plain(document.blocks().get(6))).isEqualTo("let x = 1;");
        assertThat(document.toJson()).doesNotContain("evil", "alert");
    }
}
