package org.masthead.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a backup directory holds ({@code manifest.json}): written last, so a directory without it is no finished
 * backup. The database schema version says which Masthead release can load it; row counts let a restore prove every
 * table arrived whole.
 *
 * @param format         the layout of the backup directory (see {@link #FORMAT})
 * @param flywayVersion  the schema version of the database it was taken from
 * @param mastheadVersion the release that took it
 * @param createdAt      ISO 8601 instant
 * @param tables         every table, with the columns in the order of its COPY file and its row count
 * @param sequences      where each id sequence stood (null: never used), so ids are never handed out twice
 * @param mediaFiles     how many files are in {@code media/}
 * @param missingMedia   files the database names that the media store did not have when the backup was taken
 */
public record BackupManifest(int format, String flywayVersion, String mastheadVersion, String createdAt,
                             List<Table> tables, List<Sequence> sequences, int mediaFiles, List<String> missingMedia) {

    /** Version 1: {@code database/<table>.copy} in PostgreSQL's binary COPY format, {@code media/<file name>}. */
    public static final int FORMAT = 1;
    static final String FILE = "manifest.json";
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public BackupManifest {
        tables = tables == null ? List.of() : List.copyOf(tables);
        sequences = sequences == null ? List.of() : List.copyOf(sequences);
        missingMedia = missingMedia == null ? List.of() : List.copyOf(missingMedia);
    }

    public record Table(String name, List<String> columns, long rows) {
        public Table {
            columns = columns == null ? List.of() : List.copyOf(columns);
        }
    }

    public record Sequence(String name, Long lastValue) {
    }

    public long totalRows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }

    Map<String, Long> sequenceValues() {
        return sequences.stream().filter(sequence -> sequence.lastValue() != null)
                .collect(Collectors.toMap(Sequence::name, Sequence::lastValue, Math::max));
    }

    Map<String, Table> tablesByName() {
        return tables.stream().collect(Collectors.toMap(Table::name, Function.identity()));
    }

    void write(Path dir) {
        try {
            Files.writeString(dir.resolve(FILE), JSON.writeValueAsString(this));
        } catch (IOException e) {
            throw new SiteBackupException("Could not write " + dir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    static BackupManifest read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isDirectory(dir)) {
            throw new SiteBackupException("There is no backup at " + dir + ": it is not a directory.");
        }
        if (!Files.isRegularFile(file)) {
            throw new SiteBackupException("There is no finished backup in " + dir + ": " + FILE
                    + " is missing (a backup writes it last, so the backup was interrupted or this is another directory).");
        }
        BackupManifest manifest;
        try {
            manifest = JSON.readValue(Files.readString(file), BackupManifest.class);
        } catch (IOException | JacksonException e) {
            throw new SiteBackupException("The backup's " + file + " cannot be read: " + e.getMessage(), e);
        }
        if (manifest.format() < 1 || manifest.format() > FORMAT) {
            throw new SiteBackupException("The backup in " + dir + " is in format " + manifest.format()
                    + ", which this Masthead cannot read (it reads format " + FORMAT + ").");
        }
        if (manifest.flywayVersion() == null || manifest.flywayVersion().isBlank()) {
            throw new SiteBackupException("The backup's " + file + " does not say which database version it holds.");
        }
        return manifest;
    }
}
