package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.masthead.article.Article;
import org.masthead.article.ArticleContent;
import org.masthead.author.Authors;
import org.masthead.editorial.Newsroom;
import org.masthead.identity.StaffAccounts;
import org.masthead.section.Sections;
import org.masthead.support.EmptySiteTest;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A reader with the News Feed open sees a story appear the moment it is published, without reloading. */
@EmptySiteTest
class LiveFeedBrowserTests extends BrowserTest {


    @Autowired Newsroom newsroom;
    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired StaffAccounts accounts;
    @LocalServerPort int port;

    @Test
    void aNewlyPublishedStoryAppearsOnTheOpenPageWithoutAReload() throws Exception {
        var staff = org.masthead.support.Newsroom.create(sections, authors, accounts);
        browser.get("http://127.0.0.1:" + port + "/news-feed");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.__samePage = true;");
        Thread.sleep(1_000); // the page's EventSource connects

        String headline = "Breaking: live in the browser " + staff.section().slug();
        Article draft = newsroom.create(staff.editor(), new ArticleContent(headline, null, null, staff.section().id(),
                List.of(staff.byline().id()), List.of(), "Live.", null, "en"));
        newsroom.publish(staff.editor(), draft.id(), draft.version());

        new WebDriverWait(browser, Duration.ofSeconds(5)).until(driver ->
                driver.findElement(By.cssSelector("ol[data-news-feed] li:first-child a")).getText().equals(headline));
        assertThat(browser.findElement(By.id("news-feed-live")).getText()).isEqualTo("1 new");
        assertThat(browser.findElement(By.cssSelector("ol[data-news-feed] li:first-child")).getAttribute("class"))
                .contains("feed-item--new");
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.__samePage === true;"))
                .isEqualTo(true);
        Chromium.screenshot(browser, "20-live-news-feed");
    }
}
