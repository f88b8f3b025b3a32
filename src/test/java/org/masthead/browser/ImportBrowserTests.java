package org.masthead.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.archive.ImportArchives;
import org.masthead.content.Authors;
import org.masthead.content.Sections;
import org.masthead.identity.StaffAccounts;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.Staff;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The import screen in a real browser: a file chosen, checked by a dry run, started, its progress followed by the
 * page reloading itself (no JavaScript), every page free of axe-core violations. Screenshots of the progress
 * screen go to target/screenshots.
 */
@EmptySiteTest
class ImportBrowserTests extends BrowserTest {

    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired StaffAccounts accounts;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @LocalServerPort int port;
    @TempDir Path folder;

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void anAdministratorChecksAnArchiveThenImportsItOnAccessiblePages() throws Exception {
        Staff staff = Staff.create(sections, authors, accounts);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Path archive = ImportArchives.write(folder, unique, 400);
        WebDriverWait waiting = new WebDriverWait(browser, Duration.ofSeconds(60));
        // the progress page reloads itself while the import runs: an element read just before a reload is gone
        waiting.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.WebDriverException.class); // "node does not belong to the document" mid-reload
        signIn(browser, url(""), staff.administrator().email());

        browser.get(url("/admin/imports"));
        accessibilityCheck("the import screen");
        browser.findElement(By.id("archive")).sendKeys(archive.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("form[enctype] button.primary")).click();
        waiting.until(driver -> driver.findElement(By.tagName("h1")).getText().contains("(dry run)"));
        waiting.until(driver -> driver.getPageSource().contains("Dry run finished"));
        accessibilityCheck("a finished dry run");

        browser.findElement(By.cssSelector("form[action$='/start'] button")).click();
        waiting.until(driver -> driver.findElement(By.tagName("h1")).getText().matches("Import #\\d+"));
        accessibilityCheck("an import starting or in progress");
        waiting.until(driver -> driver.getPageSource().contains("Import finished."));
        screenshot("import-finished.png");
        org.assertj.core.api.Assertions.assertThat(browser.findElement(By.cssSelector("dl.counts")).getText())
                .contains("400"); // finished: the page no longer reloads
    }

    @Test
    void aRunningImportShowsItsProgressCountsAndTimeLeft() throws Exception {
        Staff staff = Staff.create(sections, authors, accounts);
        // an import as it stands half-way (its node beating), so the page is caught mid-run on any machine
        long id = jdbc.sql("""
                insert into import_job (file_name, stored_file, format, dry_run, status, started_by, created_at, started_at,
                    heartbeat_at, total_posts, processed, created, unchanged, images_stored, images_failed)
                values ('gazette-export.xml', '/nonexistent', 'wordpress', false, 'running', ?, now(), now() - interval '90 seconds',
                    now() + interval '1 hour', 4200, 1800, 1750, 50, 310, 4)
                returning id
                """).param(staff.administrator().displayName()).query(Long.class).single();
        try {
            WebDriverWait waiting = new WebDriverWait(browser, Duration.ofSeconds(30));
            waiting.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.WebDriverException.class); // "node does not belong to the document" mid-reload
            signIn(browser, url(""), staff.administrator().email());
            browser.get(url("/admin/imports/" + id));
            waiting.until(driver -> driver.findElement(By.cssSelector("progress")).getAttribute("value").equals("42"));
            org.assertj.core.api.Assertions.assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
                    .startsWith("Importing…").contains("min left");
            org.assertj.core.api.Assertions.assertThat(browser.findElement(By.cssSelector(".import-progress")).getText())
                    .contains("42 % · 1800 of 4200 posts");
            screenshot("import-progress.png");
            accessibilityCheck("an import in progress");
        } finally {
            jdbc.sql("update import_job set status = 'failed', error = 'test' where id = ?").param(id).update();
        }
    }

    private static void screenshot(String name) throws java.io.IOException {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
