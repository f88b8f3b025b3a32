package org.masthead.newsfeed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.masthead.MastheadApplication;
import org.masthead.content.ArticleContent;
import org.masthead.content.ArticleKind;
import org.masthead.content.Authors;
import org.masthead.content.EditableArticle;
import org.masthead.content.Publishing;
import org.masthead.content.Sections;
import org.masthead.identity.StaffAccounts;
import org.masthead.support.Staff;
import org.masthead.support.ReaderClient;
import org.masthead.support.SseClient;
import org.masthead.system.EmbeddedPostgresServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two app nodes on one PostgreSQL: node A runs the embedded database, node B connects to it as an external one.
 * A publish on A reaches a reader streaming from B, and B's page cache lets go of its stale front page.
 */
class TwoNodeTests {

    @Test
    void aPublishOnOneNodeReachesStreamsAndCachedPagesOnTheOther() throws Exception {
        try (ConfigurableApplicationContext nodeA = new SpringApplicationBuilder(MastheadApplication.class).run(
                "--server.port=0", "--masthead.data-dir=target/test-data/two-nodes",
                "--masthead.embedded-database.ephemeral=true", "--masthead.demo-content=false");
             ConfigurableApplicationContext nodeB = new SpringApplicationBuilder(MastheadApplication.class).run(
                     "--server.port=0", "--masthead.data-dir=target/test-data/two-nodes-b",
                     "--spring.datasource.url=" + nodeA.getBean(EmbeddedPostgresServer.class).jdbcUrl(),
                     "--spring.datasource.username=" + nodeA.getBean(EmbeddedPostgresServer.class).username(),
                     "--spring.datasource.password=" + nodeA.getBean(EmbeddedPostgresServer.class).password(),
                     "--masthead.demo-content=false")) {

            int portB = Integer.parseInt(nodeB.getEnvironment().getProperty("local.server.port"));
            var staff = Staff.create(nodeA.getBean(Sections.class), nodeA.getBean(Authors.class),
                    nodeA.getBean(StaffAccounts.class));
            Publishing publishingA = nodeA.getBean(Publishing.class);
            String headline = "Published on node A " + staff.section().slug();
            ReaderClient readerB = new ReaderClient(portB);
            assertThat(readerB.get("/").body()).doesNotContain(headline); // B now holds its front page in cache
            assertThat(readerB.get("/").body()).doesNotContain(headline);

            try (SseClient streamB = new SseClient(portB, null)) {
                assertThat(streamB.next("ready", Duration.ofSeconds(5))).isNotNull();
                EditableArticle draft = publishingA.create(Staff.actor(staff.editor()), new Publishing.Create(ArticleKind.ARTICLE,
                        ArticleContent.markdown(headline, null, null, staff.section().id(), List.of(staff.byline().id()),
                                List.of(), "From A.", null, "en"), "", Publishing.Then.KEEP));
                long published = System.nanoTime();
                publishingA.move(Staff.actor(staff.editor()), new Publishing.Move(draft.id(), draft.version(), Publishing.Then.PUBLISH));

                SseClient.Event event = streamB.next("published", Duration.ofSeconds(1));
                assertThat(event).as("delivered on node B within 1 s").isNotNull();
                assertThat(event.data()).contains(headline);
                assertThat(Duration.ofNanos(System.nanoTime() - published)).isLessThan(Duration.ofSeconds(1));
            }
            org.awaitility.Awaitility.await("node B's cached front page was dropped").atMost(Duration.ofSeconds(1))
                    .pollInterval(Duration.ofMillis(50)).until(() -> readerB.get("/").body().contains(headline));
        }
    }
}
