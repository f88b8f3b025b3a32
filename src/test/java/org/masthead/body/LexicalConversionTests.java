package org.masthead.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.masthead.body.BlockDocuments.bullets;
import static org.masthead.body.BlockDocuments.callout;
import static org.masthead.body.BlockDocuments.doc;
import static org.masthead.body.BlockDocuments.footnote;
import static org.masthead.body.BlockDocuments.heading;
import static org.masthead.body.BlockDocuments.image;
import static org.masthead.body.BlockDocuments.item;
import static org.masthead.body.BlockDocuments.link;
import static org.masthead.body.BlockDocuments.numbered;
import static org.masthead.body.BlockDocuments.p;
import static org.masthead.body.BlockDocuments.pullquote;
import static org.masthead.body.BlockDocuments.quote;
import static org.masthead.body.BlockDocuments.table;
import static org.masthead.body.BlockDocuments.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ghost's Lexical bodies read as blocks, and blocks written as Lexical that read back as the same blocks. The
 * documents under {@code src/test/resources/lexical/} are Ghost's and Koenig's own fixtures (their README names the
 * files they come from): Ghost's "golden post" has every card Ghost has.
 */
class LexicalConversionTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LongFunction<String> LIBRARY = mediaId -> "https://news.example/media/picture-" + mediaId + ".jpg";

    // ------------------------------------------------------------------------------------------- Ghost → blocks

    @Test
    void ghostsGoldenPostKeepsEveryCardAsItsClosestBlocks() {
        List<BodyNode> blocks = LexicalToBlocks.convert(resource("ghost-golden-post.json")).blocks();

        assertThat(blocks).extracting(BodyNode::type).containsExactly(
                "paragraph", "quote", "pullquote", "heading", "heading", "image", "heading", "paragraph", // markdown card
                "paragraph", "paragraph", // html card
                "divider", "gallery", "paragraph", "paragraph", // bookmark and its caption
                "raw_html", "raw_html", "raw_html", // email, email-cta, paywall
                "paragraph", "callout", "heading", "paragraph", // button, callout, toggle
                "paragraph", "paragraph", "paragraph", // audio, video and its caption
                "image", "paragraph", "paragraph", "paragraph", "paragraph", // product
                "heading", "paragraph", "embed", "raw_html", // header, embed, signup
                "paragraph", "quote", "paragraph", "code_block", "paragraph", "paragraph", "callout"); // …, file, call to action
        assertThat(plain(blocks.get(0))).isEqualTo("This is just a simple paragraph, no frills.");
        assertThat(plain(blocks.get(1))).isEqualTo("This is block quote");
        assertThat(blocks.get(1).content()).extracting(BodyNode::type).containsExactly("paragraph");
        assertThat(plain(blocks.get(2))).isEqualTo("This is a...different block quote");
        assertThat(blocks.get(2).attr("attribution")).isEmpty();
        assertThat(blocks.get(3).number("level")).isEqualTo(2);
        assertThat(blocks.get(4).number("level")).isEqualTo(3);
        assertThat(plain(blocks.get(4))).isEqualTo("Here's a smaller heading.");

        BodyNode image = blocks.get(5);
        assertThat(image.attr("src")).startsWith("https://upload.wikimedia.org/wikipedia/commons/thumb/8/8c/Cow_%28Fleckvieh");
        assertThat(image.attr("alt")).isEqualTo("Cows eat grass.");
        assertThat(image.attr("caption")).isEqualTo("A lovely cow");
        assertThat(image.attr("size")).isEqualTo("column");
        assertThat(image.attrs()).doesNotContainKeys("mediaId", "width");

        assertThat(blocks.get(6).number("level")).isEqualTo(2); // "# A heading" in the markdown card
        assertThat(plain(blocks.get(6))).isEqualTo("A heading");
        assertThat(plain(blocks.get(7))).isEqualTo("and a paragraph (in markdown!)");
        assertThat(plain(blocks.get(8))).isEqualTo("A paragraph inside an HTML card.");
        assertThat(blocks.get(9).content()).contains(text("bold", "strong"));

        BodyNode gallery = blocks.get(11);
        assertThat(gallery.attr("caption")).isEqualTo("A gallery.");
        assertThat(gallery.content()).hasSize(3).allSatisfy(picture -> assertThat(picture.attr("src")).startsWith("https://"));
        assertThat(gallery.content().get(2).number("width")).isEqualTo(2070);
        assertThat(gallery.content().get(2).number("height")).isEqualTo(1380);

        assertThat(blocks.get(12).content()).containsExactly(link("Ghost: Independent technology for modern publishing", "https://ghost.org"));
        assertThat(plain(blocks.get(13))).isEqualTo("My favorite website.");
        assertThat(blocks.subList(14, 17)).extracting(block -> block.attr("html").substring(0, block.attr("html").indexOf(' ')))
                .containsExactly("<!--ghost-card:email", "<!--ghost-card:email-cta", "<!--ghost-card:paywall");
        assertThat(blocks.get(17).content()).containsExactly(link("Click me, I'm a button!", "https://ghost.org"));

        BodyNode callout = blocks.get(18);
        assertThat(callout.attr("title")).isEmpty();
        assertThat(callout.content()).containsExactly(p(text("I had an idea...")));

        assertThat(blocks.get(19).number("level")).isEqualTo(4); // the toggle's heading, as Ghost shows it
        assertThat(plain(blocks.get(19))).isEqualTo("Spoiler alert!");
        assertThat(plain(blocks.get(20))).isEqualTo("Just kidding");
        assertThat(blocks.get(21).content()).containsExactly(text("Audio: "),
                link("Sample", "https://main.ghost.org/content/media/2023/12/sample.mp3"));
        assertThat(blocks.get(22).content()).containsExactly(text("Video: "),
                link("sample_640x360.mp4", "https://main.ghost.org/content/media/2023/12/sample_640x360.mp4"));
        assertThat(plain(blocks.get(23))).isEqualTo("A lovely video of a woman on the beach doing nothing.");

        assertThat(blocks.get(24).attr("src")).isEqualTo("https://main.ghost.org/content/images/2023/12/ghost-logo.png");
        assertThat(blocks.get(24).number("width")).isEqualTo(800);
        assertThat(blocks.get(25).content()).containsExactly(text("Make a blog!", "strong"));
        assertThat(plain(blocks.get(26))).isEqualTo("★★★★★");
        assertThat(plain(blocks.get(27))).isEqualTo("with Ghost");
        assertThat(blocks.get(28).content()).containsExactly(link("Click here", "https://ghost.org"));

        assertThat(blocks.get(29).number("level")).isEqualTo(2);
        assertThat(plain(blocks.get(29))).isEqualTo("Good news everyone!");
        assertThat(blocks.get(30).content()).containsExactly(text("This header renders properly in "), text("all", "em"),
                text(" email clients!"));

        BodyNode embed = blocks.get(31);
        assertThat(embed.attr("url")).isEqualTo("https://www.youtube.com/watch?v=jfKfPfyJRdk");
        assertThat(embed.attr("provider")).isEqualTo("youtube");
        assertThat(embed.attr("title")).isEqualTo("lofi hip hop radio 📚 - beats to relax/study to");
        assertThat(blocks.get(32).attr("html")).startsWith("<!--ghost-card:signup {").endsWith("}-->");

        assertThat(plain(blocks.get(36))).isEqualTo("console.log('Hello world!');");
        assertThat(plain(blocks.get(37))).isEqualTo("A tiny little script.");
        assertThat(blocks.get(38).content()).containsExactly(link("test", "https://main.ghost.org/content/files/2023/11/test.txt"),
                text(" — A tiny text file."));

        BodyNode callToAction = blocks.get(39);
        assertThat(callToAction.attr("title")).isEqualTo("SPONSORED test card");
        assertThat(callToAction.content()).containsExactly(p(text("Here’s a basic CTA card")),
                p(link("Learn more", "https://koenig.ghost.org/")));
    }

    @Test
    void cardsMastheadCannotShowAreInvisibleToReadersAndComeBackToGhostUnchanged() {
        String golden = resource("ghost-golden-post.json");
        BodyDocument document = LexicalToBlocks.convert(golden);

        BodyRenderer.RenderedBody page = new BodyRenderer().render(document.toJson(), BodyFormat.BLOCKS);
        assertThat(page.html()).doesNotContain("ghost-card", "Sign up for This Is The Main", "fellow users of electronic mail");
        assertThat(page.text()).contains("A lovely cow", "I had an idea...", "Spoiler alert!");

        JsonNode original = JSON.readTree(golden).path("root").path("children");
        JsonNode written = JSON.readTree(BlocksToLexical.convert(document)).path("root").path("children");
        for (String type : List.of("email", "email-cta", "paywall", "signup")) {
            assertThat(card(written, type)).as(type).isEqualTo(card(original, type));
        }
    }

    @Test
    void aKeptCardSurvivesWhateverItsTextHolds() {
        String lexical = root("""
                {"type": "future-card", "version": 2, "note": "a -- b --> c <!-- d", "list": [1, -2, {"x": "</p>"}]},
                {"type": "fancy-wrapper", "children": [%s]}""".formatted(paragraph(textNode("Inside a wrapper", 0))));

        BodyDocument document = LexicalToBlocks.convert(lexical);

        assertThat(document.blocks()).extracting(BodyNode::type).containsExactly("raw_html", "paragraph");
        String html = document.blocks().get(0).attr("html");
        assertThat(html.indexOf("-->")).isEqualTo(html.length() - 3);
        assertThat(html).doesNotContain("</p>");
        assertThat(plain(document.blocks().get(1))).isEqualTo("Inside a wrapper");
        JsonNode restored = JSON.readTree(BlocksToLexical.convert(document)).path("root").path("children").get(0);
        assertThat(restored).isEqualTo(JSON.readTree(lexical).path("root").path("children").get(0));
    }

    @Test
    void formatsMastheadCannotExpressKeepTheirText() {
        List<BodyNode> paragraphs = LexicalToBlocks.convert(resource("koenig-text-formats.json")).blocks();

        assertThat(paragraphs).extracting(BodyNode::content).containsExactly(
                List.of(text("Strong", "strong")),
                List.of(text("Italic", "em")),
                List.of(text("Strikethrough")),
                List.of(text("Underline")),
                List.of(text("Code", "code")),
                List.of(text("Subscript")),
                List.of(text("Superscript")),
                List.of(text("Highlight")),
                List.of(text("Strong ", "strong"), text("Italic", "strong", "em")),
                List.of(text("First bold", "strong"), BodyNode.block("hard_break", List.of()), text("Second italic", "em")));
    }

    @Test
    void aLinkMarksItsTextAndKeepsItsFormatting() {
        List<BodyNode> blocks = LexicalToBlocks.convert(resource("koenig-link-formats.json")).blocks();

        BodyNode.Mark ghost = BodyNode.Mark.link("https://ghost.org", null);
        assertThat(blocks).hasSize(1);
        assertThat(blocks.get(0).content()).containsExactly(
                text("Strong ", "strong"),
                BodyNode.text("link plain ", List.of(ghost)),
                BodyNode.text("italic", List.of(ghost, BodyNode.Mark.of("em"))),
                text(" Strong", "strong"));
    }

    @Test
    void aNestedListMovesIntoTheItemItFollows() {
        BodyDocument document = LexicalToBlocks.convert(resource("koenig-nested-lists.json"));

        BodyNode expected = bullets(
                item(p(text("one")), numbered(
                        item(p(text("two.one")), bullets(item(p(text("three.one"))), item(p(text("three.two"))))),
                        item(p(text("two.three"))))),
                item(p(text("three"))));
        assertThat(BlockRenderingTests.same(document, doc(expected))).as(document.toJson()).isTrue();
    }

    @Test
    void koenigsDemoReadsAsHeadingsParagraphsLinksAndPictures() {
        List<BodyNode> blocks = LexicalToBlocks.convert(resource("koenig-demo-content.json")).blocks();

        assertThat(blocks).extracting(BodyNode::type).containsExactly("paragraph", "heading", "paragraph", "image", "paragraph",
                "paragraph", "heading", "paragraph", "paragraph", "image", "paragraph", "heading", "paragraph");
        assertThat(blocks.get(1).number("level")).isEqualTo(3);
        assertThat(plain(blocks.get(1))).isEqualTo("Rich editing");
        BodyNode picture = blocks.get(3);
        assertThat(picture.attr("src")).isEqualTo("/Koenig-editor-1.png");
        assertThat(picture.number("width")).isEqualTo(1480);
        assertThat(picture.number("height")).isEqualTo(486);
        assertThat(blocks.get(4).content()).contains(text("italic ", "em"), text("bold", "strong"), text("I", "code"),
                link("ghost.org/changelog/markdown/", "https://ghost.org/changelog/markdown/"));
    }

    @Test
    void quotesReadTheirParagraphsFromLineBreaksAndTheirSpeakerFromADash() {
        String lexical = root(element("quote", String.join(",", textNode("We agreed to continue.", 0), lineBreak(), lineBreak(),
                textNode("Talks resume ", 0), textNode("Monday", 2), lineBreak(), lineBreak(), textNode("— Andriy Yermak", 0))),
                element("aside", String.join(",", textNode("Peace is a process.", 0), lineBreak(), lineBreak(),
                        textNode("— A diplomat", 0))),
                element("quote", String.join(",", textNode("— Are you coming?", 0), lineBreak(), lineBreak(),
                        textNode("— Not today.", 0))));

        List<BodyNode> blocks = LexicalToBlocks.convert(lexical).blocks();

        assertThat(blocks.get(0).content()).containsExactly(p(text("We agreed to continue.")),
                p(text("Talks resume "), text("Monday", "em")),
                BodyNode.block("attribution", List.of(text("Andriy Yermak"))));
        assertThat(blocks.get(1)).isEqualTo(pullquote("Peace is a process.", "A diplomat"));
        assertThat(blocks.get(2).content()).extracting(BodyNode::type).containsExactly("paragraph", "paragraph"); // dialogue
    }

    @Test
    void embedsFromListedProvidersStayEmbedsAndOthersBecomeLinks() {
        String lexical = root("""
                {"type": "embed", "version": 1, "url": "https://example.com/clips/7", "embedType": "video",
                 "html": "<iframe src=\\"https://player.example.com/7\\"></iframe>", "metadata": {"title": "A clip"}, "caption": ""},
                {"type": "embed", "version": 1, "url": "", "embedType": "video",
                 "html": "<iframe src=\\"https://player.vimeo.com/video/76979871\\"></iframe>", "metadata": {}, "caption": "<p>Seen <b>here</b></p>"}""");

        List<BodyNode> blocks = LexicalToBlocks.convert(lexical).blocks();

        assertThat(blocks).extracting(BodyNode::type).containsExactly("paragraph", "embed", "paragraph");
        assertThat(blocks.get(0).content()).containsExactly(link("A clip", "https://example.com/clips/7"));
        assertThat(blocks.get(1).attr("provider")).isEqualTo("vimeo");
        assertThat(blocks.get(2).content()).containsExactly(text("Seen "), text("here", "strong"));
    }

    @Test
    void anHtmlCardBecomesBlocksOnlyWhenTheySayTheSame() {
        String lexical = root("""
                {"type": "html", "version": 1, "html": "<table><tr><th>Party</th><th>Seats</th></tr><tr><td>Servant</td><td>254</td></tr></table>"},
                {"type": "html", "version": 1, "html": "<div class=\\"signup\\"><p>Join us</p><form action=\\"/x\\"><input name=\\"email\\"></form></div>"},
                {"type": "html", "version": 1, "html": "<iframe src=\\"https://www.youtube.com/embed/dQw4w9WgXcQ\\"></iframe>"}""");

        List<BodyNode> blocks = LexicalToBlocks.convert(lexical).blocks();

        assertThat(blocks).extracting(BodyNode::type).containsExactly("table", "raw_html", "embed");
        assertThat(blocks.get(0)).isEqualTo(table(List.of("Party", "Seats"), List.of("Servant", "254")));
        assertThat(blocks.get(1).attr("html")).contains("<form");
        assertThat(blocks.get(2).attr("provider")).isEqualTo("youtube");
    }

    @Test
    void whatTheSchemaRefusesNeverComesThrough() {
        String lexical = root(
                "{\"type\": \"heading\", \"tag\": \"h1\", \"children\": [" + textNode("Top", 0) + "]}",
                "{\"type\": \"extended-heading\", \"tag\": \"h6\", \"children\": [" + textNode("Small", 0) + "]}",
                paragraph(""),
                paragraph(String.join(",",
                        "{\"type\": \"link\", \"url\": \"javascript:alert(1)\", \"children\": [" + textNode("click", 0) + "]}",
                        textNode(" and ", 0),
                        "{\"type\": \"link\", \"url\": \"__GHOST_URL__/about/\", \"children\": [" + textNode("about", 0) + "]}")),
                "{\"type\": \"image\", \"version\": 1, \"src\": \"data:image/png;base64,AAAA\", \"alt\": \"x\"}",
                "{\"type\": \"html\", \"version\": 1, \"html\": \"<script>alert(1)</script><p onclick=\\\"steal()\\\">Hi</p>\"}");

        BodyDocument document = LexicalToBlocks.convert(lexical);

        assertThat(document.blocks()).extracting(BodyNode::type).containsExactly("heading", "heading", "paragraph", "raw_html",
                "raw_html");
        assertThat(document.blocks()).extracting(block -> block.number("level")).startsWith(2L, 4L);
        assertThat(document.blocks().get(2).content()).containsExactly(text("click and "), link("about", "/about/"));
        assertThat(document.blocks().get(3).attr("html")).startsWith("<!--ghost-card:image {");
        assertThat(document.toJson()).doesNotContain("javascript:");
        assertThat(BlockRenderingTests.same(BodyDocument.parse(document.toJson()), document)).isTrue();
        String page = new BodyRenderer().render(document.toJson(), BodyFormat.BLOCKS).html();
        assertThat(page).contains("Hi", "href=\"/about/\"").doesNotContain("script", "steal", "data:image", "ghost-card");
    }

    @Test
    void whatIsNotLexicalIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> LexicalToBlocks.convert("{\"root\": {\"type\": \"root\", \"children\": [")) // cut short
                .isInstanceOf(InvalidBodyException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> LexicalToBlocks.convert("{\"type\": \"doc\", \"content\": []}"))
                .isInstanceOf(InvalidBodyException.class).hasMessageContaining("not a Lexical document");
        assertThatThrownBy(() -> LexicalToBlocks.convert("{\"root\": {\"type\": \"root\"}}"))
                .isInstanceOf(InvalidBodyException.class).hasMessageContaining("not a Lexical document");
        assertThatThrownBy(() -> LexicalToBlocks.convert("[1, 2]"))
                .isInstanceOf(InvalidBodyException.class).hasMessageContaining("not a Lexical document");
        assertThatThrownBy(() -> LexicalToBlocks.convert(" "))
                .isInstanceOf(InvalidBodyException.class).hasMessageContaining("empty");

        String list = element("list", element("listitem", textNode("deepest", 0)));
        for (int level = 0; level < 30; level++) {
            list = element("list", element("listitem", list));
        }
        String deep = root(list);
        assertThatThrownBy(() -> LexicalToBlocks.convert(deep))
                .isInstanceOf(InvalidBodyException.class).hasMessageContaining("too deeply");
    }

    // ------------------------------------------------------------------------------------------- blocks → Ghost

    @Test
    void blocksAreWrittenInTheShapesGhostsEditorSaves() {
        JsonNode lexical = JSON.readTree(BlocksToLexical.convert(doc(heading(2, "Title"),
                p(text("Bold", "strong"), text(" and "), link("a link", "https://example.org"), BodyNode.block("hard_break", List.of())),
                bullets(item(p(text("One"))), item(p(text("Two")), numbered(item(p(text("Two point one")))))),
                p(text("مرحبا")))));

        JsonNode root = lexical.path("root");
        assertThat(root.path("type").asString()).isEqualTo("root");
        assertThat(root.path("version").asInt()).isEqualTo(1);
        assertThat(root.path("format").asString()).isEmpty();
        assertThat(root.path("indent").asInt()).isZero();
        assertThat(root.path("direction").asString()).isEqualTo("ltr");

        JsonNode heading = root.path("children").get(0);
        assertThat(heading.path("type").asString()).isEqualTo("heading");
        assertThat(heading.path("tag").asString()).isEqualTo("h2");
        assertThat(heading.path("children").get(0)).isEqualTo(JSON.readTree(textNode("Title", 0)));

        JsonNode paragraph = root.path("children").get(1);
        assertThat(paragraph.path("type").asString()).isEqualTo("paragraph");
        assertThat(paragraph.path("children").get(0).path("format").asInt()).isEqualTo(1);
        JsonNode link = paragraph.path("children").get(2);
        assertThat(link.path("type").asString()).isEqualTo("link");
        assertThat(link.path("url").asString()).isEqualTo("https://example.org");
        assertThat(link.path("rel").isNull()).isTrue();
        assertThat(link.path("children").get(0).path("text").asString()).isEqualTo("a link");
        assertThat(paragraph.path("children").get(3)).isEqualTo(JSON.readTree(lineBreak()));

        JsonNode list = root.path("children").get(2);
        assertThat(list.path("listType").asString()).isEqualTo("bullet");
        assertThat(list.path("tag").asString()).isEqualTo("ul");
        assertThat(list.path("start").asInt()).isEqualTo(1);
        assertThat(list.path("children")).extracting(item -> item.path("type").asString()).containsOnly("listitem");
        assertThat(list.path("children").get(2).path("children").get(0).path("listType").asString()).isEqualTo("number");

        assertThat(root.path("children").get(3).path("direction").asString()).isEqualTo("rtl");
    }

    @Test
    void everyBlockComesBackFromLexicalAsItWas() {
        BodyDocument original = BlockRenderingTests.everyBlock();

        String lexical = BlocksToLexical.convert(original, LIBRARY);
        BodyDocument back = LexicalToBlocks.convert(lexical);

        // the library picture comes back by the address the Admin API maps to the library again
        List<BodyNode> expected = new ArrayList<>(original.blocks());
        int picture = expected.indexOf(image(12, "Cranes at dawn", "The harbour reopened.", "Photo: Ana Ruiz", "wide"));
        expected.set(picture, picture("https://news.example/media/picture-12.jpg", "Cranes at dawn", "The harbour reopened.",
                "Photo: Ana Ruiz", "wide"));
        assertThat(BlockRenderingTests.same(back, new BodyDocument(expected))).as(lexical + "\n" + back.toJson()).isTrue();
    }

    @Test
    void aGhostPostComesBackFromMastheadAsItWasRead() {
        BodyDocument first = LexicalToBlocks.convert(resource("ghost-golden-post.json"));

        BodyDocument again = LexicalToBlocks.convert(BlocksToLexical.convert(first));

        assertThat(BlockRenderingTests.same(again, first)).as(again.toJson()).isTrue();
    }

    @Test
    void blocksLexicalHasNoNodeForTravelAsHtmlCardsAndComeBackTheSame() {
        BodyDocument original = doc(
                table(List.of("Party", "Seats"), List.of("Servant", "254")),
                callout("Fact box", bullets(item(p(text("Talks began in 2022."))))),
                bullets(item(p(text("With a picture")), picture("https://cdn.example.org/a.jpg", "A crane", "", "", "column"))),
                BodyNode.block("quote", List.of(p(text("Are you coming?")), p(text("— Not today.")))));

        String lexical = BlocksToLexical.convert(original);

        assertThat(JSON.readTree(lexical).path("root").path("children")).extracting(node -> node.path("type").asString())
                .containsExactly("html", "html", "html", "html");
        BodyDocument back = LexicalToBlocks.convert(lexical);
        assertThat(BlockRenderingTests.same(back, original)).as(lexical + "\n" + back.toJson()).isTrue();
    }

    @Test
    void quotesPullQuotesAndCalloutsTravelAsGhostsOwnNodes() {
        BodyDocument original = doc(
                BodyNode.block("quote", List.of(p(text("We agreed to continue.")), p(text("Talks resume "), text("Monday", "em")),
                        BodyNode.block("attribution", List.of(text("Andriy Yermak, "), link("said", "https://example.org/s"))))),
                BodyNode.block("pullquote", Map.of("attribution", "A diplomat"), List.of(text("Peace is "),
                        text("a process", "em"), BodyNode.block("hard_break", List.of()), text("and a habit."))),
                callout("Fact box", p(text("The talks began in 2022.")), p(text("They stopped "), text("twice", "strong"), text("."))),
                callout("", p(text("No title here."))));

        String lexical = BlocksToLexical.convert(original);

        JsonNode children = JSON.readTree(lexical).path("root").path("children");
        assertThat(children).extracting(node -> node.path("type").asString()).containsExactly("quote", "aside", "callout", "callout");
        assertThat(children.get(0).path("children")).extracting(node -> node.path("type").asString())
                .containsExactly("text", "linebreak", "linebreak", "text", "text", "linebreak", "linebreak", "text", "text", "link");
        assertThat(children.get(2).path("calloutText").asString())
                .isEqualTo("<p><strong>Fact box</strong><br><br>The talks began in 2022.<br><br>They stopped <strong>twice</strong>.</p>");
        assertThat(children.get(2).path("calloutEmoji").asString()).isEmpty();
        BodyDocument back = LexicalToBlocks.convert(lexical);
        assertThat(BlockRenderingTests.same(back, original)).as(lexical + "\n" + back.toJson()).isTrue();
    }

    @Test
    void picturesAndGalleriesKeepTheirCaptionsCreditsAndSizes() {
        Map<String, Object> sized = new LinkedHashMap<>(picture("https://cdn.example.org/b.jpg", "B", "Second", "", "column").attrs());
        sized.remove("size");
        sized.put("width", 1200);
        sized.put("height", 800);
        Map<String, Object> first = new LinkedHashMap<>(picture("https://cdn.example.org/a.jpg", "A", "First", "Photo: Ana Ruiz", "column").attrs());
        first.remove("size");
        BodyDocument original = doc(
                picture("https://cdn.example.org/full.jpg", "Harbour", "The harbour reopened.", "Photo: Ana Ruiz", "full"),
                BodyNode.block("gallery", Map.of("caption", "Two cranes"), List.of(BodyNode.block("image", first, List.of()),
                        BodyNode.block("image", sized, List.of()))));

        String lexical = BlocksToLexical.convert(original);

        JsonNode children = JSON.readTree(lexical).path("root").path("children");
        assertThat(children.get(0).path("cardWidth").asString()).isEqualTo("full");
        assertThat(children.get(0).path("caption").asString())
                .isEqualTo("The harbour reopened. <span class=\"figure__credit\">Photo: Ana Ruiz</span>");
        assertThat(children.get(1).path("images").get(1).path("width").asInt()).isEqualTo(1200);
        BodyDocument back = LexicalToBlocks.convert(lexical);
        assertThat(BlockRenderingTests.same(back, original)).as(lexical + "\n" + back.toJson()).isTrue();
    }

    @Test
    void libraryPicturesGetTheAddressTheCallerGivesOrTheirOwn() {
        BodyNode addressless = BodyNode.block("image", Map.of("mediaId", 99, "alt", "Gone"), List.of());

        JsonNode resolved = JSON.readTree(BlocksToLexical.convert(doc(image(12, "Cranes", "", "", "column")), LIBRARY));
        JsonNode stored = JSON.readTree(BlocksToLexical.convert(doc(image(12, "Cranes", "", "", "column"), addressless)));

        assertThat(resolved.path("root").path("children").get(0).path("src").asString())
                .isEqualTo("https://news.example/media/picture-12.jpg");
        assertThat(stored.path("root").path("children")).hasSize(1); // the picture without any address is left out
        assertThat(stored.path("root").path("children").get(0).path("src").asString()).isEqualTo("/media/picture-12.jpg");
    }

    @Test
    void footnotesTravelAsLinksToTheirNotesAndComeBackAsFootnotes() {
        BodyDocument original = doc(p(text("Talks resumed"), footnote("According to the ministry."), text(" on Monday.")),
                quote("We are ready.", "A minister"), p(text("Again"), footnote("Second note.")));

        String lexical = BlocksToLexical.convert(original);

        JsonNode children = JSON.readTree(lexical).path("root").path("children");
        JsonNode reference = children.get(0).path("children").get(1);
        assertThat(reference.path("type").asString()).isEqualTo("link");
        assertThat(reference.path("url").asString()).isEqualTo("#fn-1");
        assertThat(reference.path("children").get(0).path("text").asString()).isEqualTo("1");
        assertThat(reference.path("children").get(0).path("format").asInt()).isEqualTo(64); // superscript
        JsonNode notes = children.get(children.size() - 1);
        assertThat(notes.path("type").asString()).isEqualTo("html");
        assertThat(notes.path("html").asString()).startsWith("<section class=\"footnotes\"")
                .contains("<li id=\"fn-1\">According to the ministry.</li>", "<li id=\"fn-2\">Second note.</li>");
        BodyDocument back = LexicalToBlocks.convert(lexical);
        assertThat(BlockRenderingTests.same(back, original)).as(lexical + "\n" + back.toJson()).isTrue();
    }

    @Test
    void anEmptyBodyIsGhostsEmptyParagraph() {
        JsonNode root = JSON.readTree(BlocksToLexical.convert(BodyDocument.empty())).path("root");

        assertThat(root.path("children")).hasSize(1);
        assertThat(root.path("children").get(0).path("type").asString()).isEqualTo("paragraph");
        assertThat(root.path("children").get(0).path("direction").isNull()).isTrue();
        assertThat(LexicalToBlocks.convert(BlocksToLexical.convert(BodyDocument.empty())).blocks()).isEmpty();
    }

    // -------------------------------------------------------------------------------------------------- helpers

    private static String resource(String name) {
        try (InputStream in = LexicalConversionTests.class.getResourceAsStream("/lexical/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode card(JsonNode children, String type) {
        for (JsonNode child : children) {
            if (type.equals(child.path("type").asString(""))) {
                return child;
            }
        }
        return null;
    }

    private static String plain(BodyNode node) {
        return HtmlToBlocks.plain(node);
    }

    /** A picture by its address (from an import or Ghost), as {@link LexicalToBlocks} reads one. */
    private static BodyNode picture(String src, String alt, String caption, String credit, String size) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("src", src);
        attrs.put("alt", alt);
        attrs.put("caption", caption);
        attrs.put("credit", credit);
        attrs.put("size", size);
        return BodyNode.block("image", attrs, List.of());
    }

    private static String root(String... children) {
        return "{\"root\": {\"children\": [" + String.join(",", children)
                + "], \"direction\": \"ltr\", \"format\": \"\", \"indent\": 0, \"type\": \"root\", \"version\": 1}}";
    }

    private static String element(String type, String children) {
        return "{\"children\": [" + children + "], \"direction\": \"ltr\", \"format\": \"\", \"indent\": 0, \"type\": \""
                + type + "\", \"version\": 1}";
    }

    private static String paragraph(String children) {
        return element("paragraph", children);
    }

    private static String textNode(String text, int format) {
        return "{\"detail\": 0, \"format\": " + format + ", \"mode\": \"normal\", \"style\": \"\", \"text\": \""
                + text.replace("\"", "\\\"") + "\", \"type\": \"text\", \"version\": 1}";
    }

    private static String lineBreak() {
        return "{\"type\": \"linebreak\", \"version\": 1}";
    }
}
