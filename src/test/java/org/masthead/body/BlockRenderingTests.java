package org.masthead.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.masthead.body.BlockDocuments.bullets;
import static org.masthead.body.BlockDocuments.callout;
import static org.masthead.body.BlockDocuments.divider;
import static org.masthead.body.BlockDocuments.doc;
import static org.masthead.body.BlockDocuments.embed;
import static org.masthead.body.BlockDocuments.footnote;
import static org.masthead.body.BlockDocuments.heading;
import static org.masthead.body.BlockDocuments.image;
import static org.masthead.body.BlockDocuments.item;
import static org.masthead.body.BlockDocuments.link;
import static org.masthead.body.BlockDocuments.numbered;
import static org.masthead.body.BlockDocuments.p;
import static org.masthead.body.BlockDocuments.pullquote;
import static org.masthead.body.BlockDocuments.quote;
import static org.masthead.body.BlockDocuments.rawHtml;
import static org.masthead.body.BlockDocuments.table;
import static org.masthead.body.BlockDocuments.text;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.masthead.body.BodyRenderer.RenderedBody;

/** Each block type renders to the HTML readers get, through the sanitizer, with the text search and feeds use. */
class BlockRenderingTests {

    private static final PictureSource LIBRARY = mediaId -> mediaId == 12
            ? Optional.of(new PictureSource.Picture("/media/harbour.jpg", "/media/harbour-640.jpg 640w, /media/harbour-1280.jpg 1280w",
                    1600, 900, "Library alt", "Library caption", "Library credit"))
            : Optional.empty();

    private final BodyRenderer renderer = new BodyRenderer(LIBRARY);

    private RenderedBody render(BodyDocument document) {
        return renderer.render(document.toJson(), BodyFormat.BLOCKS);
    }

    private Document html(BodyDocument document) {
        return Jsoup.parseBodyFragment(render(document).html());
    }

    @Test
    void paragraphsCarryBoldItalicCodeAndLinksAsOneLinkAcrossFormatting() {
        Document page = html(doc(p(text("Talks "), text("resumed", "strong"), text(" in "), text("Geneva", "em"),
                text(", see "), text("ceasefire()", "code"), text(". "),
                BodyNode.text("Read the ", List.of(BodyNode.Mark.link("https://example.org/s", null))),
                BodyNode.text("statement", List.of(BodyNode.Mark.link("https://example.org/s", null), BodyNode.Mark.of("strong"))))));

        assertThat(page.select("p strong").first().text()).isEqualTo("resumed");
        assertThat(page.select("p em").text()).isEqualTo("Geneva");
        assertThat(page.select("p code").text()).isEqualTo("ceasefire()");
        assertThat(page.select("a")).hasSize(1);
        assertThat(page.selectFirst("a").attr("href")).isEqualTo("https://example.org/s");
        assertThat(page.selectFirst("a").attr("rel")).isEqualTo("noopener");
        assertThat(page.selectFirst("a").text()).isEqualTo("Read the statement");
        assertThat(page.selectFirst("a strong").text()).isEqualTo("statement");
    }

    @Test
    void headingsAreLevelsTwoToFourAndNothingElse() {
        Document page = html(doc(heading(2, "Two"), heading(3, "Three"), heading(4, "Four")));
        assertThat(page.select("h2, h3, h4").eachText()).containsExactly("Two", "Three", "Four");
        assertThatThrownBy(() -> BodyDocument.parse("""
                {"type":"doc","content":[{"type":"heading","attrs":{"level":1},"content":[{"type":"text","text":"x"}]}]}"""))
                .isInstanceOf(InvalidBodyException.class).hasMessageContaining("levels 2 to 4");
    }

    @Test
    void listsNestAndNumberedListsKeepTheirStart() {
        BodyNode nested = bullets(item(p(text("Inner"))));
        Document page = html(doc(bullets(item(p(text("One"))), item(p(text("Two")), nested)),
                BodyNode.block("ordered_list", Map.of("start", 3), List.of(item(p(text("Third")))))));

        assertThat(page.select("body > ul > li")).hasSize(2);
        assertThat(page.select("ul > li > ul > li").text()).isEqualTo("Inner");
        assertThat(page.selectFirst("ol").attr("start")).isEqualTo("3");
    }

    @Test
    void aQuoteNamesWhoSaidIt() {
        RenderedBody rendered = render(doc(quote("We are ready to talk.", "Volodymyr Lytvyn, told reporters")));
        Document page = Jsoup.parseBodyFragment(rendered.html());

        assertThat(page.select("figure.quote > blockquote > p").text()).isEqualTo("We are ready to talk.");
        assertThat(page.select("figure.quote > figcaption.quote__attribution").text())
                .isEqualTo("— Volodymyr Lytvyn, told reporters");
        assertThat(rendered.text()).isEqualTo("We are ready to talk. — Volodymyr Lytvyn, told reporters");
    }

    @Test
    void aPullQuoteStandsApart() {
        Document page = html(doc(pullquote("Peace is a process.", "A diplomat")));
        assertThat(page.select("aside.pullquote > p").first().text()).isEqualTo("Peace is a process.");
        assertThat(page.select(".pullquote__attribution").text()).isEqualTo("— A diplomat");
    }

    @Test
    void aLibraryImageGetsItsVariantsItsSizeAndTheWordsGivenForThisUse() {
        Document page = html(doc(image(12, "Cranes at dawn", "The harbour reopened.", "Photo: Ana Ruiz", "wide")));
        var figure = page.selectFirst("figure.figure");

        assertThat(figure.classNames()).contains("figure--wide");
        assertThat(figure.attr("data-media-id")).isEqualTo("12");
        assertThat(figure.selectFirst("img").attr("src")).isEqualTo("/media/harbour.jpg");
        assertThat(figure.selectFirst("img").attr("srcset")).contains("/media/harbour-640.jpg 640w");
        assertThat(figure.selectFirst("img").attr("alt")).isEqualTo("Cranes at dawn");
        assertThat(figure.selectFirst("img").attr("width")).isEqualTo("1600");
        assertThat(figure.selectFirst("img").attr("loading")).isEqualTo("lazy");
        assertThat(figure.select(".figure__caption").text()).isEqualTo("The harbour reopened.");
        assertThat(figure.select(".figure__credit").text()).isEqualTo("Photo: Ana Ruiz");
        assertThat(render(doc(image(12, "Cranes", "Caption", "Credit", "full"))).imageCount()).isEqualTo(1);
    }

    @Test
    void aPictureDeletedFromTheLibraryLeavesNoBrokenImage() {
        BodyNode gone = BodyNode.block("image", Map.of("mediaId", 99, "alt", "x"), List.of());
        assertThat(html(doc(gone, p(text("After.")))).select("img")).isEmpty();
    }

    @Test
    void aGalleryListsItsPicturesUnderOneCaption() {
        BodyNode gallery = BodyNode.block("gallery", Map.of("caption", "The reopening"),
                List.of(image(12, "One", "", "", "column"), image(12, "Two", "", "Credit", "column")));
        Document page = html(doc(gallery));
        assertThat(page.select("figure.gallery li.gallery__item img")).hasSize(2);
        assertThat(page.select("figure.gallery > figcaption").text()).isEqualTo("The reopening");
    }

    @Test
    void anEmbedIsAFacadeWithALinkAndNoThirdPartyCodeUntilTheReaderAsks() {
        RenderedBody rendered = render(doc(embed("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10")));
        Document page = Jsoup.parseBodyFragment(rendered.html());
        var figure = page.selectFirst("figure.embed");

        assertThat(figure.attr("data-embed-provider")).isEqualTo("youtube");
        assertThat(figure.attr("data-embed-player")).isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
        assertThat(figure.selectFirst("a").attr("href")).isEqualTo("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10");
        assertThat(page.select("iframe, script")).isEmpty();
        assertThat(rendered.text()).doesNotContain("only if you choose");
    }

    @Test
    void everyListedProviderIsRecognisedFromTheAddressWritersPaste() {
        Map<String, String> pasted = Map.ofEntries(
                Map.entry("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
                Map.entry("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1"),
                Map.entry("https://x.com/kyivindependent/status/1760000000000000000", "https://platform.twitter.com/embed/Tweet.html?id=1760000000000000000&dnt=true"),
                Map.entry("https://t.me/durov/142", "https://t.me/durov/142?embed=1"),
                Map.entry("https://www.instagram.com/p/C3abcdEFGhi/", "https://www.instagram.com/p/C3abcdEFGhi/embed/"),
                Map.entry("https://www.facebook.com/zelenskyy.official/posts/pfbid02abc", "https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2Fzelenskyy.official%2Fposts%2Fpfbid02abc"),
                Map.entry("https://www.tiktok.com/@bbcnews/video/7300000000000000000", "https://www.tiktok.com/embed/v2/7300000000000000000"),
                Map.entry("https://soundcloud.com/npr/news-now", "https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2Fnpr%2Fnews-now"),
                Map.entry("https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk", "https://open.spotify.com/embed/episode/4rOoJ6Egrf8K2IrywzwOMk"),
                Map.entry("https://datawrapper.dwcdn.net/AbC12/3/", "https://datawrapper.dwcdn.net/AbC12/"),
                Map.entry("https://public.flourish.studio/visualisation/1234567/", "https://flo.uri.sh/visualisation/1234567/embed"));
        pasted.forEach((url, player) -> {
            assertThat(EmbedProviders.match(url)).as(url).map(EmbedProviders.Embed::playerUrl).hasValue(player);
            assertThat(EmbedProviders.isPlayer(player)).as(player).isTrue();
        });
        assertThat(EmbedProviders.match("https://evil.example/watch?v=dQw4w9WgXcQ")).isEmpty();
        assertThat(EmbedProviders.match("javascript:alert(1)")).isEmpty();
        assertThatThrownBy(() -> BodyDocument.parse("""
                {"type":"doc","content":[{"type":"embed","attrs":{"url":"https://evil.example/x"}}]}"""))
                .isInstanceOf(InvalidBodyException.class).hasMessageContaining("not from a provider");
    }

    @Test
    void aTableHasItsHeaderRowInTheHead() {
        Document page = html(doc(table(List.of("Party", "Seats"), List.of("Servant", "254"), List.of("Solidarity", "27"))));
        assertThat(page.select("table > thead > tr > th").eachText()).containsExactly("Party", "Seats");
        assertThat(page.select("table > tbody > tr")).hasSize(2);
        assertThat(page.select("tbody td").eachText()).containsExactly("Servant", "254", "Solidarity", "27");
    }

    @Test
    void aDividerAFactBoxAndFootnotes() {
        Document page = html(doc(p(text("Ceasefire")), divider(),
                callout("Fact box", p(text("The talks began in 2022.")), bullets(item(p(text("Istanbul"))))),
                p(text("The deal"), footnote("Signed in Minsk."), text(" held."))));

        assertThat(page.select("hr")).hasSize(1);
        assertThat(page.select("aside.callout > p.callout__title").text()).isEqualTo("Fact box");
        assertThat(page.select("aside.callout ul li").text()).isEqualTo("Istanbul");
        assertThat(page.selectFirst("sup.footnote-ref a").attr("href")).isEqualTo("#fn-1");
        assertThat(page.selectFirst("sup.footnote-ref").id()).isEqualTo("fnref-1");
        assertThat(page.select("section.footnotes li#fn-1").text()).startsWith("Signed in Minsk.");
        assertThat(page.selectFirst("section.footnotes a.footnote-back").attr("href")).isEqualTo("#fnref-1");
        assertThat(render(doc(p(text("The deal"), footnote("Signed in Minsk."), text(" held.")))).text())
                .isEqualTo("The deal held.\n\nSigned in Minsk.");
    }

    @Test
    void rawHtmlPassesTheSameSanitizer() {
        Document page = html(doc(rawHtml("<div><p onclick=\"steal()\">Hello <script>steal()</script><iframe src=\"https://evil.example\"></iframe>"
                + "<a href=\"javascript:steal()\">x</a><span style=\"color:red\">red</span></p></div>")));
        String html = page.body().html();
        assertThat(html).doesNotContain("onclick", "script", "steal", "iframe", "javascript", "style");
        assertThat(page.text()).contains("Hello", "red");
    }

    @Test
    void dangerousAddressesInBlocksAreRefusedOrRemoved() {
        assertThatThrownBy(() -> BodyDocument.parse("""
                {"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"x",
                 "marks":[{"type":"link","attrs":{"href":"javascript:alert(1)"}}]}]}]}"""))
                .isInstanceOf(InvalidBodyException.class).hasMessageContaining("link");
        assertThatThrownBy(() -> BodyDocument.parse("""
                {"type":"doc","content":[{"type":"image","attrs":{"src":"javascript:alert(1)"}}]}"""))
                .isInstanceOf(InvalidBodyException.class);
        assertThatThrownBy(() -> BodyDocument.parse("{\"type\":\"doc\",\"content\":[{\"type\":\"script\"}]}"))
                .isInstanceOf(InvalidBodyException.class).hasMessageContaining("unknown kind of block");
        assertThatThrownBy(() -> BodyDocument.parse("not json")).isInstanceOf(InvalidBodyException.class);
        assertThatThrownBy(() -> BodyDocument.parse("""
                {"type":"doc","content":[{"type":"list_item","content":[]}]}""")).isInstanceOf(InvalidBodyException.class);
        // a forged facade in HTML from elsewhere keeps no player from an unlisted site
        String forged = renderer.render("<figure class=\"embed\" data-embed-url=\"https://evil.example\" "
                + "data-embed-player=\"https://evil.example/player\"><a href=\"https://evil.example\">x</a></figure>", BodyFormat.HTML).html();
        assertThat(forged).doesNotContain("data-embed-player");
    }

    @Test
    void aCodeBlockKeepsItsSpacingAndShowsItsMarkupAsText() {
        Document page = html(doc(BodyNode.block("code_block", List.of(BodyNode.text("if (a < b) {\n    go();\n}")))));
        assertThat(page.selectFirst("pre > code").wholeText()).isEqualTo("if (a < b) {\n    go();\n}");
    }

    @Test
    void anUnclosedTagInRawHtmlCannotSwallowTheBlocksAfterIt() {
        Document page = html(doc(rawHtml("<a href=\"https://example.org\">open link<table><tr><td>x"), p(text("After the HTML."))));
        assertThat(page.select("body > p").last().text()).isEqualTo("After the HTML.");
        assertThat(page.select("a p, table p")).as("the next block stays outside the raw HTML's tags").isEmpty();
    }

    @Test
    void anEmbedsPlayerIsAlwaysTheOneItsAddressMakes() {
        String forged = renderer.render("<figure class=\"embed\" data-embed-url=\"https://www.youtube.com/watch?v=aqz-KE-bpKQ\" "
                + "data-embed-player=\"https://www.youtube-nocookie.com/embed/SOMETHINGELS\"><a href=\"https://www.youtube.com/watch?v=aqz-KE-bpKQ\">x</a></figure>",
                BodyFormat.HTML).html();
        assertThat(Jsoup.parseBodyFragment(forged).selectFirst("figure").attr("data-embed-player"))
                .isEqualTo("https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ");
    }

    @Test
    void emptyRunsOfTextAreDroppedSoTheEditorCanOpenTheDocument() {
        BodyDocument parsed = BodyDocument.parse("""
                {"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":""},{"type":"text","text":"Kept"}]}]}""");
        assertThat(parsed.blocks().get(0).content()).extracting(BodyNode::text).containsExactly("Kept");
    }

    @Test
    void theDocumentSurvivesAJsonRoundTrip() {
        BodyDocument document = everyBlock();
        assertThat(same(BodyDocument.parse(document.toJson()), document)).isTrue();
        assertThat(document.mediaIds()).containsExactly(12L);
        assertThat(document.rawHtml()).containsExactly("<dl><dt>Term</dt><dd>Meaning</dd></dl>");
    }

    static BodyDocument everyBlock() {
        return doc(heading(2, "What was said"),
                p(text("Talks "), text("resumed", "strong"), text(" in "), text("Geneva", "em"), text(", "),
                        link("officials said", "https://example.org/report"), text(". Use "), text("x()", "code"),
                        text("."), footnote("According to the ministry.")),
                quote("We are ready to talk.", "Volodymyr Lytvyn, told reporters"),
                pullquote("Peace is a process.", "A diplomat"),
                bullets(item(p(text("One"))), item(p(text("Two")), numbered(item(p(text("Two point one")))))),
                image(12, "Cranes at dawn", "The harbour reopened.", "Photo: Ana Ruiz", "wide"),
                embed("https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
                table(List.of("Party", "Seats"), List.of("Servant", "254")),
                divider(),
                callout("Fact box", p(text("The talks began in 2022."))),
                rawHtml("<dl><dt>Term</dt><dd>Meaning</dd></dl>"));
    }

    /** Equal documents, whatever order their attributes were written in. */
    static boolean same(BodyDocument a, BodyDocument b) {
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        return json.readTree(a.toJson()).equals(json.readTree(b.toJson()));
    }
}
