package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadApplication;
import org.masthead.body.BodyFormat;
import org.masthead.content.Actor;
import org.masthead.content.Authors;
import org.masthead.content.EditableArticle;
import org.masthead.content.LiveBlogs;
import org.masthead.content.Publishing;
import org.masthead.content.Sections;
import org.masthead.identity.StaffAccounts;
import org.masthead.media.MediaFile;
import org.masthead.media.MediaLibrary;
import org.masthead.media.UploadTestsSupport;
import org.masthead.support.SseClient;
import org.masthead.support.Staff;
import org.masthead.support.Stories;
import org.masthead.system.EmbeddedPostgresServer;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Live coverage end to end in Chromium: two readers on two nodes have the live blog open; a reporter on the first
 * node posts three entries (one with a photo, one a key event), edits one and deletes one; both readers see every
 * change within a second and in order — new entries behind the "new updates" button, edits and deletions at once,
 * the key-events list kept current — and a reader who was away catches up from Last-Event-ID without gaps or
 * duplicates. Both pages pass axe-core.
 */
class LiveBlogBrowserTests {

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static WebDriver readerA;
    private static WebDriver readerB;

    @BeforeAll
    static void twoNodesAndTwoReaders() {
        readerA = Chromium.start();
        readerB = Chromium.start();
        nodeA = new SpringApplicationBuilder(MastheadApplication.class).run("--server.port=0",
                "--masthead.data-dir=target/test-data/live-two-nodes", "--masthead.embedded-database.ephemeral=true",
                "--masthead.demo-content=false");
        EmbeddedPostgresServer database = nodeA.getBean(EmbeddedPostgresServer.class);
        nodeB = new SpringApplicationBuilder(MastheadApplication.class).run("--server.port=0",
                "--masthead.data-dir=target/test-data/live-two-nodes-b", "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(), "--spring.datasource.password=" + database.password(),
                "--masthead.demo-content=false");
    }

    @AfterAll
    static void stop() {
        for (WebDriver reader : new WebDriver[] {readerA, readerB}) {
            if (reader != null) {
                reader.quit();
            }
        }
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    private static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void twoReadersOnTwoNodesSeeEveryChangeWithinASecondAndAnAbsentReaderCatchesUp() throws Exception {
        Staff staff = Staff.create(nodeA.getBean(Sections.class), nodeA.getBean(Authors.class), nodeA.getBean(StaffAccounts.class));
        Actor reporter = Staff.actor(staff.reporter());
        Actor editor = Staff.actor(staff.editor());
        LiveBlogs live = nodeA.getBean(LiveBlogs.class);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        EditableArticle article = new Stories(nodeA.getBean(Publishing.class)).publish(Stories.content("Summit live " + unique,
                staff.section().id(), List.of(staff.byline().id()), List.of(), "Follow the summit as it happens."),
                Instant.now().minusSeconds(600));
        live.start(editor, article.id());
        LiveBlogs.Entry opening = live.add(reporter, article.id(), markdown("", "Delegations are arriving.", false));
        String path = "/articles/" + article.slug();

        readerA.get("http://127.0.0.1:" + port(nodeA) + path);
        readerB.get("http://127.0.0.1:" + port(nodeB) + path);
        for (WebDriver reader : List.of(readerA, readerB)) {
            waitUpTo(reader, Duration.ofSeconds(10)).until(driver -> "true".equals(driver.findElement(By.cssSelector("section.live"))
                    .getDomAttribute("data-connected")));
            BrowserTest.accessibilityCheck(reader, "a live blog page");
        }
        String awayFrom;
        try (SseClient ready = new SseClient(port(nodeB), path + "/live", null)) {
            awayFrom = ready.next("ready", Duration.ofSeconds(5)).id(); // a reader who now goes offline
        }

        // three entries: one with a photo and its credit, one a key event
        MediaFile photo = nodeA.getBean(MediaLibrary.class).upload(UploadTestsSupport.jpeg(801, 451), "summit.jpg", null);
        String photoBlocks = """
                {"type":"doc","version":1,"content":[
                  {"type":"paragraph","content":[{"type":"text","text":"The delegations pose on the steps."}]},
                  {"type":"image","attrs":{"mediaId":%d,"alt":"Delegates on the palace steps","caption":"Family photo","credit":"Photo: Lena Hart"}}]}
                """.formatted(photo.id());
        List<LiveBlogs.Entry> posted = new ArrayList<>();
        posted.add(live.add(reporter, article.id(), new LiveBlogs.EntryContent("Family photo", photoBlocks, BodyFormat.BLOCKS,
                false, false, List.of())));
        posted.add(live.add(reporter, article.id(), markdown("Ceasefire agreed", "Both sides agree a 72-hour ceasefire.", true)));
        posted.add(live.add(reporter, article.id(), markdown("", "Talks pause for lunch.", false)));
        for (WebDriver reader : List.of(readerA, readerB)) {
            waitUpTo(reader, Duration.ofSeconds(1)).until(driver -> driver.findElement(By.cssSelector(".live__show-new"))
                    .getText().equals("3 new updates"));
            assertThat(reader.findElements(By.cssSelector(".key-events__list a"))).extracting(element -> element.getText())
                    .containsExactly("Ceasefire agreed");
            reader.findElement(By.cssSelector(".live__show-new")).click();
            assertThat(reader.findElements(By.cssSelector(".live__entries .live-entry"))).extracting(e -> e.getDomAttribute("id"))
                    .containsExactly("entry-" + posted.get(2).id(), "entry-" + posted.get(1).id(), "entry-" + posted.get(0).id(),
                            "entry-" + opening.id());
            assertThat(reader.findElement(By.cssSelector("#entry-" + posted.get(0).id() + " img")).getDomAttribute("alt"))
                    .isEqualTo("Delegates on the palace steps");
            assertThat(reader.findElement(By.cssSelector("#entry-" + posted.get(0).id())).getText()).containsIgnoringCase("Photo: Lena Hart");
        }

        LiveBlogs.Entry lunch = posted.get(2);
        live.edit(reporter, lunch.id(), lunch.version(), markdown("", "Talks pause for a working lunch.", false));
        for (WebDriver reader : List.of(readerA, readerB)) {
            waitUpTo(reader, Duration.ofSeconds(1)).until(driver -> driver.findElement(By.id("entry-" + lunch.id())).getText()
                    .contains("working lunch"));
        }
        live.delete(editor, opening.id());
        for (WebDriver reader : List.of(readerA, readerB)) {
            waitUpTo(reader, Duration.ofSeconds(1)).until(driver -> driver.findElements(By.id("entry-" + opening.id())).isEmpty());
            BrowserTest.accessibilityCheck(reader, "a live blog page after live changes");
        }

        // back online: everything missed, in order, once
        try (SseClient back = new SseClient(port(nodeB), path + "/live", awayFrom)) {
            List<String> replayed = new ArrayList<>();
            for (SseClient.Event event = back.next(Duration.ofSeconds(2)); event != null; event = back.next(Duration.ofMillis(500))) {
                replayed.add(event.name() + ":" + org.masthead.support.GhostClient.JSON.readTree(event.data()).path("entryId").asLong());
            }
            assertThat(replayed).containsExactly("added:" + posted.get(0).id(), "added:" + posted.get(1).id(),
                    "added:" + posted.get(2).id(), "edited:" + lunch.id(), "deleted:" + opening.id());
        }
    }

    @Test
    void twoReportersOnTheDeskSeeEachOthersEntriesWithoutReloading() throws Exception {
        Staff staff = Staff.create(nodeA.getBean(Sections.class), nodeA.getBean(Authors.class), nodeA.getBean(StaffAccounts.class));
        Staff other = Staff.create(nodeA.getBean(Sections.class), nodeA.getBean(Authors.class), nodeA.getBean(StaffAccounts.class));
        String unique = UUID.randomUUID().toString().substring(0, 8);
        EditableArticle article = new Stories(nodeA.getBean(Publishing.class)).publish(Stories.content("Election night " + unique,
                staff.section().id(), List.of(staff.byline().id()), List.of(), "Results as they come in."),
                Instant.now().minusSeconds(600));
        nodeA.getBean(LiveBlogs.class).start(Staff.actor(staff.editor()), article.id());
        BrowserTest.signIn(readerA, "http://127.0.0.1:" + port(nodeA), staff.reporter().email());
        BrowserTest.signIn(readerB, "http://127.0.0.1:" + port(nodeB), other.reporter().email());
        for (WebDriver desk : List.of(readerA, readerB)) {
            desk.get("http://127.0.0.1:" + port(desk == readerA ? nodeA : nodeB) + "/admin/live/" + article.id());
            waitUpTo(desk, Duration.ofSeconds(5)).until(driver -> driver.findElement(By.tagName("h1")).getText().startsWith("Live desk"));
            BrowserTest.accessibilityCheck(desk, "the live desk");
        }

        // Ctrl+Enter posts from the compose box; the other reporter's desk shows it without a reload
        org.openqa.selenium.WebElement body = readerA.findElement(By.id("body"));
        body.sendKeys("First results: turnout at 64 percent " + unique);
        body.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, org.openqa.selenium.Keys.ENTER));
        waitUpTo(readerA, Duration.ofSeconds(5)).withMessage(() -> readerA.findElement(By.tagName("main")).getText())
                .until(driver -> driver.findElements(By.cssSelector("p.alert[role=status]")).stream()
                        .anyMatch(notice -> notice.getText().equals("Posted.")));
        waitUpTo(readerB, Duration.ofSeconds(2)).until(driver -> driver.findElement(By.id("desk-stream")).getText()
                .contains("turnout at 64 percent " + unique));

        // what a reporter is typing survives a reload of the desk
        org.openqa.selenium.WebElement draft = readerB.findElement(By.id("body"));
        draft.sendKeys("Half-written update " + unique);
        readerB.navigate().refresh();
        waitUpTo(readerB, Duration.ofSeconds(5)).until(driver -> driver.findElement(By.id("body")).getDomProperty("value")
                .equals("Half-written update " + unique));
    }

    private static LiveBlogs.EntryContent markdown(String title, String text, boolean keyEvent) {
        return new LiveBlogs.EntryContent(title, text, BodyFormat.MARKDOWN, keyEvent, false, List.of());
    }

    private static WebDriverWait waitUpTo(WebDriver reader, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(reader, timeout, Duration.ofMillis(25));
        wait.ignoring(StaleElementReferenceException.class).ignoring(org.openqa.selenium.WebDriverException.class);
        return wait;
    }
}
