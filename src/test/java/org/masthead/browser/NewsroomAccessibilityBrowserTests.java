package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.masthead.content.Authors;
import org.masthead.content.Sections;
import org.masthead.identity.StaffAccounts;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.Staff;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The newsroom for a keyboard and a finger: where focus lands after a refused save, and how big targets are. */
@EmptySiteTest
class NewsroomAccessibilityBrowserTests extends BrowserTest {

    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired StaffAccounts accounts;
    @LocalServerPort int port;

    @Test
    void aRefusedSaveOpensWithFocusOnTheListOfProblems() {
        Staff staff = Staff.create(sections, authors, accounts);
        signIn(browser, "http://127.0.0.1:" + port, staff.editor().email());
        browser.get("http://127.0.0.1:" + port + "/admin/articles/new");
        // "Publish now" with nothing written: the server refuses, and says why
        browser.findElement(By.cssSelector("button[name=action][value=publish]")).click();

        new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> !driver.findElements(By.id("errors")).isEmpty());
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(driver ->
                "errors".equals(js("return document.activeElement && document.activeElement.id;")));
        assertThat(browser.findElement(By.id("errors")).getText()).startsWith("Please check the form:");
        assertThat(js("const box = document.getElementById('errors').getBoundingClientRect();"
                + " return box.top >= 0 && box.top < window.innerHeight;")).as("scrolled into view").isEqualTo(true);
        Chromium.screenshot(browser, "newsroom-error-summary-focused");
    }

    @Test
    void newsroomTargetsAreAtLeast24PixelsSquareOrSpacedAsIfTheyWere() {
        Staff staff = Staff.create(sections, authors, accounts);
        signIn(browser, "http://127.0.0.1:" + port, staff.administrator().email());
        for (String path : List.of("/admin", "/admin/articles", "/admin/articles/new", "/admin/settings", "/admin/sections",
                "/admin/media")) {
            browser.get("http://127.0.0.1:" + port + path);
            @SuppressWarnings("unchecked")
            List<String> tooSmall = (List<String>) js(TARGET_SIZE_CHECK);
            assertThat(tooSmall).as(path + ": targets under 24×24 CSS pixels without the spacing exception").isEmpty();
        }
    }

    /**
     * WCAG 2.2 2.5.8 as written: each visible target is 24×24 CSS pixels, or a 24 px circle centred on it touches
     * no other target (nor another undersized target's circle); a link inside a sentence is exempt.
     */
    static final String TARGET_SIZE_CHECK = """
            const targets = Array.from(document.querySelectorAll(
                'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex]:not([tabindex="-1"])'))
              .filter(element => {
                const box = element.getBoundingClientRect();
                const style = getComputedStyle(element);
                return box.width > 0 && box.height > 0 && style.visibility !== 'hidden'
                    && !element.closest('.visually-hidden, [hidden], .skip-link');
              });
            const inSentence = element => element.tagName === 'A' && getComputedStyle(element).display === 'inline'
                && element.parentElement.textContent.trim().length > element.textContent.trim().length + 1;
            const small = targets.filter(element => {
              const box = element.getBoundingClientRect();
              return (box.width < 23.5 || box.height < 23.5) && !inSentence(element);
            });
            const centre = box => [box.left + box.width / 2, box.top + box.height / 2];
            const distance = ([x, y], box) => Math.hypot(Math.max(box.left - x, 0, x - box.right),
                                                         Math.max(box.top - y, 0, y - box.bottom));
            return small.filter(element => {
              const mine = centre(element.getBoundingClientRect());
              return targets.some(other => other !== element && !other.contains(element) && !element.contains(other)
                  && (small.includes(other)
                      ? Math.hypot(mine[0] - centre(other.getBoundingClientRect())[0],
                                   mine[1] - centre(other.getBoundingClientRect())[1]) < 24
                      : distance(mine, other.getBoundingClientRect()) < 12));
            }).map(element => {
              const box = element.getBoundingClientRect();
              return element.tagName.toLowerCase() + (element.id ? '#' + element.id : '')
                  + (element.className && typeof element.className === 'string' ? '.' + element.className.split(' ').join('.') : '')
                  + ' "' + (element.textContent || element.value || '').trim().slice(0, 30) + '" '
                  + Math.round(box.width) + '×' + Math.round(box.height);
            });
            """;

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }
}
