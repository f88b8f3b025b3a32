package org.masthead.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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
 *
 * <p>Nobody is trusted: every connection needs a password (scram-sha-256). On the first start — of a new data
 * directory, or of one made by an earlier release that trusted every local connection — passwords are generated
 * and kept in the data directory (mode 0600), an application role without superuser rights is made the owner of
 * the database and everything in it, and from then on the superuser is used only for that upkeep.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    static final String DATABASE = "masthead";
    static final String APPLICATION_ROLE = "masthead";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration LEFTOVER_SHUTDOWN_WAIT = Duration.ofSeconds(30);
    private static final String SUPERUSER = "postgres";

    private final Path dataDirectory;
    private final boolean ephemeral;
    private final DatabaseCredentials credentials;
    private final int port;
    private volatile EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, boolean ephemeral,
                                   DatabaseCredentials credentials) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.ephemeral = ephemeral;
        this.credentials = credentials;
        this.port = postgres.getPort();
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
            Optional<DatabaseCredentials> stored = DatabaseCredentials.read(directory);
            EmbeddedPostgres postgres = launch(directory, port, stored.orElse(null));
            DatabaseCredentials credentials = stored.isPresent() ? stored.get() : lockDown(postgres, directory);
            log.info("Embedded PostgreSQL listening on 127.0.0.1:{} with data in {}", postgres.getPort(), directory);
            return new EmbeddedPostgresServer(postgres, directory, ephemeral, credentials);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /**
     * Starts the postmaster. With credentials, pg_hba.conf demands passwords before it starts; without (a new or
     * earlier-release directory) only the superuser may connect, from this machine, until {@link #lockDown} runs.
     */
    private static EmbeddedPostgres launch(Path directory, int port, DatabaseCredentials credentials) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                // Spring stops it as its last bean; zonky's own JVM hook would stop it while the app is still
                // finishing requests and event publications in a graceful shutdown.
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // Durability first: this is the newsroom's only copy unless it runs backups.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setDataDirectoryCustomizer(dir -> writeHostBasedAuthentication(dir.toPath(), credentials != null));
        if (credentials != null) {
            builder.setConnectConfig("password", credentials.superuserPassword());
        }
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    /** Passwords for the superuser and the application role, the role owning everything, then no trust left. */
    private static DatabaseCredentials lockDown(EmbeddedPostgres postgres, Path directory) {
        DatabaseCredentials credentials = DatabaseCredentials.generate(APPLICATION_ROLE);
        String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/";
        try (Connection superuser = DriverManager.getConnection(url + "postgres", SUPERUSER, null);
             Statement sql = superuser.createStatement()) {
            // Generated from a fixed alphabet of letters and digits, so they need no quoting beyond the literal.
            sql.execute("alter role " + SUPERUSER + " with password '" + credentials.superuserPassword() + "'");
            sql.execute("""
                    do $$ begin
                        if exists (select 1 from pg_roles where rolname = '%1$s') then
                            alter role %1$s with login password '%2$s';
                        else
                            create role %1$s with login password '%2$s';
                        end if;
                    end $$""".formatted(APPLICATION_ROLE, credentials.applicationPassword()));
            sql.execute("alter role " + APPLICATION_ROLE + " nosuperuser nocreatedb nocreaterole noreplication nobypassrls");
            var exists = sql.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (exists.next()) {
                sql.execute("alter database " + DATABASE + " owner to " + APPLICATION_ROLE);
            } else {
                sql.execute("create database " + DATABASE + " owner " + APPLICATION_ROLE + " encoding 'UTF8' template template0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not secure the embedded PostgreSQL in " + directory, e);
        }
        try (Connection superuser = DriverManager.getConnection(url + DATABASE, SUPERUSER, null);
             Statement sql = superuser.createStatement()) {
            sql.execute(TRANSFER_OWNERSHIP.formatted(APPLICATION_ROLE));
            credentials.write(directory);
            writeHostBasedAuthentication(directory, true);
            sql.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not secure the embedded PostgreSQL in " + directory, e);
        }
        log.info("Embedded PostgreSQL secured: passwords in {}, application role {}",
                DatabaseCredentials.fileIn(directory), APPLICATION_ROLE);
        return credentials;
    }

    /**
     * What an earlier release created as the superuser becomes the application role's: tables, views, sequences
     * that are not owned by a column, and functions — but nothing that belongs to an extension.
     */
    private static final String TRANSFER_OWNERSHIP = """
            do $$
            declare
                item record;
            begin
                execute 'alter schema public owner to %1$s';
                for item in
                    select c.oid::regclass as name,
                           case c.relkind when 'S' then 'sequence' when 'v' then 'view'
                                          when 'm' then 'materialized view' when 'f' then 'foreign table'
                                          else 'table' end as kind
                    from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
                      and c.relowner <> '%1$s'::regrole
                      and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass
                                      and d.objid = c.oid and d.deptype in ('e', 'a', 'i'))
                loop
                    execute format('alter %%s %%s owner to %1$s', item.kind, item.name);
                end loop;
                for item in
                    select p.oid::regprocedure as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                    where n.nspname = 'public' and p.proowner <> '%1$s'::regrole
                      and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass
                                      and d.objid = p.oid and d.deptype = 'e')
                loop
                    execute format('alter routine %%s owner to %1$s', item.name);
                end loop;
            end $$""";

    /**
     * pg_hba.conf as Masthead wants it: before the lock-down only the superuser over loopback TCP (no Unix socket
     * at all), afterwards every role over loopback or socket with a password.
     */
    private static void writeHostBasedAuthentication(Path directory, boolean locked) {
        String rules = locked ? """
                # Written by Masthead on every start: every connection needs a password (scram-sha-256).
                # The passwords are in masthead-credentials.properties in this directory (mode 0600).
                local   all             all                                     scram-sha-256
                host    all             all             127.0.0.1/32            scram-sha-256
                host    all             all             ::1/128                 scram-sha-256
                local   replication     all                                     scram-sha-256
                host    replication     all             127.0.0.1/32            scram-sha-256
                host    replication     all             ::1/128                 scram-sha-256
                """ : """
                # Written by Masthead for the first start only: the superuser over loopback TCP sets the passwords,
                # then this file is replaced by one that demands them.
                host    all             postgres        127.0.0.1/32            trust
                host    all             postgres        ::1/128                 trust
                """;
        try {
            Files.writeString(directory.resolve("pg_hba.conf"), rules, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write pg_hba.conf in " + directory, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** The application role the connection pool signs in as: owner of the schema, no superuser. */
    public String username() {
        return credentials.applicationRole();
    }

    public String password() {
        return credentials.applicationPassword();
    }

    /** For upkeep only (backups, the lock-down of earlier data directories); never for the application's queries. */
    String superuserPassword() {
        return credentials.superuserPassword();
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public Path credentialsFile() {
        return DatabaseCredentials.fileIn(dataDirectory);
    }

    /** Whether the postmaster named in postmaster.pid is alive; false after a crash or a kill. */
    public boolean isRunning() {
        try {
            return readPid(dataDirectory.resolve("postmaster.pid")).flatMap(ProcessHandle::of)
                    .filter(ProcessHandle::isAlive).filter(process -> isPostgresOf(process, dataDirectory)).isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Starts the server again on the same data directory and port after it died, so the pool's address stays
     * valid; committed data comes back through PostgreSQL's own crash recovery.
     */
    public synchronized void restart() throws IOException {
        EmbeddedPostgres dead = postgres;
        try {
            dead.close(); // releases the data directory's lock; its pg_ctl stop fails quietly on a dead server
        } catch (IOException | RuntimeException ignored) {
            // the server is gone already
        }
        stopLeftoverServer(dataDirectory);
        postgres = launch(dataDirectory, port, credentials);
        log.info("Embedded PostgreSQL restarted on 127.0.0.1:{}", port);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
        if (ephemeral) {
            FileSystemUtils.deleteRecursively(dataDirectory);
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
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException gone) {
            return Optional.empty();
        }
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
