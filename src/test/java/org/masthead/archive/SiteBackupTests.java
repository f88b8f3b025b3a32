package org.masthead.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.content.Author;
import org.masthead.content.Authors;
import org.masthead.content.EditableArticle;
import org.masthead.content.LeadImage;
import org.masthead.content.Publishing;
import org.masthead.content.Section;
import org.masthead.content.Sections;
import org.masthead.media.MediaFile;
import org.masthead.media.MediaLibrary;
import org.masthead.media.MediaStore;
import org.masthead.media.UploadTestsSupport;
import org.masthead.support.Stories;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whole-site backup and restore. A restore empties every table, so these tests run on a database of their own (their
 * own data directory), never the one the other test classes share, and close it when they are done.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "masthead.data-dir=target/test-data/site-backup", "masthead.embedded-database.ephemeral=true",
        "masthead.demo-content=false"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SiteBackupTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired SiteBackup backups;
    @Autowired Publishing publishing;
    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired MediaLibrary media;
    @Autowired MediaStore store;
    @Autowired JdbcClient jdbc;
    @TempDir Path temp;

    String unique;
    Section section;
    Author writer;
    Stories stories;

    @BeforeEach
    void desk() {
        unique = UUID.randomUUID().toString().substring(0, 8);
        section = sections.create("Backup desk " + unique, "", 0);
        writer = authors.create("Backup Writer " + unique, "Reporter", "", null, List.of());
        stories = new Stories(publishing);
    }

    @Test
    void aRestoreBringsBackEveryArticleHeadlineAndPictureAsTheBackupHadThem() throws IOException {
        MediaFile picture = media.upload(UploadTestsSupport.jpeg(751, 419), "harbour.jpg", null);
        EditableArticle kept = stories.publish(new org.masthead.content.ArticleContent("Harbour reopens " + unique, null,
                null, section.id(), List.of(writer.id()), List.of("Ports " + unique), "Ships are back.",
                org.masthead.body.BodyFormat.MARKDOWN, new LeadImage(picture.id(), "Cranes", "", "Photo: Ana"), "en"),
                Instant.parse("2025-03-01T10:00:00Z"));
        EditableArticle removed = stories.publish(Stories.content("Bridge closes " + unique, section.id(),
                List.of(writer.id()), List.of(), "Repairs."), Instant.parse("2025-03-02T10:00:00Z"));
        long articles = count("article");
        Map<String, Object> countsBefore = articleCounts();
        Path dir = temp.resolve("backup");

        BackupManifest manifest = backups.backup(dir);

        assertThat(manifest.flywayVersion()).isEqualTo(currentSchemaVersion());
        assertThat(manifest.tables()).extracting(BackupManifest.Table::name)
                .contains("article", "article_author", "media", "staff_user").doesNotContain("flyway_schema_history");
        assertThat(manifest.tables()).filteredOn(table -> table.name().equals("article"))
                .extracting(BackupManifest.Table::rows).containsExactly(articles);
        assertThat(dir.resolve("database/article.copy")).isRegularFile();
        assertThat(dir.resolve("manifest.json")).isRegularFile();
        assertThat(dir.resolve("media").resolve(picture.fileName())).isRegularFile();

        jdbc.sql("update article set headline = 'Changed after the backup' where id = ?").param(kept.id()).update();
        jdbc.sql("delete from article where id = ?").param(removed.id()).update();
        store.delete(picture.fileName());
        assertThat(count("article")).isEqualTo(articles - 1);

        backups.restore(dir, true);

        assertThat(count("article")).isEqualTo(articles);
        assertThat(headline(kept.id())).isEqualTo("Harbour reopens " + unique);
        assertThat(headline(removed.id())).isEqualTo("Bridge closes " + unique);
        assertThat(store.get(picture.fileName())).isPresent();
        assertThat(articleCounts()).isEqualTo(countsBefore);
        assertThat(jdbc.sql("select count(*) from content_post_author where article_id = ?").param(kept.id())
                .query(Long.class).single()).isEqualTo(1L);
        // the site goes on: new ids come after the restored ones, and the counts follow new changes again
        EditableArticle next = stories.publish(Stories.content("After the restore " + unique, section.id(),
                List.of(writer.id()), List.of(), "New."), Instant.parse("2025-03-03T10:00:00Z"));
        assertThat(next.id()).isGreaterThan(removed.id());
        assertThat(articleCount("article", "published")).isEqualTo((Long) countsBefore.get("article/published") + 1);
    }

    @Test
    void aBackupGoesOnlyIntoANewOrEmptyDirectory() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("occupied"));
        Files.writeString(dir.resolve("notes.txt"), "keep me");

        assertThatThrownBy(() -> backups.backup(dir)).isInstanceOf(SiteBackupException.class)
                .hasMessageContaining("is not empty");
        assertThat(Files.readString(dir.resolve("notes.txt"))).isEqualTo("keep me");
        try (var entries = Files.list(dir)) {
            assertThat(entries).hasSize(1);
        }
    }

    @Test
    void aBackupOfAnotherSchemaVersionIsRefusedWithTheReasonAndNothingChanges() throws IOException {
        EditableArticle story = stories.publish(Stories.content("Versioned " + unique, section.id(), List.of(writer.id()),
                List.of(), "Text."), Instant.parse("2025-04-01T10:00:00Z"));
        Path dir = temp.resolve("old");
        backups.backup(dir);
        ObjectNode manifest = (ObjectNode) JSON.readTree(dir.resolve("manifest.json").toFile());
        manifest.put("flywayVersion", "3");
        Files.writeString(dir.resolve("manifest.json"), JSON.writeValueAsString(manifest));
        jdbc.sql("update article set headline = 'Edited since' where id = ?").param(story.id()).update();

        assertThatThrownBy(() -> backups.restore(dir, true)).isInstanceOf(SiteBackupException.class)
                .hasMessageContaining("schema version 3")
                .hasMessageContaining("at version " + currentSchemaVersion());
        assertThat(headline(story.id())).isEqualTo("Edited since");
    }

    @Test
    void aDirectoryWithoutManifestIsNoBackup() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("half"));
        Files.createDirectories(dir.resolve("database"));

        assertThatThrownBy(() -> backups.restore(dir, true)).isInstanceOf(SiteBackupException.class)
                .hasMessageContaining("manifest.json is missing");
    }

    @Test
    void aSiteWithArticlesIsReplacedOnlyWhenForced() {
        EditableArticle story = stories.publish(Stories.content("Not to be lost " + unique, section.id(),
                List.of(writer.id()), List.of(), "Text."), Instant.parse("2025-05-01T10:00:00Z"));
        Path dir = temp.resolve("site");
        backups.backup(dir);

        assertThatThrownBy(() -> backups.restore(dir)).isInstanceOf(SiteBackupException.class)
                .hasMessageContaining("not empty").hasMessageContaining("force");
        assertThat(headline(story.id())).isEqualTo("Not to be lost " + unique);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private String headline(long id) {
        return jdbc.sql("select headline from content_post where id = ?").param(id).query(String.class).single();
    }

    /** The per-kind-and-status counts content keeps, as "kind/status" → count (non-zero ones). */
    private Map<String, Object> articleCounts() {
        Map<String, Object> counts = new java.util.TreeMap<>();
        jdbc.sql("select kind, status, articles from content_post_count where articles <> 0").query(rs -> {
            counts.put(rs.getString("kind") + "/" + rs.getString("status"), rs.getLong("articles"));
        });
        return counts;
    }

    private long articleCount(String kind, String status) {
        return jdbc.sql("select coalesce(sum(articles), 0) from content_post_count where kind = ? and status = ?")
                .params(kind, status).query(Long.class).single();
    }

    private String currentSchemaVersion() {
        return jdbc.sql("select version from flyway_schema_history where success and version is not null"
                + " order by installed_rank desc limit 1").query(String.class).single();
    }
}
