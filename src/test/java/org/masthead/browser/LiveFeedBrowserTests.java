package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.masthead.content.ArticleContent;
import org.masthead.content.ArticleKind;
import org.masthead.content.Authors;
import org.masthead.content.EditableArticle;
import org.masthead.content.Publishing;
import org.masthead.content.Sections;
import org.masthead.identity.StaffAccounts;
import org.masthead.support.Staff;
import org.masthead.support.EmptySiteTest;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A reader with the News Feed open sees a story appear the moment it is published, without reloading. */
@EmptySiteTest
class LiveFeedBrowserTests extends BrowserTest {


    @Autowired Publishing publishing;
    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired StaffAccounts accounts;
    @LocalServerPort int port;

    @Test
    void aNewlyPublishedStoryAppearsOnTheOpenPageWithoutAReload() throws Exception {
        var staff = Staff.create(sections, authors, accounts);
        browser.get("http://127.0.0.1:" + port + "/news-feed");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.__samePage = true;");
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(driver -> // the page's EventSource is connected
                "true".equals(driver.findElement(By.cssSelector("ol[data-news-feed]")).getAttribute("data-connected")));

        String headline = "Breaking: live in the browser " + staff.section().slug();
        EditableArticle draft = publishing.create(Staff.actor(staff.editor()), new Publishing.Create(ArticleKind.ARTICLE,
                ArticleContent.markdown(headline, null, null, staff.section().id(), List.of(staff.byline().id()), List.of(),
                        "Live.", null, "en"), "", Publishing.Then.KEEP));
        publishing.move(Staff.actor(staff.editor()), new Publishing.Move(draft.id(), draft.version(), Publishing.Then.PUBLISH));

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
