package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.masthead.support.DemoSiteTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

@DemoSiteTest
class ReaderJourneyBrowserTests extends BrowserTest {

    static final String SEED_HEADLINE = "Russia stalls once again as Ukraine pushes for new February peace talks";


    @LocalServerPort
    int port;

    @Test
    void aReaderFollowsTheSeedStoryReadsItLoadsMoreNewsAndVisitsTheAuthor() {
        browser.get("http://127.0.0.1:" + port + "/");
        Chromium.screenshot(browser, "01-home");
        browser.findElement(By.linkText(SEED_HEADLINE)).click();

        assertThat(browser.getCurrentUrl()).endsWith("/articles/russia-stalls-once-again-as-ukraine-pushes-for-new-february-peace-talks");
        WebElement article = browser.findElement(By.cssSelector("main article"));
        assertThat(text(article.findElement(By.cssSelector(".kicker a")))).isEqualTo("Politics");
        assertThat(article.findElement(By.tagName("h1")).getText()).isEqualTo(SEED_HEADLINE);
        assertThat(article.findElement(By.cssSelector(".reading-time")).getText()).isEqualTo("2 min read");
        assertThat(article.findElement(By.cssSelector("figcaption .caption")).getText())
                .isEqualTo("Kremlin spokesperson Dmitry Peskov in Moscow on April 25, 2024.");
        assertThat(text(article.findElement(By.cssSelector("figcaption .credit")))).endsWith("Alexander Nemenov / Getty Images");
        WebElement leadImage = article.findElement(By.cssSelector("figure img"));
        assertThat(leadImage.getAttribute("complete")).isEqualTo("true");
        assertThat(Integer.parseInt(leadImage.getAttribute("naturalWidth"))).isPositive();
        assertThat(leadImage.getAttribute("currentSrc")).matches(".*/media/[0-9a-f]{32}\\.webp"); // a WebP srcset candidate
        WebElement author = article.findElement(By.cssSelector(".author-box"));
        assertThat(author.findElement(By.cssSelector(".author-box__name")).getText()).isEqualTo("Tim Zadorozhnyy");
        assertThat(author.findElement(By.cssSelector(".author-box__role")).getText()).isEqualTo("Reporter");
        assertThat(author.findElement(By.cssSelector(".author-box__bio")).getText()).startsWith("Tim Zadorozhnyy is the reporter for the Kyiv Independent");
        Chromium.screenshot(browser, "02-article");

        // "Show More" appends the next items in place: same page, more items, no duplicates
        ((JavascriptExecutor) browser).executeScript("window.__samePage = true;");
        List<WebElement> before = browser.findElements(By.cssSelector("aside.news-feed li.feed-item"));
        assertThat(before).hasSize(10);
        WebElement showMore = browser.findElement(By.cssSelector("aside.news-feed a.show-more"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", showMore);
        showMore.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver ->
                driver.findElements(By.cssSelector("aside.news-feed li.feed-item")).size() == 30);
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__samePage === true;")).isEqualTo(true);
        List<String> links = browser.findElements(By.cssSelector("aside.news-feed li.feed-item a")).stream()
                .map(link -> link.getAttribute("href")).toList();
        assertThat(links).hasSize(30).doesNotHaveDuplicates();
        Chromium.screenshot(browser, "03-show-more");

        browser.findElement(By.cssSelector(".author-box a.read-more")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/authors/tim-zadorozhnyy");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Tim Zadorozhnyy");
        assertThat(browser.findElements(By.cssSelector("article.card .card__title a")).stream().map(WebElement::getText))
                .contains(SEED_HEADLINE);
        Chromium.screenshot(browser, "04-author");
    }

    /** Text as in the document, whatever CSS does to its case or visibility. */
    private static String text(WebElement element) {
        return element.getAttribute("textContent").strip();
    }
}
