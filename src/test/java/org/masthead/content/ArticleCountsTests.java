package org.masthead.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.Stories;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The per-status counts the APIs' totals come from stay equal to counting the articles, whatever is changed. */
@EmptySiteTest
class ArticleCountsTests {

    @Autowired Publishing publishing;
    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired JdbcClient jdbc;

    @Test
    void countsFollowDraftsPublishingUnpublishingAndDeletion() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        long section = sections.create("Counts " + unique, "Counting desk", 0).id();
        long author = authors.create("Counter " + unique, "Reporter", "Counts.", null, List.of()).id();
        Stories stories = new Stories(publishing);
        Map<String, Long> before = kept();

        EditableArticle draft = stories.draft(Stories.content("Counted draft " + unique, section, List.of(author), List.of(), "Body."));
        EditableArticle published = stories.publish(
                Stories.content("Counted story " + unique, section, List.of(author), List.of(), "Body."),
                Instant.parse("2025-03-01T10:00:00Z"));
        assertThat(kept()).isEqualTo(counted());
        assertThat(kept().get("article/draft")).isEqualTo(before.getOrDefault("article/draft", 0L) + 1);
        assertThat(kept().get("article/published")).isEqualTo(before.getOrDefault("article/published", 0L) + 1);

        stories.publishNow(draft);
        stories.unpublish(stories.current(published.id()));
        assertThat(kept()).isEqualTo(counted());

        EditableArticle current = stories.current(published.id());
        publishing.delete(Stories.SYSTEM, new Publishing.Delete(current.id(), current.version()));
        assertThat(kept()).isEqualTo(counted());
        assertThat(kept().get("article/published")).isEqualTo(before.getOrDefault("article/published", 0L) + 1);

        // a change that leaves kind and status alone touches no count
        jdbc.sql("update article set headline = headline where id = ?").param(draft.id()).update();
        assertThat(kept()).isEqualTo(counted());
    }

    private Map<String, Long> kept() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("select kind, status, articles from content_post_count where articles <> 0")
                .query(rs -> {
                    counts.put(rs.getString("kind") + "/" + rs.getString("status"), rs.getLong("articles"));
                });
        return counts;
    }

    private Map<String, Long> counted() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("select kind, status, count(*) as articles from article group by kind, status")
                .query(rs -> {
                    counts.put(rs.getString("kind") + "/" + rs.getString("status"), rs.getLong("articles"));
                });
        return counts;
    }
}
