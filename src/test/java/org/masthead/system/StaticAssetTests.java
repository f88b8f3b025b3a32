package org.masthead.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.masthead.support.DemoSiteTest;
import org.masthead.support.ReaderClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.DigestUtils;

/**
 * Pages link the site's files by content-hashed names that are cached for a year and hold exactly the files' bytes;
 * the plain names still answer, with a short cache; the fonts are served as WOFF2 the same way.
 */
@DemoSiteTest
class StaticAssetTests {

    private static final Pattern HASHED = Pattern.compile("/assets/(.+)-([0-9a-f]{32})(\\.[a-z0-9]+)");
    private static final String SEED = "/articles/russia-stalls-once-again-as-ukraine-pushes-for-new-february-peace-talks";

    @LocalServerPort
    int port;

    @Test
    void readerPagesLinkTheirStylesheetScriptIconAndFontsByHashedNamesServedAsImmutableWithTheFilesBytes() throws IOException {
        ReaderClient reader = new ReaderClient(port);
        for (String path : List.of("/", SEED, "/sections/world", "/search")) {
            Document page = reader.page(path);
            List<String> links = new ArrayList<>();
            links.add(page.selectFirst("link[rel=stylesheet]").attr("href"));
            links.add(page.selectFirst("script[src]").attr("src"));
            links.add(page.selectFirst("link[rel=icon]").attr("href"));
            for (Element preload : page.select("link[rel=preload][as=font]")) {
                assertThat(preload.attr("type")).isEqualTo("font/woff2");
                assertThat(preload.hasAttr("crossorigin")).as("fonts are fetched in CORS mode, so must the preload be").isTrue();
                links.add(preload.attr("href"));
            }
            assertThat(page.select("link[rel=preload][as=font]")).as(path + ": the serif headline and text faces").hasSize(2);
            for (String link : links) {
                Matcher hashed = HASHED.matcher(link);
                assertThat(hashed.matches()).as(path + " links " + link).isTrue();
                HttpResponse<byte[]> response = reader.getBytes(link);
                assertThat(response.statusCode()).as(link).isEqualTo(200);
                assertThat(response.headers().firstValue("Cache-Control")).as(link).hasValue("public, max-age=31536000, immutable");
                if (!link.endsWith(".css")) { // stylesheets are served with their url()s rewritten, see below
                    byte[] file = file(hashed.group(1) + hashed.group(3));
                    assertThat(response.body()).as(link).isEqualTo(file);
                    assertThat(hashed.group(2)).as("the name's hash is the file's").isEqualTo(DigestUtils.md5DigestAsHex(file));
                }
            }
        }
    }

    @Test
    void theStylesheetPointsItsFontFacesAtHashedWoff2FilesAndIsOtherwiseTheFileAsWritten() throws IOException {
        ReaderClient reader = new ReaderClient(port);
        String stylesheet = reader.page("/").selectFirst("link[rel=stylesheet]").attr("href");
        String served = reader.get(stylesheet).body();
        String written = new String(file("site.css"), StandardCharsets.UTF_8);

        Matcher fontUrl = Pattern.compile("url\\(\"([^\"]+\\.woff2)\"\\)").matcher(served);
        List<String> fonts = new ArrayList<>();
        while (fontUrl.find()) {
            fonts.add(fontUrl.group(1));
        }
        assertThat(fonts).hasSize(5).allMatch(url -> url.matches("/assets/(fonts/)?[a-z0-9-]+-[0-9a-f]{32}\\.woff2"));
        assertThat(served.replaceAll("\"/assets/([^\"]+)-[0-9a-f]{32}\\.woff2\"", "\"$1.woff2\""))
                .as("nothing else changed").isEqualTo(written);
        assertThat(served).contains("font-display: swap");

        for (String font : fonts) {
            HttpResponse<byte[]> response = reader.getBytes(font);
            assertThat(response.statusCode()).as(font).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as(font).hasValue("font/woff2");
            assertThat(response.headers().firstValue("Cache-Control")).as(font).hasValue("public, max-age=31536000, immutable");
            assertThat(new String(response.body(), 0, 4, StandardCharsets.US_ASCII)).as("a WOFF2 file").isEqualTo("wOF2");
            String plainName = font.replaceAll("-[0-9a-f]{32}", "").substring("/assets/".length());
            assertThat(response.body()).isEqualTo(file(plainName));
        }
    }

    @Test
    void plainNamesStillWorkWithAShortCacheAndAWrongHashFindsNothing() {
        ReaderClient reader = new ReaderClient(port);
        HttpResponse<String> plain = reader.get("/assets/site.css");
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Cache-Control")).hasValue("max-age=3600, public");

        HttpResponse<String> stale = reader.get("/assets/site-0123456789abcdef0123456789abcdef.css");
        assertThat(stale.statusCode()).isEqualTo(404);
        assertThat(stale.headers().firstValue("Cache-Control").orElse("")).doesNotContain("immutable");
    }

    @Test
    void newsroomPagesLinkTheirFilesByHashedNamesToo() {
        Document login = new ReaderClient(port).page("/admin/login");
        assertThat(login.selectFirst("link[rel=stylesheet]").attr("href")).matches(HASHED.pattern());
    }

    /** A file as the site serves it: its own static files, or Inter's from its jar. */
    private static byte[] file(String name) throws IOException {
        String resource = name.startsWith("inter-") ? "/META-INF/resources/_static/inter/5.2.5/files/" + name : "/static/assets/" + name;
        try (InputStream in = StaticAssetTests.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return in.readAllBytes();
        }
    }
}
