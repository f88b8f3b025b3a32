package org.masthead.browser;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.masthead.content.Authors;
import org.masthead.content.Sections;
import org.masthead.identity.StaffAccounts;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.Staff;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The integration screens in a real browser: created by keyboard-reachable forms, and free of axe-core violations. */
@EmptySiteTest
class IntegrationsBrowserTests extends BrowserTest {

    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired StaffAccounts accounts;
    @LocalServerPort int port;

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void anAdministratorSetsUpAnIntegrationWithAWebhookOnAccessiblePages() throws Exception {
        Staff staff = Staff.create(sections, authors, accounts);
        WebDriverWait waiting = new WebDriverWait(browser, Duration.ofSeconds(15));
        signIn(browser, url(""), staff.administrator().email());

        browser.get(url("/admin/integrations"));
        accessibilityCheck("the integrations list");
        browser.findElement(By.id("name")).sendKeys("Browser app " + UUID.randomUUID().toString().substring(0, 6));
        new Select(browser.findElement(By.id("role"))).selectByValue("REPORTER");
        browser.findElement(By.cssSelector("button.primary")).click();
        waiting.until(driver -> driver.findElement(By.id("content-key")).getText().matches("[0-9a-f]{26}"));
        accessibilityCheck("an integration's keys");

        browser.findElement(By.id("targetUrl")).sendKeys("http://127.0.0.1:9/hook");
        browser.findElement(By.id("secret")).sendKeys("shh");
        browser.findElement(By.cssSelector("#webhooks-heading ~ form button.primary")).click();
        waiting.until(driver -> !driver.findElements(By.linkText("Delivery log")).isEmpty()
                || !driver.findElements(By.partialLinkText("Delivery log")).isEmpty());
        accessibilityCheck("an integration with a webhook");
        browser.findElement(By.partialLinkText("Delivery log")).click();
        waiting.until(driver -> driver.findElement(By.tagName("h1")).getText().startsWith("Deliveries of"));
        accessibilityCheck("a webhook's delivery log");
    }
}
