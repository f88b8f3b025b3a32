package org.masthead.archive.ghost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.masthead.body.BodyDocument;
import org.masthead.body.BodyFormat;
import org.masthead.body.BodyNode;
import org.masthead.body.BodyRenderer;

/** Mobiledoc, the body format of Ghost 1 to 4, as HTML that Masthead reads back into the blocks it stands for. */
class MobiledocHtmlTests {

    /** A mobiledoc 0.3 document from its parts, each written as JSON. */
    private static String mobiledoc(String markups, String atoms, String cards, String sections) {
        return "{\"version\":\"0.3.1\",\"ghostVersion\":\"4.0\",\"markups\":" + markups + ",\"atoms\":" + atoms
                + ",\"cards\":" + cards + ",\"sections\":" + sections + "}";
    }

    /** A document holding one card and nothing else. */
    private static MobiledocHtml.Rendered card(String name, String payload) {
        return MobiledocHtml.renderWithWarnings(mobiledoc("[]", "[]", "[[\"" + name + "\"," + payload + "]]", "[[10,0]]"));
    }

    @Test
    void paragraphsHeadingsAndQuotesKeepTheirTagsAndGhostsAsideIsAPullQuote() {
        String html = MobiledocHtml.render(mobiledoc("[]", "[]", "[]", """
                [[1,"h2",[[0,[],0,"Heading"]]],[1,"p",[[0,[],0,"Text"]]],[1,"blockquote",[[0,[],0,"Quoted"]]],
                 [1,"aside",[[0,[],0,"Pulled"]]],[1,"H3",[[0,[],0,"Upper case tag"]]]]"""));

        assertThat(html).isEqualTo("<h2>Heading</h2><p>Text</p><blockquote>Quoted</blockquote>"
                + "<aside class=\"pullquote\"><p>Pulled</p></aside><h3>Upper case tag</h3>");
    }

    @Test
    void markupsOpenAndCloseInTheOrderTheMarkersSay() {
        // as in Ghost's own starter posts: a link opened around bold, both closed by one marker
        String html = MobiledocHtml.render(mobiledoc("[[\"strong\"],[\"a\",[\"href\",\"https://ghost.org/pricing/\"]],[\"em\"]]",
                "[]", "[]", """
                [[1,"p",[[0,[],0,"using "],[0,[1,0],2,"Ghost(Pro)"],[0,[],0,". "],[0,[2],0,"open "],[0,[0],2,"both"],[0,[],0," done"]]]]"""));

        assertThat(html).isEqualTo("<p>using <a href=\"https://ghost.org/pricing/\"><strong>Ghost(Pro)</strong></a>. "
                + "<em>open <strong>both</strong></em> done</p>");
    }

    @Test
    void everyInlineMarkupGhostWritesIsKeptAndOthersAreDroppedWithTheirText() {
        MobiledocHtml.Rendered rendered = MobiledocHtml.renderWithWarnings(mobiledoc("""
                [["b"],["i"],["u"],["s"],["code"],["sup"],["sub"],["blink"]]""", "[]", "[]", """
                [[1,"p",[[0,[0],1,"b"],[0,[1],1,"i"],[0,[2],1,"u"],[0,[3],1,"s"],[0,[4],1,"c"],[0,[5],1,"2"],[0,[6],1,"x"],[0,[7],1,"!"]]]]"""));

        assertThat(rendered.html()).isEqualTo("<p><b>b</b><i>i</i><u>u</u><s>s</s><code>c</code><sup>2</sup><sub>x</sub>!</p>");
        assertThat(rendered.warnings()).containsExactly("inline formatting \"blink\" left out");
    }

    @Test
    void linksKeepOnlyTheirAddressAndRelationAndTextIsEscaped() {
        String html = MobiledocHtml.render(mobiledoc("""
                [["a",["href","https://example.org/?a=1&b=\\"2\\"","rel","nofollow","onclick","steal()","target","_blank"]]]""",
                "[]", "[]", """
                [[1,"p",[[0,[0],1,"<script>alert(1)</script> & more"]]]]"""));

        assertThat(html).isEqualTo("<p><a href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\" rel=\"nofollow\">"
                + "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</a></p>");
    }

    @Test
    void aSoftReturnIsALineBreakAndOtherAtomsShowTheirText() {
        String html = MobiledocHtml.render(mobiledoc("[[\"strong\"]]", """
                [["soft-return","",{}],["mention","@amina <x>",{"id":1}]]""", "[]", """
                [[1,"p",[[0,[],0,"Line one"],[1,[],0,0],[0,[],0,"line two, "],[1,[0],1,1]]]]"""));

        assertThat(html).isEqualTo("<p>Line one<br>line two, <strong>@amina &lt;x&gt;</strong></p>");
    }

    @Test
    void listsImageSectionsAndEmptyParagraphs() {
        String html = MobiledocHtml.render(mobiledoc("[[\"em\"]]", "[]", "[]", """
                [[3,"ul",[[[0,[],0,"one"]],[[0,[0],1,"two"]]]],[3,"ol",[[[0,[],0,"first"]]]],
                 [2,"/content/images/a.jpg"],[1,"p",[]],[1,"p",[[0,[],0,"  "]]]]"""));

        assertThat(html).isEqualTo("<ul><li>one</li><li><em>two</em></li></ul><ol><li>first</li></ol>"
                + "<figure><img src=\"/content/images/a.jpg\" alt=\"\"></figure>");
    }

    @Test
    void anImageCardIsAFigureWithItsSizeLinkAltTitleDimensionsAndHtmlCaption() {
        assertThat(card("image", """
                {"src":"__GHOST_URL__/content/images/x.jpg","alt":"A \\"quoted\\" alt","title":"T","width":1600,"height":900,
                 "cardWidth":"wide","href":"https://thebrowser.com","caption":"Photo <a href=\\"https://a.example\\">A</a>"}""").html())
                .isEqualTo("<figure class=\"figure figure--wide\"><a href=\"https://thebrowser.com\">"
                        + "<img src=\"__GHOST_URL__/content/images/x.jpg\" alt=\"A &quot;quoted&quot; alt\" title=\"T\" width=\"1600\" height=\"900\">"
                        + "</a><figcaption>Photo <a href=\"https://a.example\">A</a></figcaption></figure>");
        assertThat(card("image", "{\"src\":\"/a.jpg\",\"cardWidth\":\"full\"}").html())
                .isEqualTo("<figure class=\"figure figure--full\"><img src=\"/a.jpg\" alt=\"\"></figure>");
        assertThat(card("image", "{\"src\":\"/a.jpg\",\"cardWidth\":\"\",\"caption\":\"\"}").html())
                .isEqualTo("<figure><img src=\"/a.jpg\" alt=\"\"></figure>");
        assertThat(card("image", "{\"caption\":\"no picture\"}").html()).isEmpty();
    }

    @Test
    void aGalleryCardIsMastheadsGalleryWithEachPictureAndTheCaption() {
        Document gallery = Jsoup.parseBodyFragment(card("gallery", """
                {"images":[{"src":"/a.jpg","alt":"First","width":1200,"height":800,"row":0},
                           {"src":"/b.jpg","caption":"Second","row":0},{"fileName":"no-src.jpg"}],
                 "caption":"Three <em>views</em>"}""").html());

        assertThat(gallery.select("figure.gallery > ul.gallery__items > li.gallery__item > figure > img"))
                .extracting(img -> img.attr("src")).containsExactly("/a.jpg", "/b.jpg");
        assertThat(gallery.select("li.gallery__item figcaption").text()).isEqualTo("Second");
        assertThat(gallery.select("figure.gallery > figcaption").html()).isEqualTo("Three <em>views</em>");
        assertThat(card("gallery", "{\"images\":[]}").html()).isEmpty();
    }

    @Test
    void markdownCardsOfBothNamesAreRenderedWithCommonmark() {
        assertThat(card("markdown", "{\"markdown\":\"Some **bold** and [a link](https://example.org).\"}").html())
                .isEqualTo("<p>Some <strong>bold</strong> and <a href=\"https://example.org\">a link</a>.</p>\n");
        assertThat(card("card-markdown", "{\"cardName\":\"card-markdown\",\"markdown\":\"| a |\\n|---|\\n| 1 |\\n\"}").html())
                .contains("<table>").contains("<td>1</td>");
    }

    @Test
    void anHtmlCardPassesThroughUnchangedForTheImporterToSanitize() {
        assertThat(card("html", "{\"html\":\"<div class=\\\"x\\\"><script>alert(1)</script></div>\"}").html())
                .isEqualTo("<div class=\"x\"><script>alert(1)</script></div>");
    }

    @Test
    void aCodeCardIsEscapedAndNamesItsLanguage() {
        assertThat(card("code", "{\"code\":\"a < b && \\\"c\\\"\",\"language\":\"js\"}").html())
                .isEqualTo("<pre><code class=\"language-js\">a &lt; b &amp;&amp; &quot;c&quot;</code></pre>");
        assertThat(card("code", "{\"code\":\"x\",\"language\":\"js\\\" onclick=\\\"y\",\"caption\":\"A <b>caption</b>\"}").html())
                .isEqualTo("<figure><pre><code>x</code></pre><figcaption>A <b>caption</b></figcaption></figure>");
    }

    @Test
    void anEmbedIsItsAddressAloneInAParagraphAndItsHtmlOnlyWhenItHasNoAddress() {
        assertThat(card("embed", """
                {"url":"https://www.youtube.com/watch?v=hmH3XMlms8E","type":"video",
                 "html":"<iframe src=\\"https://www.youtube.com/embed/hmH3XMlms8E\\"></iframe>","caption":"The <em>film</em>"}""").html())
                .isEqualTo("<p><a href=\"https://www.youtube.com/watch?v=hmH3XMlms8E\">https://www.youtube.com/watch?v=hmH3XMlms8E</a></p>"
                        + "<p>The <em>film</em></p>");
        assertThat(card("embed", "{\"html\":\"<blockquote class=\\\"twitter-tweet\\\">t</blockquote>\",\"type\":\"twitter\"}").html())
                .isEqualTo("<blockquote class=\"twitter-tweet\">t</blockquote>");
    }

    @Test
    void aBookmarkIsALinkWithItsTitle() {
        assertThat(card("bookmark", """
                {"type":"bookmark","url":"https://opensubscriptionplatforms.com/","metadata":{"url":"https://opensubscriptionplatforms.com",
                 "title":"Open Subscription Platforms","description":"A shared movement.","publisher":"OSP"}}""").html())
                .isEqualTo("<p><a href=\"https://opensubscriptionplatforms.com/\">Open Subscription Platforms</a></p>");
        assertThat(card("bookmark", "{\"url\":\"https://example.org/x\",\"metadata\":{}}").html())
                .isEqualTo("<p><a href=\"https://example.org/x\">https://example.org/x</a></p>");
    }

    @Test
    void calloutsAndTogglesBecomeMastheadCallouts() {
        assertThat(card("callout", "{\"calloutEmoji\":\"💡\",\"calloutText\":\"Mind the <strong>gap</strong>\",\"backgroundColor\":\"grey\"}").html())
                .isEqualTo("<aside class=\"callout\"><p>💡 Mind the <strong>gap</strong></p></aside>");
        assertThat(card("toggle", "{\"heading\":\"<span>Why?</span>\",\"content\":\"<p>Because.</p>\"}").html())
                .isEqualTo("<aside class=\"callout\"><p class=\"callout__title\">Why?</p><p>Because.</p></aside>");
    }

    @Test
    void buttonsHeadersRulesAndQuoteCardsBecomePlainBlocks() {
        assertThat(card("button", "{\"buttonText\":\"Join & read\",\"buttonUrl\":\"https://x.example/join\"}").html())
                .isEqualTo("<p><a href=\"https://x.example/join\">Join &amp; read</a></p>");
        assertThat(card("hr", "{}").html()).isEqualTo("<hr>");
        assertThat(card("header", "{\"header\":\"Big\",\"subheader\":\"Small\",\"buttonEnabled\":false,\"buttonUrl\":\"/x\"}").html())
                .isEqualTo("<h2>Big</h2><p>Small</p>");
        assertThat(card("blockquote", "{\"text\":\"Said <so>\"}").html()).isEqualTo("<blockquote>Said &lt;so&gt;</blockquote>");
    }

    @Test
    void uploadedMediaCardsAreKeptAsLinksToTheirFilesWithAWarning() {
        MobiledocHtml.Rendered rendered = card("file", "{\"src\":\"__GHOST_URL__/content/files/r.pdf\",\"fileName\":\"r.pdf\"}");

        assertThat(rendered.html()).isEqualTo("<p><a href=\"__GHOST_URL__/content/files/r.pdf\">r.pdf</a></p>");
        assertThat(rendered.warnings()).containsExactly("its file cards are kept as links to their files");
    }

    @Test
    void unknownCardsAndThePaywallAreLeftOutWithOneWarningEachAndEmailOnlyCardsSilently() {
        MobiledocHtml.Rendered rendered = MobiledocHtml.renderWithWarnings(mobiledoc("[]", "[]", """
                [["signup",{}],["signup",{}],["paywall",{}],["email",{"html":"<p>Hi {first_name}</p>"}],["email-cta",{"html":"x"}]]""",
                "[[1,\"p\",[[0,[],0,\"Free\"]]],[10,0],[10,1],[10,2],[1,\"p\",[[0,[],0,\"Paid\"]]],[10,3],[10,4]]"));

        assertThat(rendered.html()).isEqualTo("<p>Free</p><p>Paid</p>");
        assertThat(rendered.warnings()).containsExactly("unknown card \"signup\" left out",
                "its members-only divider (paywall card) is gone: all of it is public");
    }

    @Test
    void mobiledoc02WithCardsInTheirSectionsIsRead() {
        String html = MobiledocHtml.render("""
                {"version":"0.2.0","sections":[[["strong"],["a",["href","https://example.org"]]],
                  [[1,"p",[[[0],1,"Old"],[[],0," and "],[[1],1,"linked"]]],[10,"image",{"src":"/old.jpg"}],[3,"ul",[[[[],0,"item"]]]]]]}""");

        assertThat(html).isEqualTo("<p><strong>Old</strong> and <a href=\"https://example.org\">linked</a></p>"
                + "<figure><img src=\"/old.jpg\" alt=\"\"></figure><ul><li>item</li></ul>");
    }

    @Test
    void nothingBlankOrBrokenRendersAsNothing() {
        assertThat(MobiledocHtml.render(null)).isEmpty();
        assertThat(MobiledocHtml.renderWithWarnings("  ").warnings()).isEmpty();
        assertThat(MobiledocHtml.renderWithWarnings("{\"version\":\"0.3.1\",\"sections\":[[1,\"p\"")).isEqualTo(
                new MobiledocHtml.Rendered("", List.of("its mobiledoc is not valid JSON, so its body is empty")));
        assertThat(MobiledocHtml.renderWithWarnings("[1]").warnings())
                .containsExactly("its mobiledoc is not a mobiledoc document, so its body is empty");
        assertThat(MobiledocHtml.render(mobiledoc("[]", "[]", "[]", "[[1,\"p\",[[0,[9],1,\"no such markup\"]]],[10,7]]")))
                .isEqualTo("<p>no such markup</p>");
    }

    @Test
    void whatItRendersMastheadReadsAsTheBlocksTheCardsStoodFor() {
        String html = MobiledocHtml.render(mobiledoc("[]", "[]", """
                [["image",{"src":"https://cdn.example/a.jpg","alt":"A","caption":"Caption","cardWidth":"wide"}],
                 ["gallery",{"images":[{"src":"https://cdn.example/b.jpg"},{"src":"https://cdn.example/c.jpg"}]}],
                 ["callout",{"calloutText":"Note"}],["toggle",{"heading":"Q","content":"<p>A</p>"}],
                 ["embed",{"url":"https://www.youtube.com/watch?v=hmH3XMlms8E"}],["hr",{}],["code",{"code":"x = 1"}]]""", """
                [[1,"h2",[[0,[],0,"Title"]]],[1,"blockquote",[[0,[],0,"Quoted"]]],[1,"aside",[[0,[],0,"Pulled"]]],
                 [3,"ol",[[[0,[],0,"one"]]]],[10,0],[10,1],[10,2],[10,3],[10,4],[10,5],[10,6]]"""));

        BodyDocument blocks = new BodyRenderer().toDocument(html, BodyFormat.HTML);

        assertThat(blocks.blocks()).extracting(BodyNode::type).containsExactly("heading", "quote", "pullquote",
                "ordered_list", "image", "gallery", "callout", "callout", "embed", "divider", "code_block");
        assertThat(blocks.blocks().get(4).attr("size")).isEqualTo("wide");
        assertThat(blocks.blocks().get(4).attr("caption")).isEqualTo("Caption");
        assertThat(blocks.blocks().get(7).attr("title")).isEqualTo("Q");
    }
}
