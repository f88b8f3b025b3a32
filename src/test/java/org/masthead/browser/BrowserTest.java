package org.masthead.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.WebDriver;

/** One Chromium for the test class, started before its tests and quit after them. */
abstract class BrowserTest {

    static WebDriver browser;

    @BeforeAll
    static void openBrowser() {
        browser = Chromium.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }
}
