package org.masthead.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.masthead.identity.StaffAccounts;
import org.masthead.media.MediaStore;
import org.masthead.system.ContentChanged;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whole-site backup and restore: every table of the database and every media file, into and out of a directory.
 *
 * <p>No {@code pg_dump} matches the embedded PostgreSQL 17 (its bundle has none, and an older one refuses a newer
 * server), so the backup is logical, through the JDBC driver's COPY: each table in PostgreSQL's binary COPY format,
 * all from one repeatable-read snapshot, so the tables agree with each other. A restore loads them into a database of
 * the same schema version in one transaction — all of it or nothing. The application's role is no superuser, so
 * instead of switching off every check ({@code session_replication_role}) the restore drops the foreign keys while
 * it loads and adds them back after, which checks every row; the application's triggers are switched off, since
 * what they maintain (counts, copies of publication times) is in the backup already. Sign-in sessions are left
 * out: a restore signs everyone out.
 */
@Component
public class SiteBackup {

    static final String DATABASE_FOLDER = "database";
    static final String MEDIA_FOLDER = "media";
    /** What a table's or a media file's name may be, so a tampered manifest cannot reach outside the backup. */
    private static final Pattern TABLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}");
    /**
     * Signed-in sessions: no part of the site, and bearer secrets. Their tables are backed up empty, so a restore
     * signs everyone out rather than bringing back sessions that were signed out since.
     */
    private static final Set<String> SIGN_INS = Set.of("spring_session", "spring_session_attributes");
    private static final Logger log = LoggerFactory.getLogger(SiteBackup.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final MediaStore store;
    private final StaffAccounts staff;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final DatabaseCatalog catalog;
    private final TransactionTemplate snapshot;
    private final TransactionTemplate transaction;

    SiteBackup(JdbcClient jdbc, DataSource dataSource, MediaStore store, StaffAccounts staff,
               PlatformTransactionManager transactions, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.store = store;
        this.staff = staff;
        this.events = events;
        this.clock = clock;
        this.catalog = new DatabaseCatalog(jdbc);
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        this.transaction = new TransactionTemplate(transactions);
    }

    // ------------------------------------------------------------------------------------------------------ backup

    /**
     * Writes the whole site into {@code dir}, which must be new or empty: {@code database/<table>.copy} for every
     * table, {@code media/} with every stored picture and resized copy, and {@code manifest.json} last.
     *
     * @return what was written
     */
    public BackupManifest backup(Path dir) {
        prepareEmptyDirectory(dir);
        try {
            Path database = Files.createDirectories(dir.resolve(DATABASE_FOLDER));
            Path media = Files.createDirectories(dir.resolve(MEDIA_FOLDER));
            BackupManifest manifest = snapshot.execute(status -> backUp(database, media));
            manifest.write(dir);
            log.info("Backed up {} tables ({} rows) and {} media files to {}", manifest.tables().size(),
                    manifest.totalRows(), manifest.mediaFiles(), dir);
            return manifest;
        } catch (IOException e) {
            deleteWhatWasWritten(dir);
            throw new SiteBackupException("The backup to " + dir + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteWhatWasWritten(dir);
            throw e;
        }
    }

    private BackupManifest backUp(Path database, Path media) {
        String flywayVersion = catalog.flywayVersion();
        if (flywayVersion == null) {
            throw new SiteBackupException("This database was not set up by Masthead's migrations (no "
                    + DatabaseCatalog.FLYWAY_TABLE + "), so there is nothing to back up.");
        }
        List<BackupManifest.Table> tables = new ArrayList<>();
        for (Map.Entry<String, List<String>> table : catalog.tables().entrySet()) {
            String name = checkedTableName(table.getKey());
            String columns = columnList(table.getValue());
            String source = SIGN_INS.contains(name)
                    ? "(select " + columns + " from " + DatabaseCatalog.quote(name) + " where false)"
                    : DatabaseCatalog.quote(name) + " (" + columns + ")";
            long rows = withCopy("back up the table " + name, copy -> {
                try (OutputStream out = Files.newOutputStream(database.resolve(name + ".copy"))) {
                    return copy.copyOut("copy " + source + " to stdout (format binary)", out);
                }
            });
            tables.add(new BackupManifest.Table(name, table.getValue(), rows));
        }
        List<BackupManifest.Sequence> sequences = catalog.sequences();
        List<String> missing = new ArrayList<>();
        int copied = 0;
        // the files the snapshot's media rows name: stored under content hashes, so none changes after it is written
        for (String fileName : mediaFileNames()) {
            if (copyOut(fileName, media)) {
                copied++;
            } else {
                missing.add(fileName);
            }
        }
        if (!missing.isEmpty()) {
            log.warn("Backup: {} media files the database names are not in the media store: {}", missing.size(),
                    missing.stream().limit(20).toList());
        }
        return new BackupManifest(BackupManifest.FORMAT, flywayVersion, mastheadVersion(), clock.instant().toString(),
                tables, sequences, copied, missing);
    }

    /** Originals and their resized variants, from the media module's view of its pictures. */
    private Set<String> mediaFileNames() {
        Set<String> names = new TreeSet<>();
        jdbc.sql("select file_name, variants, webp_variants from media_picture").query(rs -> {
            names.add(rs.getString("file_name"));
            for (String column : new String[]{"variants", "webp_variants"}) {
                java.sql.Array variants = rs.getArray(column);
                if (variants != null) {
                    for (String variant : (String[]) variants.getArray()) {
                        // "640 abc-640.jpg": the width, then the file
                        names.add(variant.substring(variant.indexOf(' ') + 1));
                    }
                }
            }
        });
        return names;
    }

    private boolean copyOut(String fileName, Path media) {
        if (!FILE_NAME.matcher(fileName).matches()) {
            return false;
        }
        java.util.Optional<Resource> file = store.get(fileName);
        if (file.isEmpty()) {
            return false;
        }
        try (InputStream in = file.get().getInputStream()) {
            Files.copy(in, media.resolve(fileName));
            return true;
        } catch (IOException e) {
            throw new SiteBackupException("Could not copy the media file " + fileName + ": " + e.getMessage(), e);
        }
    }

    private static void prepareEmptyDirectory(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new SiteBackupException(dir + " is a file: a backup goes into a new or empty directory.");
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new SiteBackupException(dir + " is not empty: a backup goes into a new or empty directory,"
                            + " so it never mixes with another backup's files.");
                }
            } catch (IOException e) {
                throw new SiteBackupException("Cannot read " + dir + ": " + e.getMessage(), e);
            }
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new SiteBackupException("Cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    /** An interrupted backup leaves no half-written files behind (the directory was empty when it began). */
    private static void deleteWhatWasWritten(Path dir) {
        for (String part : List.of(DATABASE_FOLDER, MEDIA_FOLDER, BackupManifest.FILE)) {
            Path written = dir.resolve(part);
            if (!Files.exists(written)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(written)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException | UncheckedIOException e) {
                log.warn("Could not remove the unfinished backup's {}: {}", written, e.toString());
            }
        }
    }

    // ----------------------------------------------------------------------------------------------------- restore

    /** {@link #restore(Path, boolean)} into an empty site only. */
    public BackupManifest restore(Path dir) {
        return restore(dir, false);
    }

    /**
     * Replaces the whole site with the backup in {@code dir}: the media files first (adding to the store, never
     * removing), then every table in one transaction. The database must be at the backup's schema version (a fresh
     * data directory is, once this release has migrated it).
     *
     * @param force replace a site that has articles or staff accounts; without it only an empty site is restored into
     * @return what was restored
     */
    public BackupManifest restore(Path dir, boolean force) {
        BackupManifest manifest = BackupManifest.read(dir);
        Map<String, List<String>> tables = catalog.tables();
        checkRestorable(dir, manifest, tables, force);
        List<Path> mediaFiles = mediaFilesOf(dir, manifest);
        for (Path file : mediaFiles) {
            copyIn(file);
        }
        transaction.executeWithoutResult(status -> {
            load(dir, manifest);
            // caches of every kind (pages, lists, settings) held the replaced site: drop them once the new one is visible
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    events.publishEvent(ContentChanged.all());
                }
            });
        });
        log.info("Restored {} tables ({} rows) and {} media files from {}", manifest.tables().size(),
                manifest.totalRows(), mediaFiles.size(), dir);
        return manifest;
    }

    private void checkRestorable(Path dir, BackupManifest manifest, Map<String, List<String>> tables, boolean force) {
        String current = catalog.flywayVersion();
        if (!manifest.flywayVersion().equals(current)) {
            throw new SiteBackupException("The backup in " + dir + " holds a database at schema version "
                    + manifest.flywayVersion() + ", but this database is at version " + current
                    + ". Restore it with the Masthead release that made it (" + manifest.mastheadVersion()
                    + ") into a fresh data directory, then upgrade.");
        }
        Set<String> inBackup = manifest.tables().stream().map(BackupManifest.Table::name).collect(Collectors.toSet());
        if (!inBackup.equals(tables.keySet())) {
            Set<String> missing = new TreeSet<>(tables.keySet());
            missing.removeAll(inBackup);
            Set<String> unknown = new TreeSet<>(inBackup);
            unknown.removeAll(tables.keySet());
            throw new SiteBackupException("The backup's tables do not match this database's"
                    + (missing.isEmpty() ? "" : "; not in the backup: " + missing)
                    + (unknown.isEmpty() ? "" : "; not in this database: " + unknown) + ".");
        }
        for (BackupManifest.Table table : manifest.tables()) {
            checkedTableName(table.name());
            if (!Set.copyOf(tables.get(table.name())).equals(Set.copyOf(table.columns()))) {
                throw new SiteBackupException("The backup's table " + table.name() + " has the columns " + table.columns()
                        + ", this database's has " + tables.get(table.name()) + ".");
            }
            if (!Files.isRegularFile(dir.resolve(DATABASE_FOLDER).resolve(table.name() + ".copy"))) {
                throw new SiteBackupException("The backup in " + dir + " is incomplete: " + DATABASE_FOLDER + "/"
                        + table.name() + ".copy is missing.");
            }
        }
        if (!force) {
            long articles = jdbc.sql("select coalesce(sum(articles), 0) from content_post_count").query(Long.class).single();
            long accounts = staff.count();
            if (articles > 0 || accounts > 0) {
                throw new SiteBackupException("This site is not empty (" + articles + " articles and pages, " + accounts
                        + " staff accounts): a restore replaces everything in it. Restore into a fresh data directory,"
                        + " or force it to replace this site.");
            }
        }
    }

    private static List<Path> mediaFilesOf(Path dir, BackupManifest manifest) {
        Path media = dir.resolve(MEDIA_FOLDER);
        if (!Files.isDirectory(media)) {
            if (manifest.mediaFiles() == 0) {
                return List.of();
            }
            throw new SiteBackupException("The backup in " + dir + " is incomplete: its " + MEDIA_FOLDER
                    + " folder is missing.");
        }
        List<Path> files;
        try (Stream<Path> entries = Files.list(media)) {
            files = entries.filter(Files::isRegularFile)
                    .filter(file -> FILE_NAME.matcher(file.getFileName().toString()).matches())
                    .sorted().toList();
        } catch (IOException e) {
            throw new SiteBackupException("Cannot read " + media + ": " + e.getMessage(), e);
        }
        if (files.size() != manifest.mediaFiles()) {
            throw new SiteBackupException("The backup in " + dir + " is incomplete: " + MEDIA_FOLDER + "/ holds "
                    + files.size() + " files, its manifest lists " + manifest.mediaFiles() + ".");
        }
        return files;
    }

    /** Files are named by their content's hash: one the store has already is the same file. */
    private void copyIn(Path file) {
        try {
            store.put(file.getFileName().toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new SiteBackupException("Could not read the backup's media file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Inside the restore's transaction: every table locked at once (so no other session's work interleaves or
     * deadlocks with it), the checks that would refuse rows in load order set aside, everything emptied and loaded,
     * the checks back (each foreign key verified over every row), and ids continuing after the restored ones.
     */
    private void load(Path dir, BackupManifest manifest) {
        String allTables = manifest.tables().stream().map(table -> DatabaseCatalog.quote(table.name()))
                .collect(Collectors.joining(", "));
        jdbc.sql("set local lock_timeout = '60s'").update();
        jdbc.sql("lock table " + allTables + " in access exclusive mode").update();
        List<DatabaseCatalog.Trigger> triggers = catalog.enabledTriggers();
        List<DatabaseCatalog.ForeignKey> foreignKeys = catalog.foreignKeys();
        for (DatabaseCatalog.Trigger trigger : triggers) {
            jdbc.sql("alter table " + DatabaseCatalog.quote(trigger.table()) + " disable trigger "
                    + DatabaseCatalog.quote(trigger.name())).update();
        }
        for (DatabaseCatalog.ForeignKey key : foreignKeys) {
            jdbc.sql("alter table " + DatabaseCatalog.quote(key.table()) + " drop constraint "
                    + DatabaseCatalog.quote(key.name())).update();
        }
        jdbc.sql("truncate " + allTables).update();
        for (BackupManifest.Table table : manifest.tables()) {
            Path file = dir.resolve(DATABASE_FOLDER).resolve(table.name() + ".copy");
            long rows = withCopy("restore the table " + table.name() + " from " + file, copy -> {
                try (InputStream in = Files.newInputStream(file)) {
                    return copy.copyIn("copy " + DatabaseCatalog.quote(table.name()) + " ("
                            + columnList(table.columns()) + ") from stdin (format binary)", in);
                }
            });
            if (rows != table.rows()) {
                throw new SiteBackupException("The backup is damaged: " + file + " holds " + rows
                        + " rows, its manifest says " + table.rows() + ".");
            }
        }
        for (DatabaseCatalog.ForeignKey key : foreignKeys) {
            jdbc.sql("alter table " + DatabaseCatalog.quote(key.table()) + " add constraint "
                    + DatabaseCatalog.quote(key.name()) + " " + key.definition()).update();
        }
        for (DatabaseCatalog.Trigger trigger : triggers) {
            jdbc.sql("alter table " + DatabaseCatalog.quote(trigger.table()) + " enable trigger "
                    + DatabaseCatalog.quote(trigger.name())).update();
        }
        recountArticles(manifest);
        continueSequences(manifest);
    }

    /**
     * The per-status counts content keeps with triggers: restored as copied, then counted again from the articles
     * themselves, so they are right even if the backup's were not.
     */
    private void recountArticles(BackupManifest manifest) {
        Map<String, BackupManifest.Table> tables = manifest.tablesByName();
        if (tables.containsKey("article_count") && tables.containsKey("article")) {
            jdbc.sql("delete from article_count").update();
            jdbc.sql("insert into article_count (kind, status, articles)"
                    + " select kind, status, count(*) from article group by kind, status").update();
        }
    }

    /** Each id sequence continues after the highest id restored, and never below where it stood at the backup. */
    private void continueSequences(BackupManifest manifest) {
        Map<String, Long> recorded = manifest.sequenceValues();
        for (DatabaseCatalog.SequenceColumn column : catalog.sequenceColumns()) {
            long highest = jdbc.sql("select coalesce(max(" + DatabaseCatalog.quote(column.column()) + "), 0) from "
                    + DatabaseCatalog.quote(column.table())).query(Long.class).single();
            long last = Math.max(highest, recorded.getOrDefault(column.sequence(), 0L));
            String sequence = DatabaseCatalog.quote(column.sequence());
            if (last > 0) {
                jdbc.sql("select setval(?::regclass, ?, true)").params(sequence, last).query(Long.class).single();
            } else {
                jdbc.sql("select setval(?::regclass, 1, false)").param(sequence).query(Long.class).single();
            }
        }
    }

    // ----------------------------------------------------------------------------------------------------- helpers

    private interface CopyWork<T> {
        T run(CopyManager copy) throws SQLException, IOException;
    }

    /** Runs {@code work} with PgJDBC's COPY on the connection of the current transaction. */
    private <T> T withCopy(String what, CopyWork<T> work) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return work.run(connection.unwrap(PGConnection.class).getCopyAPI());
        } catch (SQLException | IOException e) {
            throw new SiteBackupException("Could not " + what + ": " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static String columnList(List<String> columns) {
        return columns.stream().map(DatabaseCatalog::quote).collect(Collectors.joining(", "));
    }

    private static String checkedTableName(String name) {
        if (!TABLE_NAME.matcher(name).matches()) {
            throw new SiteBackupException("The table name \"" + name + "\" cannot be backed up or restored safely.");
        }
        return name;
    }

    private static String mastheadVersion() {
        String version = SiteBackup.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
