package org.masthead.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.support.EmptySiteTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Imports left running by a node that died are taken up again and finish, once. */
@EmptySiteTest
class ImportJobsTests {

    @Autowired ImportJobs jobs;
    @Autowired JdbcClient jdbc;
    @TempDir Path folder;

    @Test
    void anImportWhoseNodeDiedIsResumedAndFinishesWithoutDuplicates() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Path file = Files.copy(ImportArchives.write(folder, unique, 4), folder.resolve("kept.archive"));
        long id = jdbc.sql("""
                insert into import_job (file_name, stored_file, format, dry_run, status, started_by, created_at, started_at,
                    heartbeat_at, total_posts, processed)
                values ('wordpress.xml', ?, 'wordpress', false, 'running', 'Admin', ?, ?, ?, 4, 2) returning id
                """).params(file.toString(), Instant.now().atOffset(ZoneOffset.UTC),
                Instant.now().minusSeconds(600).atOffset(ZoneOffset.UTC), Instant.now().minusSeconds(300).atOffset(ZoneOffset.UTC))
                .query(Long.class).single();

        jobs.runQueued();

        ImportJobs.Job job = jobs.find(id).orElseThrow();
        assertThat(job.status()).isEqualTo("done");
        assertThat(job.created() + job.unchanged()).isEqualTo(4);
        assertThat(job.percent()).isEqualTo(100);
        assertThat(jdbc.sql("select count(*) from article where headline like ?").param("Story % " + unique)
                .query(Long.class).single()).isEqualTo(4);

        jobs.runQueued(); // nothing is left to take up: it ran once
        assertThat(jobs.find(id).orElseThrow().finishedAt()).isEqualTo(job.finishedAt());
    }

    @Test
    void aRunningImportThatStillBeatsIsLeftToItsNode() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Path file = ImportArchives.write(folder, unique, 1);
        long id = jdbc.sql("""
                insert into import_job (file_name, stored_file, format, dry_run, status, started_by, created_at, started_at,
                    heartbeat_at)
                values ('wordpress.xml', ?, 'wordpress', false, 'running', 'Admin', now(), now(), now()) returning id
                """).param(file.toString()).query(Long.class).single();

        jobs.runQueued();

        assertThat(jobs.find(id).orElseThrow().status()).isEqualTo("running");
        jdbc.sql("update import_job set status = 'failed' where id = ?").param(id).update(); // leave nothing behind
    }
}
