package org.masthead.browser;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven by Selenium, started so that nothing is downloaded and nothing phones home. Where
 * Chromium is not installed the browser tests are skipped loudly, unless {@code MASTHEAD_REQUIRE_BROWSER=true}
 * (set by .ci/run), which turns the skip into a failure.
 */
final class Chromium {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Chromium() {
    }

    static WebDriver start() {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            String message = "Chromium browser tests need " + BROWSER + " and " + DRIVER
                    + " (Debian: apt-get install -y chromium chromium-driver).";
            if (required()) {
                fail(message + " MASTHEAD_REQUIRE_BROWSER=true, so this is a failure, not a skip.");
            }
            System.err.println("\n*** SKIPPING BROWSER TESTS *** " + message + "\n");
            assumeTrue(false, message);
        }
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BROWSER.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,1024",
                    "--user-data-dir=" + Files.createTempDirectory("masthead-chromium"));
            return new ChromeDriver(options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean required() {
        String flag = System.getProperty("masthead.require-browser");
        if (flag == null || flag.isBlank() || flag.startsWith("${")) {
            flag = System.getenv("MASTHEAD_REQUIRE_BROWSER");
        }
        return Boolean.parseBoolean(flag);
    }

    static void screenshot(WebDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
