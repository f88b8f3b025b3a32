package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.masthead.content.Authors;
import org.masthead.identity.StaffAccounts;
import org.masthead.content.Sections;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.Staff;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** From a contributor's draft to a correction readers see, through the real newsroom screens in Chromium. */
@EmptySiteTest
class NewsroomJourneyBrowserTests extends BrowserTest {


    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired StaffAccounts accounts;
    @LocalServerPort int port;

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void signIn(String email) {
        browser.manage().deleteAllCookies();
        browser.get(url("/admin/login"));
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(driver -> {
                    WebElement field = driver.findElement(By.id("email"));
                    field.clear();
                    field.sendKeys(email);
                    WebElement password = driver.findElement(By.id("password"));
                    password.clear();
                    password.sendKeys(Staff.PASSWORD);
                    password.submit();
                    return true;
                });
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> driver.findElement(By.tagName("h1")).getText().startsWith("Hello,"));
    }

    /** The confirmation shown after a form posts and the page reloads. */
    private void expectNotice(String text) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> driver.findElements(By.cssSelector("p.alert[role=status]")).stream()
                        .anyMatch(notice -> notice.getText().contains(text)));
    }

    @Test
    void aContributorsStoryIsPublishedByAnEditorReadByReadersAndCorrected() throws Exception {
        Staff staff = Staff.create(sections, authors, accounts);
        String headline = "Harbour ferry returns after a winter in dry dock " + staff.section().slug();
        Path photo = Files.createTempFile("ferry", ".jpg");
        Files.write(photo, org.masthead.media.UploadTestsSupport.jpeg(1600, 900));

        // the contributor writes and submits
        signIn(staff.contributor().email());
        browser.get(url("/admin/articles/new"));
        browser.findElement(By.id("headline")).sendKeys(headline);
        new Select(browser.findElement(By.id("sectionId"))).selectByVisibleText(staff.section().name());
        WebElement body = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(driver -> driver.findElement(By.cssSelector(".mh-editor [contenteditable=true]")));
        body.click();
        body.sendKeys("The ferry ", Keys.chord(Keys.CONTROL, "i"), "Marigold", Keys.chord(Keys.CONTROL, "i"),
                " sailed again on Monday.", Keys.ENTER, "Passengers cheered.");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver ->
                driver.findElement(By.id("body-stats")).getText().startsWith("9 words"));
        browser.findElement(By.id("leadImageFile")).sendKeys(photo.toAbsolutePath().toString());
        browser.findElement(By.id("leadImageAlt")).sendKeys("The ferry leaving the harbour");
        browser.findElement(By.id("leadImageCaption")).sendKeys("The Marigold on her first trip of the year.");
        browser.findElement(By.id("leadImageCredit")).sendKeys("Test Photo Agency");
        Chromium.screenshot(browser, "10-contributor-writes");
        browser.findElement(By.cssSelector("button[value=submit]")).click();
        expectNotice("Submitted for review");
        assertThat(browser.findElements(By.cssSelector("button[value=publish]"))).isEmpty();
        String articlePath = browser.getCurrentUrl().replaceAll("^.*(/admin/articles/\\d+).*$", "$1");

        // the editor finds it waiting for review and publishes it
        signIn(staff.editor().email());
        browser.findElement(By.linkText(headline)).click();
        assertThat(browser.findElement(By.cssSelector(".status")).getText()).isEqualTo("In review");
        Chromium.screenshot(browser, "11-editor-reviews");
        browser.findElement(By.cssSelector("button[value=publish]")).click();
        expectNotice("Published");

        // a reader, signed out, finds it on the front page, its section and the News Feed
        browser.manage().deleteAllCookies();
        browser.get(url("/"));
        assertThat(browser.findElement(By.cssSelector("aside.news-feed")).getText()).contains(headline);
        browser.get(url(staff.section().url()));
        assertThat(browser.findElement(By.cssSelector("main")).getText()).contains(headline);
        browser.get(url("/news-feed"));
        browser.findElement(By.linkText(headline)).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(headline);
        assertThat(browser.findElement(By.cssSelector("figcaption .caption")).getText()).isEqualTo("The Marigold on her first trip of the year.");
        WebElement image = browser.findElement(By.cssSelector("figure img"));
        assertThat(image.getAttribute("srcset")).contains("320w", "452w", "640w", "905w", "1280w");
        assertThat(image.getAttribute("alt")).isEqualTo("The ferry leaving the harbour");
        String readerUrl = browser.getCurrentUrl();
        Chromium.screenshot(browser, "12-reader-sees-story");

        // the editor adds a correction, and the reader sees it with the updated time
        signIn(staff.editor().email());
        browser.get(url(articlePath));
        browser.findElement(By.id("correction-text")).sendKeys("An earlier version gave the wrong name for the ferry.");
        browser.findElement(By.cssSelector(".corrections-admin button[type=submit]")).click();
        expectNotice("Correction published");

        browser.manage().deleteAllCookies();
        // the page is cacheable for a minute, so this browser would still show its copy: ask past the cache
        browser.get(readerUrl + "?after-correction");
        assertThat(browser.findElement(By.cssSelector(".corrections")).getText())
                .contains("Correction,", "An earlier version gave the wrong name for the ferry.");
        assertThat(browser.findElement(By.cssSelector(".updated")).getText()).startsWith("Updated");
        Chromium.screenshot(browser, "13-reader-sees-correction");
    }
}
