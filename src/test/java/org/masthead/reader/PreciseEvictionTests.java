package org.masthead.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.masthead.content.ArticleContent;
import org.masthead.content.Author;
import org.masthead.content.Authors;
import org.masthead.content.Publishing;
import org.masthead.content.Section;
import org.masthead.content.Sections;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.ReaderClient;
import org.masthead.support.Stories;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A change evicts only the cached pages that show what it touched: the rest of the site stays in memory. */
@EmptySiteTest
class PreciseEvictionTests {

    @Autowired Publishing publishing;
    @Autowired Sections sections;
    @Autowired Authors authors;
    @LocalServerPort int port;

    @Test
    void publishingInPoliticsLeavesTheCulturePageCachedAndRefreshesWhatShowsTheStory() {
        String unique = UUID.randomUUID().toString().substring(0, 6);
        Section politics = sections.create("Politics " + unique, "", 50);
        Section culture = sections.create("Culture " + unique, "", 51);
        Author reporter = authors.create("Reporter " + unique, "Reporter", "", null, List.of());
        Author critic = authors.create("Critic " + unique, "Critic", "", null, List.of());
        Stories stories = new Stories(publishing);
        stories.publish(ArticleContent.markdown("Council votes " + unique, null, null, politics.id(), List.of(reporter.id()),
                List.of(), "Votes.", null, "en"), Instant.now().minusSeconds(60));
        stories.publish(ArticleContent.markdown("Gallery opens " + unique, null, null, culture.id(), List.of(critic.id()),
                List.of(), "Paintings.", null, "en"), Instant.now().minusSeconds(50));

        ReaderClient reader = new ReaderClient(port);
        List<String> pages = List.of(culture.url(), critic.url(), politics.url(), "/", "/feed.xml", reporter.url(),
                "/news-feed");
        for (String page : pages) {
            reader.get(page);
            assertThat(cacheStatus(reader, page)).as(page + " is cached").isEqualTo("HIT");
        }
        String culturePage = reader.get(culture.url()).body();

        stories.publish(ArticleContent.markdown("Budget passes " + unique, null, null, politics.id(), List.of(reporter.id()),
                List.of(), "Passed.", null, "en"), Instant.now());

        assertThat(cacheStatus(reader, culture.url())).as("the Culture page stays cached").isEqualTo("HIT");
        assertThat(reader.get(culture.url()).body()).isEqualTo(culturePage);
        assertThat(cacheStatus(reader, critic.url())).as("the critic's page stays cached").isEqualTo("HIT");
        for (String changed : List.of(politics.url(), "/", "/feed.xml", reporter.url(), "/news-feed")) {
            HttpResponse<String> page = reader.get(changed);
            assertThat(page.headers().firstValue("X-Cache")).as(changed + " was evicted").hasValue("MISS");
            assertThat(page.body()).as(changed).contains("Budget passes " + unique);
        }
    }

    private static String cacheStatus(ReaderClient reader, String path) {
        return reader.get(path).headers().firstValue("X-Cache").orElse("none");
    }
}
