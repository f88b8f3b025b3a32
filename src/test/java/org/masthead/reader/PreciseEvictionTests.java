package org.masthead.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.masthead.content.ArticleContent;
import org.masthead.content.EditableArticle;
import org.masthead.content.Author;
import org.masthead.content.Authors;
import org.masthead.content.Publishing;
import org.masthead.content.Section;
import org.masthead.content.Sections;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.Listeners;
import org.masthead.support.ReaderClient;
import org.masthead.support.Stories;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A change evicts only the cached pages that show what it touched: the rest of the site stays in memory. */
@EmptySiteTest
class PreciseEvictionTests {

    @Autowired Publishing publishing;
    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @Test
    void publishingInPoliticsLeavesTheCulturePageCachedAndRefreshesWhatShowsTheStory() {
        String unique = UUID.randomUUID().toString().substring(0, 6);
        Section politics = sections.create("Politics " + unique, "", 50);
        Section culture = sections.create("Culture " + unique, "", 51);
        Author reporter = authors.create("Reporter " + unique, "Reporter", "", null, List.of());
        Author critic = authors.create("Critic " + unique, "Critic", "", null, List.of());
        Stories stories = new Stories(publishing);
        EditableArticle council = stories.publish(ArticleContent.markdown("Council votes " + unique, null, null,
                politics.id(), List.of(reporter.id()), List.of(), "Votes.", null, "en"), Instant.now().minusSeconds(60));
        EditableArticle gallery = stories.publish(ArticleContent.markdown("Gallery opens " + unique, null, null,
                culture.id(), List.of(critic.id()), List.of(), "Paintings.", null, "en"), Instant.now().minusSeconds(50));
        Listeners.awaitAll(jdbc); // the search index has caught up, and evicted what it ranks

        ReaderClient reader = new ReaderClient(port);
        List<String> pages = List.of(culture.url(), critic.url(), politics.url(), "/", "/feed.xml", reporter.url(),
                "/news-feed", council.publicUrl(), gallery.publicUrl());
        for (String page : pages) {
            reader.get(page);
            assertThat(cacheStatus(reader, page)).as(page + " is cached").isEqualTo("HIT");
        }
        String culturePage = reader.get(culture.url()).body();

        stories.publish(ArticleContent.markdown("Budget passes " + unique, null, null, politics.id(), List.of(reporter.id()),
                List.of(), "Passed.", null, "en"), Instant.now());
        Listeners.awaitAll(jdbc);

        assertThat(cacheStatus(reader, culture.url())).as("the Culture page stays cached").isEqualTo("HIT");
        assertThat(reader.get(culture.url()).body()).isEqualTo(culturePage);
        assertThat(cacheStatus(reader, critic.url())).as("the critic's page stays cached").isEqualTo("HIT");
        HttpResponse<String> councilPage = reader.get(council.publicUrl());
        assertThat(councilPage.headers().firstValue("X-Cache")).as("another Politics story's page stays cached; it shows "
                + councilPage.headers().firstValue("Surrogate-Key").orElse("")).hasValue("HIT");
        for (String changed : List.of(politics.url(), "/", "/feed.xml", reporter.url(), "/news-feed")) {
            HttpResponse<String> page = reader.get(changed);
            assertThat(page.headers().firstValue("X-Cache")).as(changed + " was evicted").hasValue("MISS");
            assertThat(page.body()).as(changed).contains("Budget passes " + unique);
        }
    }

    @Test
    void editingAStoryEvictsItsOldAddressAndThePagesThatListIt() {
        String unique = UUID.randomUUID().toString().substring(0, 6);
        Section section = sections.create("Harbour " + unique, "", 52);
        Author author = authors.create("Harbour reporter " + unique, "Reporter", "", null, List.of());
        Stories stories = new Stories(publishing);
        EditableArticle ferry = stories.publish(ArticleContent.markdown("Ferry late " + unique, null, null, section.id(),
                List.of(author.id()), List.of(), "Late.", null, "en"), Instant.now().minusSeconds(30));
        EditableArticle pier = stories.publish(ArticleContent.markdown("Pier repaired " + unique, null, null, section.id(),
                List.of(author.id()), List.of(), "Mended.", null, "en"), Instant.now().minusSeconds(20));
        Listeners.awaitAll(jdbc);
        ReaderClient reader = new ReaderClient(port);
        String oldAddress = ferry.publicUrl();
        for (String page : List.of(oldAddress, pier.publicUrl(), section.url())) {
            reader.get(page);
            assertThat(cacheStatus(reader, page)).as(page + " is cached").isEqualTo("HIT");
        }
        assertThat(reader.get(pier.publicUrl()).body()).as("the pier story's News Feed box lists the ferry story")
                .contains("Ferry late " + unique);

        publishing.revise(Stories.SYSTEM, new Publishing.Revise(ferry.id(), ferry.version(), ArticleContent.markdown(
                "Ferry cancelled " + unique, "ferry-cancelled-" + unique, null, section.id(), List.of(author.id()),
                List.of(), "Cancelled.", null, "en"), "", Publishing.Then.KEEP));

        assertThat(reader.get(oldAddress).statusCode()).as("the old address redirects, it is not served from cache")
                .isEqualTo(301);
        HttpResponse<String> pier2 = reader.get(pier.publicUrl());
        assertThat(pier2.headers().firstValue("X-Cache")).as("a page listing the story was evicted").hasValue("MISS");
        assertThat(pier2.body()).contains("Ferry cancelled " + unique).doesNotContain("Ferry late " + unique);
        assertThat(reader.get(section.url()).body()).contains("Ferry cancelled " + unique);
    }

    private static String cacheStatus(ReaderClient reader, String path) {
        return reader.get(path).headers().firstValue("X-Cache").orElse("none");
    }
}
