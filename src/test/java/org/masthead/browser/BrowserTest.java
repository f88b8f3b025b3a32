package org.masthead.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.WebDriver;

/** One Chromium for the test class, started before its tests and quit after them. */
abstract class BrowserTest {

    static WebDriver browser;

    @BeforeAll
    static void openBrowser() {
        browser = Chromium.start();
    }

    private static boolean emulatingAScreen;

    /** Lays pages out as on a screen this size (CSS pixels, device pixel ratio), until the test ends. */
    static void emulateScreen(int width, int height, int pixelRatio, boolean mobile) {
        ((org.openqa.selenium.chrome.ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", width, "height", height, "deviceScaleFactor", pixelRatio, "mobile", mobile));
        emulatingAScreen = true;
    }

    @AfterEach
    void backToTheDefaultWindow() {
        if (emulatingAScreen && browser != null) {
            ((org.openqa.selenium.chrome.ChromeDriver) browser).executeCdpCommand("Emulation.clearDeviceMetricsOverride",
                    java.util.Map.of());
        }
        emulatingAScreen = false;
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    /** Signs a staff member in through the newsroom's sign-in page and waits for the dashboard. */
    static void signIn(WebDriver browser, String baseUrl, String email) {
        browser.manage().deleteAllCookies();
        browser.get(baseUrl + "/admin/login");
        browser.findElement(org.openqa.selenium.By.id("email")).sendKeys(email);
        browser.findElement(org.openqa.selenium.By.id("password")).sendKeys(org.masthead.support.Staff.PASSWORD);
        browser.findElement(org.openqa.selenium.By.id("password")).submit();
        // the sign-in page's heading, read just as the dashboard replaces it, is stale: read the new one
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(driver ->
                        driver.findElement(org.openqa.selenium.By.tagName("h1")).getText().startsWith("Hello,"));
    }

    /** axe-core, as published on WebJars, run in the page: no violations. */
    static void accessibilityCheck(String what) throws java.io.IOException {
        accessibilityCheck(browser, what);
    }

    /** The same in a browser of the test's own (tests that drive several). */
    static void accessibilityCheck(WebDriver browser, String what) throws java.io.IOException {
        String axe;
        try (java.io.InputStream source = BrowserTest.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            axe = new String(source.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        org.openqa.selenium.JavascriptExecutor page = (org.openqa.selenium.JavascriptExecutor) browser;
        page.executeScript(axe);
        @SuppressWarnings("unchecked")
        java.util.List<Object> violations = (java.util.List<Object>) page.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document).then(result => done(result.violations.map(v =>
                    v.id + ': ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))));
                """);
        org.assertj.core.api.Assertions.assertThat(violations).as("axe-core violations on " + what).isEmpty();
    }
}
