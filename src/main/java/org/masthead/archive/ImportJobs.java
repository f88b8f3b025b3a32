package org.masthead.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.masthead.archive.source.ArchiveFormatException;
import org.masthead.system.MastheadProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Imports started from the newsroom or the Admin API, run one at a time in the background and recorded in
 * {@code import_job}: the uploaded file is kept in the data directory, progress is written after every batch, and
 * a job whose node died (its heartbeat older than a minute) is taken up again by the next node that starts — the
 * import skips what it already created, so it resumes where it stopped.
 */
@Service
public class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    private static final Duration ABANDONED = Duration.ofMinutes(1);

    /** One import as the newsroom shows it. */
    public record Job(long id, String fileName, String format, boolean dryRun, String status, String startedBy,
                      Instant createdAt, Instant startedAt, Instant finishedAt, Integer totalPosts, int processed,
                      int created, int unchanged, int skipped, int imagesStored, int imagesFailed, String report,
                      String error, boolean hasMedia) {

        public boolean finished() {
            return "done".equals(status) || "failed".equals(status);
        }

        /** Per cent done, 0–100, from posts processed. */
        public int percent() {
            if ("done".equals(status)) {
                return 100;
            }
            return totalPosts == null || totalPosts == 0 ? 0 : (int) Math.min(100, processed * 100L / totalPosts);
        }

        /** Estimated time left from the pace so far, or null before there is a pace. */
        public Duration eta(Instant now) {
            if (finished() || startedAt == null || totalPosts == null || processed == 0 || processed >= totalPosts) {
                return null;
            }
            long elapsed = Duration.between(startedAt, now).toMillis();
            return Duration.ofMillis(elapsed * (totalPosts - processed) / processed);
        }
    }

    private final JdbcClient jdbc;
    private final ArchiveImporter importer;
    private final Clock clock;
    private final Path folder;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "archive-import");
        thread.setDaemon(true);
        return thread;
    });

    private final boolean resumeOnStart;

    ImportJobs(JdbcClient jdbc, ArchiveImporter importer, Clock clock, MastheadProperties properties,
               @org.springframework.beans.factory.annotation.Value("${masthead.import.resume-on-start:true}") boolean resumeOnStart) {
        this.resumeOnStart = resumeOnStart;
        this.jdbc = jdbc;
        this.importer = importer;
        this.clock = clock;
        this.folder = properties.dataDir().resolve("imports");
    }

    /**
     * Keeps the uploaded archive (and its pictures, if given) in the data directory and queues the import.
     *
     * @throws ArchiveFormatException the file is neither a WordPress nor a Ghost export (nothing queued)
     */
    public Job submit(String fileName, InputStream archive, String mediaName, InputStream mediaZip, boolean dryRun,
                      String startedBy) {
        Path stored = store(archive, ".archive");
        ArchiveFormat format;
        try {
            format = ArchiveFormat.detect(stored);
        } catch (ArchiveFormatException e) {
            delete(stored);
            throw e;
        }
        Path media = mediaZip == null ? null : store(mediaZip, ".zip");
        return queue(fileName, stored, media, format, dryRun, startedBy);
    }

    /** The real import of what a dry run checked, from the same stored file. */
    public Job startAfterDryRun(long dryRunId, String startedBy) {
        Job dryRun = find(dryRunId).filter(job -> job.dryRun() && "done".equals(job.status()))
                .orElseThrow(() -> new IllegalArgumentException("Only a finished dry run can be started."));
        record Files(String stored, String media) {
        }
        Files files = jdbc.sql("select stored_file, media_source from import_job where id = ?").param(dryRunId)
                .query((rs, n) -> new Files(rs.getString("stored_file"), rs.getString("media_source"))).single();
        return queue(dryRun.fileName(), Path.of(files.stored()), files.media() == null ? null : Path.of(files.media()),
                ArchiveFormat.fromDb(dryRun.format()), false, startedBy);
    }

    private Job queue(String fileName, Path stored, Path media, ArchiveFormat format, boolean dryRun, String startedBy) {
        long id = jdbc.sql("""
                insert into import_job (file_name, stored_file, media_source, format, dry_run, status, started_by, created_at)
                values (?, ?, ?, ?, ?, 'queued', ?, ?) returning id
                """).params(clip(fileName), stored.toString(), media == null ? null : media.toString(), format.dbValue(),
                dryRun, startedBy, now()).query(Long.class).single();
        runner.submit(this::runQueued);
        return find(id).orElseThrow();
    }

    /** After a restart: imports that were running when a node died, and queued ones, are taken up again. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeAbandoned() {
        if (resumeOnStart) {
            runner.submit(this::runQueued);
        }
    }

    /** Runs every import waiting for a runner, claiming each so two nodes never run the same one. */
    void runQueued() {
        while (true) {
            Optional<Long> claimed = jdbc.sql("""
                    update import_job set status = 'running', started_at = coalesce(started_at, :now), heartbeat_at = :now
                    where id = (select id from import_job
                                where status = 'queued' or (status = 'running' and heartbeat_at < :abandoned)
                                order by id limit 1 for update skip locked)
                    returning id
                    """).param("now", now()).param("abandoned", timestamp(clock.instant().minus(ABANDONED)))
                    .query(Long.class).optional();
            if (claimed.isEmpty()) {
                return;
            }
            run(claimed.get());
        }
    }

    private void run(long id) {
        record Work(String stored, String media, boolean dryRun) {
        }
        Work work = jdbc.sql("select stored_file, media_source, dry_run from import_job where id = ?").param(id)
                .query((rs, n) -> new Work(rs.getString("stored_file"), rs.getString("media_source"), rs.getBoolean("dry_run")))
                .single();
        Instant started = clock.instant();
        try {
            ImportReport report = importer.run(new ArchiveImporter.Request(Path.of(work.stored()),
                    work.media() == null ? null : Path.of(work.media()), work.dryRun(), "newsroom import " + id),
                    progress -> progress(id, progress, null));
            progress(id, report, report.text(Duration.between(started, clock.instant())));
            jdbc.sql("update import_job set status = 'done', finished_at = ? where id = ?").params(now(), id).update();
            log.info("Import {} finished: {} created, {} unchanged, {} failed", id, report.created(), report.unchanged(),
                    report.failed());
        } catch (RuntimeException e) {
            log.warn("Import {} failed: {}", id, e.getMessage(), e);
            jdbc.sql("update import_job set status = 'failed', finished_at = ?, error = ? where id = ?")
                    .params(now(), e instanceof ArchiveFormatException ? e.getMessage()
                            : "The import stopped: " + e.getMessage(), id).update();
        }
    }

    private void progress(long id, ImportReport report, String text) {
        jdbc.sql("""
                update import_job set total_posts = ?, processed = ?, created = ?, unchanged = ?, skipped = ?,
                    images_stored = ?, images_failed = ?, heartbeat_at = ?, report = coalesce(?, report)
                where id = ?
                """).params(report.totalPosts() < 0 ? null : (int) report.totalPosts(), (int) report.processed(),
                (int) report.created(), (int) report.unchanged(), (int) report.skippedCount(), (int) report.imagesStored(),
                (int) report.imagesFailed(), now(), text, id).update();
    }

    public Optional<Job> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(this::job).optional();
    }

    public List<Job> recent(int limit) {
        return jdbc.sql(SELECT + " order by id desc limit ?").param(limit).query(this::job).list();
    }

    private static final String SELECT = """
            select id, file_name, format, dry_run, status, started_by, created_at, started_at, finished_at, total_posts,
                processed, created, unchanged, skipped, images_stored, images_failed, report, error,
                media_source is not null as has_media
            from import_job""";

    private Job job(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Job(rs.getLong("id"), rs.getString("file_name"), rs.getString("format"), rs.getBoolean("dry_run"),
                rs.getString("status"), rs.getString("started_by"), instant(rs, "created_at"), instant(rs, "started_at"),
                instant(rs, "finished_at"), rs.getObject("total_posts", Integer.class), rs.getInt("processed"),
                rs.getInt("created"), rs.getInt("unchanged"), rs.getInt("skipped"), rs.getInt("images_stored"),
                rs.getInt("images_failed"), rs.getString("report"), rs.getString("error"), rs.getBoolean("has_media"));
    }

    private Path store(InputStream in, String suffix) {
        try {
            Files.createDirectories(folder);
            Path target = folder.resolve(UUID.randomUUID() + suffix);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("The upload could not be kept in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stray file in the imports folder harms nothing
        }
    }

    private OffsetDateTime now() {
        return timestamp(clock.instant());
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String clip(String name) {
        String clean = name == null || name.isBlank() ? "archive" : name.strip();
        return clean.length() <= 255 ? clean : clean.substring(0, 255);
    }
}
