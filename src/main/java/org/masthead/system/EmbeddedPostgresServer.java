package org.masthead.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * The PostgreSQL server Masthead starts for itself when no external database is configured. Its data directory
 * survives restarts; a server left running by a killed JVM is shut down before a new one starts on the same data.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    static final String DATABASE = "masthead";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration LEFTOVER_SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final boolean ephemeral;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, boolean ephemeral) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.ephemeral = ephemeral;
    }

    public static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean ephemeral) {
        try {
            Path directory = dataDirectory.toAbsolutePath().normalize();
            Files.createDirectories(directory);
            stopLeftoverServer(directory);
            if (ephemeral) {
                FileSystemUtils.deleteRecursively(directory); // a fresh database every start
                Files.createDirectories(directory);
            }
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // Durability first: this is the newsroom's only copy unless it runs backups.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("listen_addresses", "127.0.0.1");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            createDatabaseIfMissing(postgres);
            log.info("Embedded PostgreSQL listening on 127.0.0.1:{} with data in {}", postgres.getPort(), directory);
            return new EmbeddedPostgresServer(postgres, directory, ephemeral);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", DATABASE);
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
        if (ephemeral) {
            FileSystemUtils.deleteRecursively(dataDirectory);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            if (!exists.executeQuery().next()) {
                try (var create = connection.createStatement()) {
                    create.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + DATABASE, e);
        }
    }

    /**
     * A JVM killed with SIGKILL leaves its PostgreSQL running and postmaster.pid in place; a new server on the
     * same data directory refuses to start until that one is gone.
     */
    static void stopLeftoverServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> leftover = readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(process -> isPostgresOf(process, dataDirectory));
        if (leftover.isEmpty()) {
            log.warn("Removing stale {} (its server is no longer running)", pidFile);
            Files.deleteIfExists(pidFile);
            return;
        }
        ProcessHandle server = leftover.get();
        log.warn("PostgreSQL (pid {}) from an earlier run still holds {}; shutting it down", server.pid(), dataDirectory);
        // SIGTERM is PostgreSQL's "smart" shutdown: it finishes and checkpoints, losing nothing committed.
        server.destroy();
        try {
            server.onExit().get(LEFTOVER_SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception timeout) {
            log.warn("PostgreSQL (pid {}) did not stop in {}; killing it, WAL recovery will run on start",
                    server.pid(), LEFTOVER_SHUTDOWN_WAIT);
            server.destroyForcibly();
            try {
                server.onExit().get(LEFTOVER_SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception stillAlive) {
                throw new IllegalStateException("PostgreSQL (pid " + server.pid() + ") from an earlier run holds "
                        + dataDirectory + " and cannot be stopped; stop it by hand and start again.");
            }
        }
        Files.deleteIfExists(pidFile);
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * A pid from an old file may since have been reused by an unrelated process: only a postgres whose command
     * line names this data directory is ours to stop. Unknown means no.
     */
    private static boolean isPostgresOf(ProcessHandle process, Path dataDirectory) {
        boolean postgres = process.info().command().map(command -> command.endsWith("/postgres")).orElse(false);
        String arguments = process.info().arguments().map(args -> String.join(" ", args))
                .or(() -> process.info().commandLine()).orElse("");
        return postgres && arguments.contains(dataDirectory.toString());
    }
}
