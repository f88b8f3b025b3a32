package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.masthead.support.DemoSiteTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The reader pages as a reader sees them on a phone (390×844) and a laptop (1366×768): what is on screen, in
 * which order, and that nothing is hidden in a box of its own. Full-page screenshots go to target/screenshots.
 */
@DemoSiteTest
class ReaderLayoutBrowserTests extends BrowserTest {

    static final String SEED_URL = "/articles/russia-stalls-once-again-as-ukraine-pushes-for-new-february-peace-talks";

    /** A viewport the page is laid out for. */
    enum Screen {
        PHONE(390, 844, true), DESKTOP(1366, 768, false);

        final int width;
        final int height;
        final boolean mobile;

        Screen(int width, int height, boolean mobile) {
            this.width = width;
            this.height = height;
            this.mobile = mobile;
        }
    }

    @LocalServerPort
    int port;

    @Test
    void theNewsFeedEndsWithShowMoreOnThePageItselfNotInAScrollingBox() {
        for (Screen screen : Screen.values()) {
            open(screen, SEED_URL);
            WebElement showMore = browser.findElement(By.cssSelector("aside.news-feed a.show-more"));
            assertThat(browser.findElements(By.cssSelector("aside.news-feed li.feed-item"))).as(screen.name()).hasSize(10);
            assertThat(js("""
                    for (let box = arguments[0].parentElement; box; box = box.parentElement) {
                      const overflow = getComputedStyle(box).overflowY;
                      if ((overflow === 'auto' || overflow === 'scroll') && box.scrollHeight > box.clientHeight
                          && box !== document.scrollingElement) {
                        return box.className || box.tagName;
                      }
                    }
                    return null;""", showMore)).as(screen + ": a box scrolling on its own around Show More").isNull();

            // Scrolling the page, as a reader does, brings it fully into view, on top of everything else
            js("window.scrollTo(0, arguments[0].getBoundingClientRect().bottom + window.scrollY - window.innerHeight + 20);",
                    showMore);
            assertThat(js("""
                    const box = arguments[0].getBoundingClientRect();
                    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
                    return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0
                        && (hit === arguments[0] || arguments[0].contains(hit));""", showMore))
                    .as(screen + ": Show More visible").isEqualTo(true);
            Chromium.screenshot(browser, "layout-" + screen.name().toLowerCase() + "-show-more");
        }
    }

    @Test
    void theSeedArticleReadsInTheSeedsOrderWithRelatedStoriesAfterTheAuthorBox() throws IOException {
        for (Screen screen : Screen.values()) {
            open(screen, SEED_URL);
            Map<String, Double> top = new LinkedHashMap<>();
            for (String part : List.of("main article .kicker", "main article h1", "main article .meta",
                    "main article figure.lead-image", "main article .article__body", "main article .author-box",
                    "main article .author-box a.read-more", "main article .related", "aside.news-feed")) {
                top.put(part, pageTop(browser.findElement(By.cssSelector(part))));
            }
            List<Double> articleColumn = List.copyOf(top.values()).subList(0, 8);
            assertThat(articleColumn).as(screen + ": " + top).isSorted();
            assertThat(browser.findElement(By.cssSelector("main article .related h2")).getText()).isEqualTo("Related stories");
            assertThat(browser.findElements(By.cssSelector("main h2")).stream().map(WebElement::getText))
                    .as("only the author box says Read more").doesNotContain("Read more");
            WebElement feed = browser.findElement(By.cssSelector("aside.news-feed"));
            WebElement article = browser.findElement(By.cssSelector("main article"));
            if (screen == Screen.PHONE) {
                assertThat(top.get("aside.news-feed")).as("after the article on a phone").isGreaterThan(top.get("main article .related"));
            } else {
                assertThat(feed.getRect().getX()).as("beside the article on a laptop")
                        .isGreaterThanOrEqualTo(article.getRect().getX() + article.getRect().getWidth());
                assertThat(top.get("aside.news-feed")).as("level with the top of the article")
                        .isLessThanOrEqualTo(top.get("main article .kicker") + 1);
            }
            fullPageScreenshot("layout-" + screen.name().toLowerCase() + "-article");
        }
    }

    @Test
    void theFrontPageHasALeadStoryAndReachesTheNewsFeedWithinThreeScreensOnAPhone() throws IOException {
        open(Screen.PHONE, "/");
        double feedTop = pageTop(browser.findElement(By.cssSelector("aside.news-feed")));
        assertThat(feedTop).as("News Feed on a phone").isLessThan(3 * Screen.PHONE.height);
        assertThat(pageTop(browser.findElement(By.cssSelector(".lead-story")))).isLessThan(feedTop);
        assertThat(pageTop(browser.findElement(By.cssSelector(".front-sections")))).as("section rails after the feed")
                .isGreaterThan(feedTop);
        assertThat(browser.findElements(By.cssSelector(".section-block .card--compact img")))
                .as("compact lists on a phone").isEmpty();
        fullPageScreenshot("layout-phone-home");

        open(Screen.DESKTOP, "/");
        WebElement lead = browser.findElement(By.cssSelector(".lead-story"));
        WebElement feed = browser.findElement(By.cssSelector("aside.news-feed"));
        assertThat(feed.getRect().getX()).isGreaterThan(lead.getRect().getX() + lead.getRect().getWidth());
        assertThat(pageTop(feed)).as("the feed starts level with the lead").isLessThanOrEqualTo(pageTop(lead) + 1);
        // each rail: one story with its picture, the others listed beside it — no orphan card on a row of its own
        for (WebElement rail : browser.findElements(By.cssSelector(".section-block"))) {
            WebElement first = rail.findElement(By.cssSelector(".card--rail-lead"));
            for (WebElement other : rail.findElements(By.cssSelector(".card--compact"))) {
                assertThat(other.getRect().getX()).isGreaterThan(first.getRect().getX() + first.getRect().getWidth());
                assertThat(other.getRect().getY()).isLessThan(first.getRect().getY() + first.getRect().getHeight());
            }
        }
        List<WebElement> secondary = browser.findElements(By.cssSelector(".top-stories .card"));
        assertThat(secondary).hasSize(3);
        assertThat(secondary.stream().map(card -> card.getRect().getY()).distinct()).as("one row").hasSize(1);
        fullPageScreenshot("layout-desktop-home");
    }

    @Test
    void listPagesLeadWithAStoryAndLineTheirColumnUpWithTheHeader() throws IOException {
        for (Screen screen : Screen.values()) {
            for (String path : List.of("/sections/politics", "/authors/tim-zadorozhnyy", "/tags/climate")) {
                open(screen, path);
                double brandLeft = browser.findElement(By.cssSelector(".site-header .brand")).getRect().getX();
                assertThat(browser.findElement(By.cssSelector("main .page-header, main .profile")).getRect().getX()).as(screen + " " + path)
                        .isEqualTo((int) brandLeft);
                WebElement lead = browser.findElement(By.cssSelector(".card-list > .lead-story"));
                assertThat(lead.findElement(By.cssSelector("img")).getDomAttribute("loading")).as("the likely LCP image").isNull();
                assertThat(pageTop(lead)).isLessThan(pageTop(browser.findElement(By.cssSelector(".card-list > .card:not(.lead-story)"))));
                if (path.startsWith("/authors/")) {
                    assertThat(pageTop(browser.findElement(By.cssSelector(".profile")))).isLessThan(pageTop(lead));
                }
                fullPageScreenshot("layout-" + screen.name().toLowerCase() + path.replace('/', '-'));
            }
        }
    }

    @Test
    void everyReaderPageTypeHasNoAccessibilityViolationsOnAPhoneOrALaptop() throws IOException {
        for (Screen screen : Screen.values()) {
            for (String path : List.of("/", SEED_URL, "/sections/politics", "/authors/tim-zadorozhnyy", "/tags/ukraine",
                    "/search?q=peace+talks", "/about", "/news-feed")) {
                open(screen, path);
                accessibilityCheck(screen + " " + path);
                // axe 4.6 predates its target-size rule: the same check the newsroom gets (WCAG 2.2 2.5.8)
                assertThat(js(NewsroomAccessibilityBrowserTests.TARGET_SIZE_CHECK)).as(screen + " " + path
                        + ": targets under 24×24 CSS pixels without the spacing exception").asList().isEmpty();
            }
        }
    }

    private void open(Screen screen, String path) {
        emulateScreen(screen.width, screen.height, 1, screen.mobile);
        browser.get("http://127.0.0.1:" + port + path);
        assertThat(js("return window.innerWidth;")).as("viewport").isEqualTo((long) screen.width);
    }

    /** Distance from the top of the document, whatever the scroll position. */
    private double pageTop(WebElement element) {
        return ((Number) js("return arguments[0].getBoundingClientRect().top + window.scrollY;", element)).doubleValue();
    }

    private Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    /** The whole page, not just the viewport, so a reviewer sees the layout end to end. */
    private void fullPageScreenshot(String name) throws IOException {
        // lazy images would load only when scrolled near: the picture of the whole page shows them all
        js("document.querySelectorAll('img[loading=lazy]').forEach(image => image.loading = 'eager');");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                Boolean.TRUE.equals(js("return Array.from(document.images).every(image => image.complete);")));
        Map<String, Object> shot = ((ChromeDriver) browser).executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true));
        Files.createDirectories(Chromium.SCREENSHOTS);
        Files.write(Chromium.SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }
}
