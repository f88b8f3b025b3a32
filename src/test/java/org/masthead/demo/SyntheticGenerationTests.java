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
            // the shape of a real archive: fifteen years, long bodies, a word in every other story, a long tail of tags
            assertThat(jdbc.sql("select extract(year from age(max(published_at), min(published_at)))::int from article")
                    .query(Integer.class).single()).isEqualTo(14);
            assertThat(jdbc.sql("select min(word_count) from article").query(Integer.class).single()).isGreaterThanOrEqualTo(300);
            assertThat(jdbc.sql("select max(word_count) from article").query(Integer.class).single()).isBetween(1000, 1600);
            assertThat(jdbc.sql("select count(*) from article where body_text ilike '%officials%'").query(Long.class).single())
                    .isEqualTo(365);
            assertThat(jdbc.sql("select count(*) from (select tag_id from article_tag group by tag_id having count(*) = 1) once")
                    .query(Long.class).single()).as("tags used by one story only").isGreaterThan(100);
            assertThat(jdbc.sql("select count(*) from author where import_key like 'generated-writer:%'").query(Long.class).single()).isEqualTo(12);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
                    jdbc.sql("select count(*) from search_document").query(Long.class).single() == 730);
        }
    }
}
