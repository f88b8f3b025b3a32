package org.masthead.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

class EmbeddedPostgresServerTests {

    private final Path directory = Path.of("target", "test-data", "embedded-server");

    @Test
    void dataSurvivesARestartAndAStalePidFileIsIgnored() throws Exception {
        FileSystemUtils.deleteRecursively(directory);
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory, 0, false)) {
            execute(server, "create table survivor (name text)", "insert into survivor values ('still here')");
            assertThat(query(server, "show fsync")).isEqualTo("on");
            assertThat(query(server, "show synchronous_commit")).isEqualTo("on");
        }
        // what a crashed server leaves behind: a pid file naming a process that no longer exists
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Files.writeString(directory.resolve("postmaster.pid"), finished.pid() + "\n" + directory.toAbsolutePath() + "\n");

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory, 0, false)) {
            assertThat(query(server, "select name from survivor")).isEqualTo("still here");
        }
        assertThat(directory.resolve("postmaster.pid")).doesNotExist();
        FileSystemUtils.deleteRecursively(directory);
    }

    @Test
    void aLiveProcessThatIsNotThisDatabasesPostgresIsNeverStopped() throws Exception {
        Path unrelated = Path.of("target", "test-data", "embedded-unrelated");
        FileSystemUtils.deleteRecursively(unrelated);
        Files.createDirectories(unrelated);
        Process bystander = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(unrelated.resolve("postmaster.pid"), bystander.pid() + "\n" + unrelated.toAbsolutePath() + "\n");
            EmbeddedPostgresServer.stopLeftoverServer(unrelated.toAbsolutePath());
            assertThat(bystander.isAlive()).isTrue();
            assertThat(unrelated.resolve("postmaster.pid")).doesNotExist();
        } finally {
            bystander.destroyForcibly();
            FileSystemUtils.deleteRecursively(unrelated);
        }
    }

    @Test
    void anEphemeralServerStartsEmptyAndLeavesNothingBehind() throws Exception {
        Path ephemeral = Path.of("target", "test-data", "embedded-ephemeral");
        Files.createDirectories(ephemeral);
        Files.writeString(ephemeral.resolve("leftover.txt"), "from an earlier run");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(ephemeral, 0, true)) {
            assertThat(query(server, "select current_database()")).isEqualTo("masthead");
            assertThat(ephemeral.resolve("leftover.txt")).doesNotExist();
        }
        assertThat(ephemeral).doesNotExist();
    }

    private static void execute(EmbeddedPostgresServer server, String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password()); var statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String query(EmbeddedPostgresServer server, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
             var statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
