package org.masthead.body;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.masthead.body.BodyRenderer.RenderedBody;

class BodyRendererTests {

    private final BodyRenderer renderer = new BodyRenderer();

    @Test
    void rendersParagraphsEmphasisLinksAndQuotes() {
        RenderedBody rendered = renderer.render("""
                Talks **resumed** in *Geneva*, [officials said](https://example.org/report).

                > "We agreed to continue," Zelensky said.
                """);
        assertThat(rendered.html())
                .contains("<strong>resumed</strong>", "<em>Geneva</em>")
                .contains("<a href=\"https://example.org/report\" rel=\"noopener\">officials said</a>")
                .contains("<blockquote>");
        assertThat(rendered.text()).isEqualTo("Talks resumed in Geneva, officials said.\n\n\"We agreed to continue,\" Zelensky said.");
        assertThat(rendered.words()).isEqualTo(12);
    }

    @Test
    void scriptsAreRemovedWithTheirContent() {
        RenderedBody rendered = renderer.render("Hello <script>alert('x')</script> world\n\n<script>steal()</script>");
        assertThat(rendered.html()).doesNotContain("<script", "alert", "steal");
        assertThat(rendered.text()).doesNotContain("alert", "steal");
    }

    @Test
    void eventHandlersAndStylesAreStripped() {
        String html = renderer.render("<p onclick=\"evil()\" style=\"color:red\">Hi <img src=\"https://example.org/a.jpg\" onerror=\"evil()\" alt=\"A\"></p>").html();
        assertThat(html).doesNotContain("onclick", "onerror", "evil", "style");
        assertThat(html).contains("<img src=\"https://example.org/a.jpg\" alt=\"A\">");
    }

    @Test
    void javascriptUrlsAreRemovedFromLinksAndImages() {
        String html = renderer.render("[click](javascript:alert(1)) <a href=\"JaVaScRiPt:evil()\">x</a> ![i](javascript:evil())").html();
        assertThat(html.toLowerCase()).doesNotContain("javascript:");
        assertThat(html).contains("click", "x");
    }

    @Test
    void iframesFormsAndObjectsAreRemoved() {
        String html = renderer.render("<iframe src=\"https://evil.example\"></iframe><form action=\"/x\"><input name=\"a\"></form><object data=\"x.swf\"></object>").html();
        assertThat(html).doesNotContain("iframe", "form", "input", "object");
    }

    @Test
    void aFirstLevelHeadingBecomesSecondLevelBecauseTheHeadlineIsThePagesH1() {
        RenderedBody rendered = renderer.render("# Background\n\nText.");
        assertThat(rendered.html()).isEqualTo("<h2>Background</h2>\n<p>Text.</p>");
        assertThat(rendered.text()).isEqualTo("Background\n\nText.");
    }

    @Test
    void dataAndVbscriptUrlsAreRemoved() {
        String html = renderer.render("[a](data:text/html;base64,PHNjcmlwdD4=) [b](vbscript:msgbox) ![c](data:image/svg+xml,<svg/onload=alert(1)>)").html();
        assertThat(html.toLowerCase()).doesNotContain("data:", "vbscript:", "onload");
    }

    @Test
    void countsImagesInTheBody() {
        RenderedBody rendered = renderer.render("![One](https://example.org/1.jpg)\n\nText\n\n![Two](/media/2.jpg)");
        assertThat(rendered.imageCount()).isEqualTo(2);
    }
}
