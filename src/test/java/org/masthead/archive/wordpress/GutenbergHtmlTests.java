package org.masthead.archive.wordpress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.masthead.body.BodyDocument;
import org.masthead.body.BodyFormat;
import org.masthead.body.BodyNode;
import org.masthead.body.BodyRenderer;

/**
 * WordPress content — block editor and classic editor — becomes plain HTML that Masthead's own reader turns into the
 * blocks it means: each test checks the HTML and, where it matters, the blocks Masthead reads from it.
 */
class GutenbergHtmlTests {

    private final BodyRenderer masthead = new BodyRenderer();

    @Test
    void blockCommentsGoAndTheBlocksMarkupStaysWithoutWordPressClasses() {
        String html = html("""
                <!-- wp:paragraph {"className":"lead"} -->
                <p class="lead has-large-font-size" style="color:red">Opening <strong>words</strong>.</p>
                <!-- /wp:paragraph -->

                <!-- wp:heading {"level":3} -->
                <h3 class="wp-block-heading" id="more">More</h3>
                <!-- /wp:heading -->

                <!-- wp:list -->
                <ul class="wp-block-list"><!-- wp:list-item -->
                <li>One</li>
                <!-- /wp:list-item --><!-- wp:list-item -->
                <li>Two</li>
                <!-- /wp:list-item --></ul>
                <!-- /wp:list -->""");

        assertThat(html).isEqualTo("<p>Opening <strong>words</strong>.</p>\n<h3>More</h3>\n<ul><li>One</li><li>Two</li></ul>");
    }

    @Test
    void aQuoteKeepsItsCiteSoMastheadReadsWhoSaidIt() {
        String html = html("""
                <!-- wp:quote -->
                <blockquote class="wp-block-quote"><!-- wp:paragraph -->
                <p>We are ready to talk.</p>
                <!-- /wp:paragraph --><cite>Volodymyr Lytvyn<br></cite></blockquote>
                <!-- /wp:quote -->""");

        assertThat(html).isEqualTo("<blockquote><p>We are ready to talk.</p><cite>Volodymyr Lytvyn</cite></blockquote>");
        BodyNode quote = blocks(html).get(0);
        assertThat(quote.type()).isEqualTo("quote");
        assertThat(quote.content()).extracting(BodyNode::type).containsExactly("paragraph", "attribution");
        assertThat(quote.content().get(1).content().get(0).text()).isEqualTo("Volodymyr Lytvyn");
    }

    @Test
    void aPullQuoteBecomesMastheadsPullQuoteWithItsAttribution() {
        String html = html("""
                <!-- wp:pullquote -->
                <figure class="wp-block-pullquote"><blockquote><p>Nothing is settled.</p><cite>The minister</cite></blockquote></figure>
                <!-- /wp:pullquote -->""");

        BodyNode pullquote = blocks(html).get(0);
        assertThat(pullquote.type()).isEqualTo("pullquote");
        assertThat(pullquote.attr("attribution")).isEqualTo("The minister");
        assertThat(pullquote.content().get(0).text()).isEqualTo("Nothing is settled.");
    }

    @Test
    void anImageBecomesAFigureAndALinkToItsOwnFileGoes() {
        String html = html("""
                <!-- wp:image {"id":5,"sizeSlug":"large","linkDestination":"media","align":"wide"} -->
                <figure class="wp-block-image alignwide size-large"><a href="https://example.org/wp-content/uploads/2024/02/pier.jpg"><img src="https://example.org/wp-content/uploads/2024/02/pier-1024x683.jpg" alt="The pier" class="wp-image-5" srcset="https://example.org/wp-content/uploads/2024/02/pier-300x200.jpg 300w" sizes="(max-width: 1024px) 100vw" width="1024" height="683"/></a><figcaption class="wp-element-caption">At <a href="https://example.org/dusk">dusk</a></figcaption></figure>
                <!-- /wp:image -->""");

        assertThat(html).isEqualTo("<figure class=\"figure figure--wide\"><img src=\"https://example.org/wp-content/uploads/2024/02/pier-1024x683.jpg\" "
                + "alt=\"The pier\" width=\"1024\" height=\"683\"><figcaption>At <a href=\"https://example.org/dusk\">dusk</a></figcaption></figure>");
        BodyNode image = blocks(html).get(0);
        assertThat(image.type()).isEqualTo("image");
        assertThat(image.attrs()).containsEntry("alt", "The pier").containsEntry("caption", "At dusk").containsEntry("size", "wide");
    }

    @Test
    void aLinkFromAnImageToAnotherPageStays() {
        String html = html("""
                <!-- wp:image {"id":5,"linkDestination":"custom"} -->
                <figure class="wp-block-image"><a href="https://example.org/story"><img src="https://example.org/pier.jpg" alt=""/></a></figure>
                <!-- /wp:image -->""");

        assertThat(html).isEqualTo("<figure><a href=\"https://example.org/story\"><img src=\"https://example.org/pier.jpg\" alt=\"\"></a></figure>");
    }

    @Test
    void aGalleryBlockOldOrNewBecomesMastheadsGalleryWithItsCaptions() {
        String nested = html("""
                <!-- wp:gallery {"linkTo":"none"} -->
                <figure class="wp-block-gallery has-nested-images columns-default is-cropped"><!-- wp:image {"id":1} -->
                <figure class="wp-block-image"><img src="https://example.org/a.jpg" alt="A"/><figcaption class="wp-element-caption">First</figcaption></figure>
                <!-- /wp:image -->

                <!-- wp:image {"id":2} -->
                <figure class="wp-block-image"><img src="https://example.org/b.jpg" alt="B"/></figure>
                <!-- /wp:image --><figcaption class="blocks-gallery-caption">Both</figcaption></figure>
                <!-- /wp:gallery -->""");
        String old = html("""
                <!-- wp:gallery {"ids":[1,2]} -->
                <figure class="wp-block-gallery columns-2"><ul class="blocks-gallery-grid"><li class="blocks-gallery-item"><figure><img src="https://example.org/a.jpg" alt="A" data-id="1"/><figcaption class="blocks-gallery-item__caption">First</figcaption></figure></li><li class="blocks-gallery-item"><figure><img src="https://example.org/b.jpg" alt="B" data-id="2"/></figure></li></ul><figcaption class="blocks-gallery-caption">Both</figcaption></figure>
                <!-- /wp:gallery -->""");

        assertThat(old).isEqualTo(nested);
        BodyNode gallery = blocks(nested).get(0);
        assertThat(gallery.type()).isEqualTo("gallery");
        assertThat(gallery.attr("caption")).isEqualTo("Both");
        assertThat(gallery.content()).extracting(image -> image.attr("src"), image -> image.attr("caption"))
                .containsExactly(tuple("https://example.org/a.jpg", "First"),
                        tuple("https://example.org/b.jpg", ""));
    }

    @Test
    void anEmbedFromAListedProviderBecomesMastheadsEmbedAndAnyOtherALink() {
        String html = html("""
                <!-- wp:embed {"url":"https:\\/\\/www.youtube.com\\/watch?v=dQw4w9WgXcQ\\u0026t=10","type":"video","providerNameSlug":"youtube"} -->
                <figure class="wp-block-embed is-type-video"><div class="wp-block-embed__wrapper">
                https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=10
                </div><figcaption class="wp-element-caption">The interview</figcaption></figure>
                <!-- /wp:embed -->

                <!-- wp:core-embed/vimeo {"url":"https://vimeo.com/123456"} -->
                <figure class="wp-block-embed-vimeo wp-block-embed"><div class="wp-block-embed__wrapper">
                https://vimeo.com/123456
                </div></figure>
                <!-- /wp:core-embed/vimeo -->

                <!-- wp:embed {"url":"https://maps.example.com/place/42"} -->
                <figure class="wp-block-embed"><div class="wp-block-embed__wrapper">
                https://maps.example.com/place/42
                </div></figure>
                <!-- /wp:embed -->""");

        List<BodyNode> blocks = blocks(html);
        assertThat(blocks).extracting(BodyNode::type).containsExactly("embed", "paragraph", "embed", "paragraph");
        assertThat(blocks.get(0).attrs()).containsEntry("url", "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10")
                .containsEntry("provider", "youtube");
        assertThat(blocks.get(1).content().get(0).text()).isEqualTo("The interview");
        assertThat(blocks.get(2).attrs()).containsEntry("provider", "vimeo");
        assertThat(html).endsWith("<p><a href=\"https://maps.example.com/place/42\">https://maps.example.com/place/42</a></p>");
    }

    @Test
    void aTableLeavesItsFigureAndItsCaptionFollowsAsAParagraph() {
        String html = html("""
                <!-- wp:table -->
                <figure class="wp-block-table"><table class="has-fixed-layout"><tbody><tr><td>Blue</td><td>120</td></tr></tbody></table><figcaption class="wp-element-caption">Seats</figcaption></figure>
                <!-- /wp:table -->""");

        assertThat(html).isEqualTo("<table><tbody><tr><td>Blue</td><td>120</td></tr></tbody></table>\n<p>Seats</p>");
    }

    @Test
    void codePreformattedAndVerseKeepTheirLines() {
        String html = html("""
                <!-- wp:code -->
                <pre class="wp-block-code"><code>if (a &lt; b) {
                    return;
                }</code></pre>
                <!-- /wp:code -->

                <!-- wp:preformatted -->
                <pre class="wp-block-preformatted">Line one<br>Line <em>two</em></pre>
                <!-- /wp:preformatted -->

                <!-- wp:verse -->
                <pre class="wp-block-verse">Roses are red
                Violets are blue</pre>
                <!-- /wp:verse -->""");

        assertThat(html).isEqualTo("<pre><code>if (a &lt; b) {\n    return;\n}</code></pre>\n<pre><code>Line one\nLine two</code></pre>\n"
                + "<p>Roses are red<br>Violets are blue</p>");
        assertThat(blocks(html)).extracting(BodyNode::type).containsExactly("code_block", "code_block", "paragraph");
    }

    @Test
    void layoutBlocksLeaveTheirContentAndACoversBackgroundGoes() {
        String html = html("""
                <!-- wp:columns -->
                <div class="wp-block-columns"><!-- wp:column -->
                <div class="wp-block-column"><!-- wp:paragraph -->
                <p>Left</p>
                <!-- /wp:paragraph --></div>
                <!-- /wp:column --><!-- wp:column -->
                <div class="wp-block-column"><!-- wp:group -->
                <div class="wp-block-group"><!-- wp:paragraph -->
                <p>Right</p>
                <!-- /wp:paragraph --></div>
                <!-- /wp:group --></div>
                <!-- /wp:column --></div>
                <!-- /wp:columns -->

                <!-- wp:cover {"url":"https://example.org/sky.jpg"} -->
                <div class="wp-block-cover"><span aria-hidden="true" class="wp-block-cover__background"></span><img class="wp-block-cover__image-background" alt="" src="https://example.org/sky.jpg"/><div class="wp-block-cover__inner-container"><!-- wp:paragraph -->
                <p>On the sky</p>
                <!-- /wp:paragraph --></div></div>
                <!-- /wp:cover -->

                <!-- wp:media-text {"mediaId":3} -->
                <div class="wp-block-media-text"><figure class="wp-block-media-text__media"><img src="https://example.org/boat.jpg" alt="A boat"/></figure><div class="wp-block-media-text__content"><!-- wp:paragraph -->
                <p>Beside it</p>
                <!-- /wp:paragraph --></div></div>
                <!-- /wp:media-text -->""");

        assertThat(html).isEqualTo("<p>Left</p>\n<p>Right</p>\n<p>On the sky</p>\n"
                + "<figure><img src=\"https://example.org/boat.jpg\" alt=\"A boat\"></figure>\n<p>Beside it</p>");
    }

    @Test
    void buttonsBecomeOneParagraphOfLinks() {
        String html = html("""
                <!-- wp:buttons -->
                <div class="wp-block-buttons"><!-- wp:button -->
                <div class="wp-block-button"><a class="wp-block-button__link" href="https://example.org/subscribe">Subscribe</a></div>
                <!-- /wp:button --><!-- wp:button -->
                <div class="wp-block-button"><a class="wp-block-button__link" href="https://example.org/donate">Donate</a></div>
                <!-- /wp:button --></div>
                <!-- /wp:buttons -->""");

        assertThat(html).isEqualTo("<p><a href=\"https://example.org/subscribe\">Subscribe</a> · <a href=\"https://example.org/donate\">Donate</a></p>");
    }

    @Test
    void separatorsAreRulesAndSpacersBreaksAndSiteBlocksLeaveNothing() {
        GutenbergHtml.Result result = GutenbergHtml.convert("""
                <!-- wp:separator -->
                <hr class="wp-block-separator has-alpha-channel-opacity"/>
                <!-- /wp:separator -->

                <!-- wp:spacer {"height":"40px"} -->
                <div style="height:40px" aria-hidden="true" class="wp-block-spacer"></div>
                <!-- /wp:spacer -->

                <!-- wp:more -->
                <!--more-->
                <!-- /wp:more -->

                <!-- wp:nextpage -->
                <!--nextpage-->
                <!-- /wp:nextpage -->

                <!-- wp:latest-posts {"postsToShow":3} /-->

                <!-- wp:query {"queryId":1} -->
                <div class="wp-block-query"><!-- wp:post-template --><!-- wp:post-title /--><!-- /wp:post-template --></div>
                <!-- /wp:query -->

                <!-- wp:jetpack/subscriptions /-->""");

        assertThat(result.html()).isEqualTo("<hr>");
        assertThat(result.warnings()).containsExactly(
                "Left out WordPress blocks that show the site rather than the post: latest-posts, query.",
                "Left out WordPress blocks with no content of their own: jetpack/subscriptions.");
    }

    @Test
    void anUnknownBlockKeepsItsInnerHtml() {
        String html = html("""
                <!-- wp:acme/fact-box {"title":"Facts"} -->
                <div class="wp-block-acme-fact-box"><h4>Facts</h4><p>Kept as written.</p></div>
                <!-- /wp:acme/fact-box -->""");

        assertThat(html).isEqualTo("<h4>Facts</h4>\n<p>Kept as written.</p>");
    }

    @Test
    void footnotesAreNumberedFromThePostMeta() {
        GutenbergHtml.Result result = GutenbergHtml.convert("""
                <!-- wp:paragraph -->
                <p>Claim<sup data-fn="aa-1" class="fn"><a href="#aa-1" id="aa-1-link">1</a></sup> and another<sup data-fn="bb-2" class="fn"><a href="#bb-2" id="bb-2-link">2</a></sup>.</p>
                <!-- /wp:paragraph -->

                <!-- wp:footnotes /-->""", 1, WxrAttachment.Lookup.NONE,
                "[{\"content\":\"Said on <em>Tuesday</em>.\",\"id\":\"aa-1\"},{\"content\":\"Source.\",\"id\":\"bb-2\"}]");

        assertThat(result.html()).isEqualTo("<p>Claim<sup class=\"footnote-ref\"><a href=\"#fn-1\">1</a></sup> and another"
                + "<sup class=\"footnote-ref\"><a href=\"#fn-2\">2</a></sup>.</p>\n<section class=\"footnotes\"><ol>"
                + "<li id=\"fn-1\">Said on <em>Tuesday</em>.</li><li id=\"fn-2\">Source.</li></ol></section>");
        assertThat(result.warnings()).isEmpty();
        List<BodyNode> inline = blocks(result.html()).get(0).content();
        assertThat(inline).extracting(BodyNode::type).containsExactly("text", "footnote", "text", "footnote", "text");
        assertThat(inline.get(1).content().get(0).text()).isEqualTo("Said on ");
    }

    @Test
    void classicContentGetsWordPressParagraphsAndLineBreaks() {
        String html = html("""
                First line
                second line.

                Second paragraph.
                <h2>A heading</h2>
                Right after it.
                <pre>keep

                  as is</pre>
                <ul>
                	<li>one</li>
                	<li>two</li>
                </ul>""");

        assertThat(html).isEqualTo("<p>First line<br>\nsecond line.</p>\n<p>Second paragraph.</p>\n<h2>A heading</h2>\n"
                + "<p>Right after it.</p>\n<pre><code>keep\n\n  as is</code></pre>\n<ul><li>one</li><li>two</li></ul>");
    }

    @Test
    void blockContentGetsNoAutomaticParagraphs() {
        String html = html("""
                <!-- wp:html -->
                <div>one
                two</div>
                <!-- /wp:html -->""");

        assertThat(html).isEqualTo("<p>one\ntwo</p>");
    }

    @Test
    void aCaptionShortcodeBecomesAFigureWithItsCaption() {
        String html = html("""
                [caption id="attachment_5" align="alignleft" width="300"]<a href="http://example.org/wp-content/uploads/2010/01/boat.jpg"><img class="size-medium wp-image-5" src="http://example.org/wp-content/uploads/2010/01/boat-300x200.jpg" alt="A boat" width="300" height="200" /></a> A boat on the <a href="http://example.org/lake">lake</a>[/caption]

                Text after.""");

        assertThat(html).isEqualTo("<figure><img src=\"http://example.org/wp-content/uploads/2010/01/boat-300x200.jpg\" alt=\"A boat\" "
                + "width=\"300\" height=\"200\"><figcaption>A boat on the <a href=\"http://example.org/lake\">lake</a></figcaption></figure>\n"
                + "<p>Text after.</p>");
    }

    @Test
    void aGalleryShortcodeShowsTheExportsAttachmentsOrIsDroppedWithAWarning() {
        WxrAttachment.Lookup media = new WxrAttachment.Lookup() {
            @Override
            public Optional<WxrAttachment> byId(long id) {
                return Optional.of(new WxrAttachment(id, 7, "https://example.org/" + id + ".jpg", "Picture " + id,
                        id == 2 ? "Second" : ""));
            }

            @Override
            public List<WxrAttachment> childrenOf(long postId) {
                return List.of();
            }
        };

        GutenbergHtml.Result shown = GutenbergHtml.convert("[gallery ids=\"1,2\" columns=\"2\"]", 7, media, null);
        GutenbergHtml.Result dropped = GutenbergHtml.convert("Before.\n\n[gallery]");

        BodyNode gallery = blocks(shown.html()).get(0);
        assertThat(gallery.type()).isEqualTo("gallery");
        assertThat(gallery.content()).extracting(image -> image.attr("alt"), image -> image.attr("caption"))
                .containsExactly(tuple("Picture 1", ""),
                        tuple("Picture 2", "Second"));
        assertThat(dropped.html()).isEqualTo("<p>Before.</p>");
        assertThat(dropped.warnings()).containsExactly("A [gallery] shortcode was dropped: its pictures are not in the file.");
    }

    @Test
    void anEmbedShortcodeAndAnAddressAloneOnItsLineAreEmbedded() {
        String html = html("""
                Watch this:

                https://www.youtube.com/watch?v=dQw4w9WgXcQ

                [embed]https://vimeo.com/123456[/embed]

                An address in a sentence https://example.org/ stays text.

                [[caption]] is how the shortcode is written.""");

        List<BodyNode> blocks = blocks(html);
        assertThat(blocks).extracting(BodyNode::type).containsExactly("paragraph", "embed", "embed", "paragraph", "paragraph");
        assertThat(blocks.get(1).attr("provider")).isEqualTo("youtube");
        assertThat(blocks.get(2).attr("provider")).isEqualTo("vimeo");
        assertThat(html).contains("<p>[caption] is how the shortcode is written.</p>");
    }

    @Test
    void audioAndVideoBecomeLinksToTheirFiles() {
        String html = html("""
                <!-- wp:audio {"id":9} -->
                <figure class="wp-block-audio"><audio controls src="https://example.org/talk.mp3"></audio><figcaption class="wp-element-caption">The talk</figcaption></figure>
                <!-- /wp:audio -->

                <!-- wp:shortcode -->
                [video mp4="https://example.org/clip.mp4"][/video]
                <!-- /wp:shortcode -->""");

        assertThat(html).isEqualTo("<p><a href=\"https://example.org/talk.mp3\">Audio: The talk</a></p>\n"
                + "<p><a href=\"https://example.org/clip.mp4\">Video: clip.mp4</a></p>");
    }

    @Test
    void brokenMarkupComesOutWellFormed() {
        String html = html("""
                <!-- wp:paragraph -->
                <p>Unclosed <em>emphasis
                <!-- /wp:paragraph -->

                <!-- wp:paragraph -->
                <p>Next</p>
                <!-- /wp:paragraph -->""");

        assertThat(html).isEqualTo("<p>Unclosed <em>emphasis\n</em></p>\n<p>Next</p>");
    }

    @Test
    void emptyContentIsAnEmptyBody() {
        assertThat(GutenbergHtml.convert(null).html()).isEmpty();
        assertThat(GutenbergHtml.convert("  \n ").html()).isEmpty();
    }

    private static String html(String content) {
        return GutenbergHtml.convert(content).html();
    }

    /** The blocks Masthead's editor will show for this HTML (after its sanitizer). */
    private List<BodyNode> blocks(String html) {
        BodyDocument document = masthead.toDocument(html, BodyFormat.HTML);
        return document.blocks();
    }
}
