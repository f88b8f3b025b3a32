package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.masthead.support.DemoSiteTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What Chromium loads for the pictures of the reader pages, on a phone (390×844 at 3×) and a laptop (1366×768 at 1×):
 * no picture is sent with more than twice the pixels of the box it is shown in (what {@code srcset} and
 * {@code sizes} are for), the largest picture on the first screen is fetched first and never lazily, and the
 * site's own fonts are the ones the text is set in.
 */
@DemoSiteTest
class ImageWeightBrowserTests extends BrowserTest {

    static final String SEED_URL = "/articles/russia-stalls-once-again-as-ukraine-pushes-for-new-february-peace-talks";

    enum Screen {
        PHONE(390, 844, 3, true), DESKTOP(1366, 768, 1, false);

        final int width;
        final int height;
        final int pixelRatio;
        final boolean mobile;

        Screen(int width, int height, int pixelRatio, boolean mobile) {
            this.width = width;
            this.height = height;
            this.pixelRatio = pixelRatio;
            this.mobile = mobile;
        }
    }

    @LocalServerPort
    int port;

    @Test
    void noPictureIsSentWithMoreThanTwiceThePixelsOfItsBoxAndTheFirstScreensLargestLoadsFirst() {
        open(Screen.DESKTOP, SEED_URL);
        String authorPage = browser.findElement(By.cssSelector(".article__header .byline a")).getAttribute("href")
                .replaceFirst("^https?://[^/]+", "");
        for (Screen screen : Screen.values()) {
            for (String path : List.of(SEED_URL, "/", "/sections/world", authorPage)) {
                open(screen, path);
                String where = screen + " " + path;

                // the largest picture on the first screen, before anything is scrolled
                @SuppressWarnings("unchecked")
                Map<String, Object> first = (Map<String, Object>) js("""
                        let best = null, bestArea = 0;
                        for (const img of document.images) {
                          const box = img.getBoundingClientRect();
                          const visible = Math.max(0, Math.min(box.bottom, innerHeight) - Math.max(box.top, 0))
                              * Math.max(0, Math.min(box.right, innerWidth) - Math.max(box.left, 0));
                          if (visible > bestArea) { best = img; bestArea = visible; }
                        }
                        return best && {src: best.getAttribute('src'), fetchpriority: best.getAttribute('fetchpriority'),
                                        loading: best.getAttribute('loading'), area: bestArea};""");
                assertThat(first).as(where + ": a picture on the first screen").isNotNull();
                assertThat(first.get("fetchpriority")).as(where + ": the largest picture on the first screen, " + first)
                        .isEqualTo("high");
                assertThat(first.get("loading")).as(where + ": it is not lazy, " + first).isNotEqualTo("lazy");
                Object largestPaint = ((JavascriptExecutor) browser).executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        new PerformanceObserver(list => {
                          const entries = list.getEntries();
                          const element = entries[entries.length - 1].element;
                          done(element && element.tagName === 'IMG'
                              ? [element.getAttribute('fetchpriority'), element.getAttribute('loading')] : null);
                        }).observe({type: 'largest-contentful-paint', buffered: true});
                        setTimeout(() => done(null), 3000);""");
                if (largestPaint != null) {
                    assertThat(largestPaint).as(where + ": the Largest Contentful Paint is a picture: fetchpriority, loading")
                            .isEqualTo(java.util.Arrays.asList("high", null));
                }

                // everything, lazy pictures included, as a reader scrolling to the end gets it
                ((JavascriptExecutor) browser).executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        (async () => {
                          for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
                            scrollTo(0, y);
                            await new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 30)));
                          }
                          done();
                        })();""");
                Awaitility.await(where + ": every picture loaded").atMost(Duration.ofSeconds(20))
                        .until(() -> Boolean.TRUE.equals(js("""
                                return [...document.images].every(img => img.complete && img.naturalWidth > 0);""")));
                // A file the page shows in several boxes (the demo reuses its pictures) is fetched once: it is
                // judged against the largest of them.
                @SuppressWarnings("unchecked")
                List<String> oversized = (List<String>) js("""
                        const ratio = devicePixelRatio, byFile = new Map();
                        for (const img of document.images) {
                          const box = img.getBoundingClientRect();
                          if (box.width === 0 || box.height === 0) continue;
                          const shown = box.width * ratio * box.height * ratio;
                          const seen = byFile.get(img.currentSrc);
                          if (!seen || shown > seen.shown) {
                            byFile.set(img.currentSrc, {shown, img, box});
                          }
                        }
                        const oversized = [];
                        for (const [file, {shown, img, box}] of byFile) {
                          const sent = img.naturalWidth * img.naturalHeight;
                          if (sent > 2 * shown) {
                            oversized.push(file + ' is ' + img.naturalWidth + '×' + img.naturalHeight + ' for a box of '
                                + Math.round(box.width) + '×' + Math.round(box.height) + ' at ' + ratio + '× (sizes="'
                                + img.getAttribute('sizes') + '", ' + (sent / shown).toFixed(2) + ' times its pixels)');
                          }
                        }
                        return oversized;""");
                assertThat(oversized).as(where + ": pictures sent with more than twice the pixels they are shown at").isEmpty();
                assertThat(js("return [...document.images].filter(img => img.closest('picture')).map(img => img.currentSrc);"))
                        .as(where + ": Chromium takes the WebP copies").asList().isNotEmpty()
                        .allMatch(src -> src.toString().endsWith(".webp"));
                assertThat(((Number) js("return document.images.length;")).intValue()).as(where).isPositive();
            }
        }
    }

    @Test
    void theTextIsSetInTheSitesOwnSerifAndSansLoadedUnderTheContentSecurityPolicy() {
        open(Screen.PHONE, SEED_URL);
        Awaitility.await("the fonts in use have loaded").atMost(Duration.ofSeconds(10)).until(() -> Boolean.TRUE.equals(
                ((JavascriptExecutor) browser).executeAsyncScript(
                        "const done = arguments[arguments.length - 1]; document.fonts.ready.then(() => done(true));")));
        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) js("""
                return [...document.fonts].filter(face => face.status === 'loaded')
                    .map(face => face.family.replaceAll('"', '') + ' ' + face.weight + ' ' + face.style);""");
        assertThat(loaded).contains("Source Serif 4 400 normal", "Source Serif 4 600 700 normal", "Inter 400 normal");
        assertThat(js("return getComputedStyle(document.querySelector('.article__headline')).fontFamily;"))
                .asString().startsWith("\"Source Serif 4\"");
        assertThat(js("return getComputedStyle(document.querySelector('.site-nav a')).fontFamily;"))
                .asString().startsWith("Inter");
    }

    private void open(Screen screen, String path) {
        ChromeDriver chromium = (ChromeDriver) browser;
        // a fresh cache for every page: Chromium reuses a larger copy it already holds, which would hide what the
        // page's own srcset and sizes ask for
        chromium.executeCdpCommand("Network.enable", Map.of());
        chromium.executeCdpCommand("Network.clearBrowserCache", Map.of());
        emulateScreen(screen.width, screen.height, screen.pixelRatio, screen.mobile);
        browser.get("http://127.0.0.1:" + port + path);
        assertThat(js("return window.innerWidth;")).as("viewport").isEqualTo((long) screen.width);
    }

    private Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }
}
