package org.masthead.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.masthead.MastheadApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code --masthead.generate-articles=N} (benchmark datasets) goes through the importers' batched path: every story
 * published with its bylines, tags and lead picture, indexed for search per batch, and none announced in the News
 * Feed as if it were breaking news.
 */
class SyntheticGenerationTests {

    @Test
    void generatedArticlesArePublishedIndexedAndNotAnnounced() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MastheadApplication.class).run(
                "--server.port=0", "--masthead.data-dir=target/test-data/generation",
                "--masthead.embedded-database.ephemeral=true", "--masthead.demo-content=false",
                "--masthead.generate-articles=730")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from article where status = 'published' and import_key like 'generated:%'")
                    .query(Long.class).single()).isEqualTo(730);
            assertThat(jdbc.sql("select count(*) from article a where not exists (select 1 from article_author aa where aa.article_id = a.id)")
                    .query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select count(*) from article where lead_image_id is null").query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select count(*) from feed_event").query(Long.class).single()).isZero();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
                    jdbc.sql("select count(*) from search_document").query(Long.class).single() == 730);
        }
    }
}
