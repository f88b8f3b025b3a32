package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.masthead.content.Authors;
import org.masthead.content.Sections;
import org.masthead.identity.StaffAccounts;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.Staff;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The block editor as a newsroom uses it, in Chromium: a reporter writes a story with a heading, an attributed
 * quote, a photo dragged into the body, a YouTube embed and a table; reloads and loses nothing; submits it with a
 * note. An editor previews it as readers will see it, shares a preview link someone opens without an account,
 * sends it back with a note; the reporter fixes it; the editor publishes. Readers get every block, and the embed
 * loads only when they ask. Screenshots go to target/screenshots.
 */
@EmptySiteTest
class EditorBrowserTests extends BrowserTest {

    private static final String VIDEO = "https://www.youtube.com/watch?v=aqz-KE-bpKQ";

    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired StaffAccounts accounts;
    @LocalServerPort int port;

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static WebDriverWait waiting(WebDriver driver) {
        return (WebDriverWait) new WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class);
    }

    private void signIn(String email) {
        browser.manage().deleteAllCookies();
        browser.get(url("/admin/login"));
        waiting(browser).until(driver -> {
            driver.findElement(By.id("email")).clear();
            driver.findElement(By.id("email")).sendKeys(email);
            driver.findElement(By.id("password")).clear();
            driver.findElement(By.id("password")).sendKeys(Staff.PASSWORD);
            driver.findElement(By.id("password")).submit();
            return true;
        });
        waiting(browser).until(driver -> driver.findElement(By.tagName("h1")).getText().startsWith("Hello,"));
    }

    private WebElement body() {
        return waiting(browser).until(driver -> driver.findElement(By.cssSelector(".mh-editor [contenteditable=true]")));
    }

    private String document() {
        return (String) ((JavascriptExecutor) browser).executeScript("return JSON.stringify(window.mastheadEditor.getJSON())");
    }

    /** Autosave has sent everything typed so far: nothing is marked unsaved, and the last save succeeded. */
    private void awaitSaved() {
        // generous: late in a full run the machine is busy, and autosave retries with backoff after being offline
        new WebDriverWait(browser, java.time.Duration.ofSeconds(60)).until(driver -> !driver.findElement(By.id("unsaved-flag")).isDisplayed()
                && driver.findElement(By.id("autosave-status")).getText().startsWith("Saved"));
    }

    private void expectNotice(String text) {
        waiting(browser).until(driver -> driver.findElements(By.cssSelector("p.alert[role=status]")).stream()
                .anyMatch(notice -> notice.getText().contains(text)));
    }

    /** An image field of the picture in the body: alt text, caption or credit. */
    private WebElement pictureField(String label) {
        return browser.findElement(By.xpath("//figure[contains(@class,'mh-image')]//label[span[normalize-space()='" + label
                + "']]/*[self::input or self::textarea]"));
    }

    @Test
    void aStoryIsWrittenWithEveryKindOfBlockReviewedSharedSentBackFixedPublishedAndRead() throws Exception {
        Staff staff = Staff.create(sections, authors, accounts);
        String headline = "Peace talks resume in Geneva " + staff.section().slug();

        // --- the reporter writes, with the editor UI only ---------------------------------------------------------
        signIn(staff.reporter().email());
        browser.get(url("/admin/articles/new"));
        accessibilityCheck("the new-article editor");
        browser.findElement(By.id("headline")).sendKeys(headline);
        new Select(browser.findElement(By.id("sectionId"))).selectByVisibleText(staff.section().name());
        WebElement body = body();
        body.click();
        body.sendKeys("Negotiators met again on Monday, the first round since February.", Keys.ENTER);
        body.sendKeys("## What was said", Keys.ENTER);
        body.sendKeys("> We hope the teams will meet again soon.", Keys.ENTER, Keys.ENTER,
                "Dmytro Lytvyn, told reporters", Keys.ENTER);
        body.sendKeys("The talks continue on Tuesday.");
        awaitSaved();
        assertThat(browser.getCurrentUrl()).as("the first keystrokes created the draft").matches(".*/admin/articles/\\d+$");
        String articlePath = browser.getCurrentUrl().replaceAll("^.*(/admin/articles/\\d+)$", "$1");

        dropPhoto("harbour.jpg");
        waiting(browser).until(driver -> !driver.findElements(By.cssSelector("figure.mh-image img[src]")).isEmpty());
        pictureField("Alt text").sendKeys("Delegations arriving at the conference centre");
        pictureField("Caption").sendKeys("The delegations arrive in Geneva.");
        pictureField("Credit").sendKeys("Photo: Test Agency");
        awaitSaved();
        Chromium.screenshot(browser, "20-editor-reporter-writes");

        // --- a reload mid-way loses nothing ----------------------------------------------------------------------
        browser.navigate().refresh();
        body();
        String afterReload = document();
        assertThat(afterReload).contains("\"type\":\"heading\"", "What was said", "\"type\":\"quote\"",
                "We hope the teams will meet again soon.", "Dmytro Lytvyn, told reporters", "\"type\":\"image\"",
                "The delegations arrive in Geneva.", "Photo: Test Agency", "Delegations arriving at the conference centre");
        assertThat(browser.findElement(By.id("headline")).getAttribute("value")).isEqualTo(headline);

        // --- the lead image from the library: the dropped photo is there, with what the reporter wrote for it ------
        browser.findElement(By.cssSelector("button.pick-image[data-target=leadImage]")).click();
        waiting(browser).until(driver -> driver.findElement(By.cssSelector("#image-picker-results button"))).click();
        assertThat(browser.findElement(By.id("leadImageAlt")).getAttribute("value"))
                .isEqualTo("Delegations arriving at the conference centre");
        assertThat(browser.findElement(By.id("leadImageCredit")).getAttribute("value")).isEqualTo("Photo: Test Agency");

        // --- an embed from the slash menu, a table from the toolbar ----------------------------------------------
        body = body();
        cursorInNewParagraphAtTheEnd();
        body.sendKeys("/embed");
        waiting(browser).until(driver -> driver.findElement(By.cssSelector("[role=listbox]")).isDisplayed());
        Chromium.screenshot(browser, "21-editor-slash-menu");
        accessibilityCheck("the editor with the slash menu open");
        body.sendKeys(Keys.ENTER);
        WebElement address = waiting(browser).until(driver -> driver.findElement(By.cssSelector("#mh-embed-dialog input[type=url]")));
        accessibilityCheck("the embed dialog");
        address.sendKeys(VIDEO, Keys.ENTER);
        waiting(browser).until(driver -> document().contains("\"type\":\"embed\""));
        browser.findElement(By.cssSelector("button[aria-label='Table']")).click();
        waiting(browser).until(driver -> document().contains("\"type\":\"table\""));
        browser.switchTo().activeElement().sendKeys("Round", Keys.TAB, "City", Keys.TAB, "Outcome", Keys.TAB,
                "Third", Keys.TAB, "Geneva", Keys.TAB, "No breakthrough");
        awaitSaved();
        Chromium.screenshot(browser, "22-editor-embed-and-table");
        accessibilityCheck("the editor with a heading, a quote, a picture, an embed and a table");
        String written = document();
        assertThat(written).contains("\"provider\":\"youtube\"", VIDEO, "\"type\":\"table_header\"", "No breakthrough");

        // --- submitted with a note ---------------------------------------------------------------------------------
        browser.findElement(By.id("note")).sendKeys("Please check the quote against the recording.");
        assertThat(browser.findElement(By.id("primary-action")).getText()).isEqualTo("Submit for review");
        browser.findElement(By.id("primary-action")).click();
        expectNotice("Submitted for review");

        // --- the editor reviews: the preview, a share link, a note sending it back ----------------------------------
        signIn(staff.editor().email());
        assertThat(browser.findElement(By.cssSelector("section[aria-labelledby=review]")).getText())
                .contains(headline, "Please check the quote against the recording.");
        browser.get(url(articlePath));
        assertThat(browser.findElement(By.id("primary-action")).getText()).isEqualTo("Publish");
        browser.get(url(articlePath + "/preview"));
        assertReaderPage(headline, staff);
        assertThat(browser.findElement(By.cssSelector(".preview-notice")).getText()).contains("Preview");
        Chromium.screenshot(browser, "23-editor-previews");

        browser.get(url(articlePath));
        browser.findElement(By.cssSelector("#share button[type=submit]")).click();
        expectNotice("Preview link created");
        String shareLink = browser.findElement(By.cssSelector(".share-link__url")).getAttribute("value");
        WebDriver stranger = Chromium.start();
        try {
            stranger.get(url(java.net.URI.create(shareLink).getPath())); // the link names the site's public address
            assertThat(stranger.findElement(By.tagName("h1")).getText()).isEqualTo(headline);
            assertThat(stranger.findElement(By.cssSelector(".preview-notice")).getText()).contains("not published");
            Chromium.screenshot(stranger, "24-share-link-without-an-account");
        } finally {
            stranger.quit();
        }

        browser.get(url(articlePath));
        browser.findElement(By.id("note")).sendKeys("Add the city where the next round takes place.");
        browser.findElement(By.id("send-back")).click();
        expectNotice("Sent back");

        // --- the reporter sees the note, fixes the story, submits again ---------------------------------------------
        signIn(staff.reporter().email());
        assertThat(browser.findElement(By.cssSelector("section[aria-labelledby=sent-back]")).getText())
                .contains("Add the city where the next round takes place.");
        browser.get(url(articlePath));
        assertThat(browser.findElement(By.cssSelector(".review-notes")).getText())
                .contains("Add the city where the next round takes place.", "Please check the quote against the recording.");
        ((JavascriptExecutor) browser).executeScript("window.mastheadEditor.focus();"
                + "const view = window.mastheadEditor.view;"
                + "view.dispatch(view.state.tr.setSelection(view.state.selection.constructor.atStart(view.state.doc)));");
        body().sendKeys(Keys.END, " The next round is in Istanbul.");
        awaitSaved();
        browser.findElement(By.id("primary-action")).click();
        expectNotice("Submitted for review");

        // --- the editor sees what changed, word by word, and publishes ---------------------------------------------
        signIn(staff.editor().email());
        browser.get(url(articlePath));
        browser.findElement(By.id("changes-since-review")).click();
        assertThat(browser.findElements(By.cssSelector(".diff ins")).stream().map(WebElement::getText).toList())
                .anyMatch(inserted -> inserted.contains("Istanbul"));
        Chromium.screenshot(browser, "25-changes-since-review");
        browser.get(url(articlePath));
        browser.findElement(By.id("primary-action")).click();
        expectNotice("Published");
        String publicUrl = browser.findElement(By.linkText("View on the site")).getAttribute("href");

        // --- a reader sees every block; the video loads only after a click ------------------------------------------
        browser.manage().deleteAllCookies();
        browser.get(publicUrl);
        assertReaderPage(headline, staff);
        assertThat(browser.findElement(By.cssSelector(".article__body")).getText()).contains("The next round is in Istanbul.");
        WebElement embed = browser.findElement(By.cssSelector("figure.embed"));
        assertThat(embed.findElements(By.tagName("iframe"))).as("nothing from YouTube before the reader asks").isEmpty();
        assertThat(browser.findElements(By.cssSelector("iframe, script[src*='youtube']"))).isEmpty();
        Chromium.screenshot(browser, "26-reader-sees-every-block");
        embed.findElement(By.cssSelector("button.embed__load")).click();
        WebElement player = waiting(browser).until(driver -> driver.findElement(By.cssSelector("figure.embed iframe")));
        assertThat(player.getAttribute("src")).isEqualTo("https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ");
    }

    @Test
    void editsMadeOfflineAreKeptInTheBrowserAndSentWhenTheConnectionReturns() {
        Staff staff = Staff.create(sections, authors, accounts);
        signIn(staff.reporter().email());
        browser.get(url("/admin/articles/new"));
        browser.findElement(By.id("headline")).sendKeys("Offline " + staff.section().slug());
        WebElement body = body();
        body.click();
        body.sendKeys("Written online.");
        awaitSaved();
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll("^.*/admin/articles/(\\d+)$", "$1"));

        var network = (org.openqa.selenium.chromium.HasNetworkConditions) browser;
        var offline = new org.openqa.selenium.chromium.ChromiumNetworkConditions();
        offline.setOffline(true);
        network.setNetworkConditions(offline);
        try {
            body.sendKeys(" Written offline.");
            waiting(browser).until(driver -> driver.findElement(By.id("autosave-status")).getText().startsWith("Offline"));
            String kept = (String) ((JavascriptExecutor) browser).executeScript(
                    "return localStorage.getItem('masthead-draft:' + document.getElementById('editor').dataset.writer + ':' + arguments[0])",
                    String.valueOf(id));
            assertThat(kept).contains("Written offline.");
            assertThat(publishing.view(org.masthead.support.Stories.SYSTEM, id).body().text()).doesNotContain("offline");
            Chromium.screenshot(browser, "27-editor-offline");
        } finally {
            network.deleteNetworkConditions();
        }
        awaitSaved();
        assertThat(publishing.view(org.masthead.support.Stories.SYSTEM, id).body().text())
                .isEqualTo("Written online. Written offline.");
    }

    @Test
    void wordsKeptWhileOfflineComeBackWhenTheStoryIsOpenedAgainAfterTheTabClosed() {
        Staff staff = Staff.create(sections, authors, accounts);
        signIn(staff.reporter().email());
        browser.get(url("/admin/articles/new"));
        browser.findElement(By.id("headline")).sendKeys("Crash " + staff.section().slug());
        WebElement body = body();
        body.click();
        body.sendKeys("Before the crash.");
        awaitSaved();
        String article = browser.getCurrentUrl();
        long id = Long.parseLong(article.replaceAll("^.*/admin/articles/(\\d+)$", "$1"));
        String firstTab = browser.getWindowHandle();

        var network = (org.openqa.selenium.chromium.HasNetworkConditions) browser;
        var offline = new org.openqa.selenium.chromium.ChromiumNetworkConditions();
        offline.setOffline(true);
        network.setNetworkConditions(offline);
        try {
            body.sendKeys(" Typed offline, then the tab was gone.");
            waiting(browser).until(driver -> driver.findElement(By.id("autosave-status")).getText().startsWith("Offline"));
            browser.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
            String secondTab = browser.getWindowHandle();
            browser.switchTo().window(firstTab).close(); // the tab (or the laptop) is gone, offline, unsaved
            browser.switchTo().window(secondTab);
        } finally {
            network.deleteNetworkConditions(); // the emulation is the whole browser's; back online
        }

        browser.get(article);
        body();
        assertThat(document()).contains("Typed offline, then the tab was gone.");
        awaitSaved();
        assertThat(publishing.view(org.masthead.support.Stories.SYSTEM, id).body().text())
                .isEqualTo("Before the crash. Typed offline, then the tab was gone.");
    }

    @Test
    void textPastedFromGoogleDocsAndWordKeepsItsStructureAndLosesTheirMarkup() throws Exception {
        Staff staff = Staff.create(sections, authors, accounts);
        signIn(staff.reporter().email());
        browser.get(url("/admin/articles/new"));
        body().click();

        paste("/paste/gdocs.html");
        String docs = document();
        assertThat(docs).contains("\"type\":\"heading\"", "Council approves new budget", "\"type\":\"bullet_list\"",
                "\"type\":\"ordered_list\"", "\"type\":\"table\"", "https://example.org/budget");
        assertThat(docs).as("Docs wraps everything in <b style=font-weight:normal>: that is not bold")
                .contains("{\"type\":\"text\",\"text\":\"The council approved the plan \"}",
                        "\"marks\":[{\"type\":\"strong\"}],\"text\":\"on Tuesday\"")
                .doesNotContain("font-", "docs-internal", "style");

        ((JavascriptExecutor) browser).executeScript("""
                const view = window.mastheadEditor.view;
                view.dispatch(view.state.tr.delete(0, view.state.doc.content.size));""");
        paste("/paste/word.html");
        String word = document();
        assertThat(word).contains("Flood defences to be upgraded", "\"type\":\"bullet_list\"", "\"type\":\"ordered_list\"",
                "\"marks\":[{\"type\":\"strong\"}],\"text\":\"£40m\"");
        assertThat(word).doesNotContainPattern("mso|o:p|supportLists|\\[if|file:");
    }

    /** What the browser hands the editor when text copied elsewhere is pasted. */
    private void paste(String resource) throws IOException {
        String html;
        try (InputStream source = getClass().getResourceAsStream(resource)) {
            html = new String(source.readAllBytes(), StandardCharsets.UTF_8);
        }
        ((JavascriptExecutor) browser).executeScript("""
                const transfer = new DataTransfer();
                transfer.setData('text/html', arguments[0]);
                transfer.setData('text/plain', 'plain fallback');
                window.mastheadEditor.view.dom.dispatchEvent(new ClipboardEvent('paste',
                    { clipboardData: transfer, bubbles: true, cancelable: true }));""", html);
    }

    @Autowired org.masthead.content.Publishing publishing;

    /** The story as readers get it: headline, byline, author box and every block the reporter wrote. */
    private void assertReaderPage(String headline, Staff staff) {
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(headline);
        assertThat(browser.findElement(By.cssSelector(".byline")).getText()).contains(staff.byline().name());
        WebElement article = browser.findElement(By.cssSelector(".article__body"));
        assertThat(article.findElement(By.tagName("h2")).getText()).isEqualTo("What was said");
        assertThat(article.findElement(By.cssSelector("figure.quote blockquote")).getText())
                .isEqualTo("We hope the teams will meet again soon.");
        assertThat(article.findElement(By.cssSelector("figure.quote figcaption")).getText())
                .isEqualTo("— Dmytro Lytvyn, told reporters");
        WebElement photo = article.findElement(By.cssSelector("figure.figure"));
        assertThat(photo.findElement(By.tagName("img")).getAttribute("alt")).isEqualTo("Delegations arriving at the conference centre");
        assertThat(photo.findElement(By.cssSelector(".figure__caption")).getText()).isEqualTo("The delegations arrive in Geneva.");
        assertThat(photo.findElement(By.cssSelector(".figure__credit")).getAttribute("textContent")).isEqualTo("Photo: Test Agency");
        assertThat(article.findElements(By.cssSelector("table thead th")).stream().map(WebElement::getText).toList())
                .containsExactly("Round", "City", "Outcome");
        assertThat(article.findElements(By.cssSelector("table tbody tr:first-child td")).stream().map(WebElement::getText).toList())
                .containsExactly("Third", "Geneva", "No breakthrough");
        assertThat(article.findElement(By.cssSelector("figure.embed a")).getAttribute("href")).isEqualTo(VIDEO);
    }

    /** Where a writer continues after the last block: a new paragraph at the end, with the cursor in it. */
    private void cursorInNewParagraphAtTheEnd() {
        ((JavascriptExecutor) browser).executeScript("""
                const view = window.mastheadEditor.view;
                const tr = view.state.tr.insert(view.state.doc.content.size, view.state.schema.nodes.paragraph.create());
                const Selection = Object.getPrototypeOf(view.state.selection.constructor.prototype).constructor;
                view.dispatch(tr.setSelection(Selection.atEnd(tr.doc)));
                window.mastheadEditor.focus();
                """);
    }

    /** A photo file dropped onto the end of the body, as a browser does when one is dragged from the desktop. */
    private void dropPhoto(String name) {
        String bytes = Base64.getEncoder().encodeToString(org.masthead.media.UploadTestsSupport.jpeg(1600, 900));
        ((JavascriptExecutor) browser).executeScript("""
                const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));
                const transfer = new DataTransfer();
                transfer.items.add(new File([bytes], arguments[1], { type: 'image/jpeg' }));
                const view = window.mastheadEditor.view;
                const last = view.dom.lastElementChild.getBoundingClientRect();
                view.dom.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, clientX: last.left + 5,
                    clientY: last.bottom - 2, bubbles: true, cancelable: true }));
                """, bytes, name);
    }
}
