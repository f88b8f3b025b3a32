package org.masthead.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.masthead.system.LeftoverDatabases;
import org.springframework.util.FileSystemUtils;

/**
 * The packaged jar's command-line import killed with SIGKILL half-way, then run again: it carries on where it
 * stopped, and in the end every post is there exactly once.
 */
class ImportRestartIT {

    private static final int POSTS = 3_000;
    private final Path dataDir = Path.of("target", "test-data", "import-restart-it");
    private final Path logs = Path.of("target", "import-restart-it-logs");
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (Process process : started) {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        LeftoverDatabases.stop(dataDir.resolve("postgres").toAbsolutePath());
        FileSystemUtils.deleteRecursively(dataDir);
    }

    @Test
    void anImportKilledHalfWayResumesAndEveryPostArrivesOnce() throws Exception {
        FileSystemUtils.deleteRecursively(dataDir);
        Files.createDirectories(logs);
        Path archive = ImportArchives.write(Files.createDirectories(dataDir.resolveSibling("import-restart-it-archive")),
                UUID.randomUUID().toString().substring(0, 8), POSTS);

        Process first = importing(archive, "first");
        Path firstLog = logs.resolve("first.err");
        Awaitility.await("some batches written; see " + firstLog).atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    assertThat(first.isAlive()).as("still importing; see " + firstLog).isTrue();
                    return Files.readString(firstLog).matches("(?s).*\\[#{6,}.*");
                });
        first.destroyForcibly(); // SIGKILL: no shutdown hooks, a batch may be half-sent to the database
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String stoppedAt = Files.readString(firstLog);
        assertThat(stoppedAt).doesNotContain(POSTS + "/" + POSTS + " posts");

        Process second = importing(archive, "second");
        assertThat(second.waitFor(5, TimeUnit.MINUTES)).as("the second run finishes").isTrue();
        String report = Files.readString(logs.resolve("second.out"));
        assertThat(second.exitValue()).as(report + Files.readString(logs.resolve("second.err"))).isZero();
        assertThat(report).contains("Posts in the archive: " + POSTS).contains("Not imported (errors): 0");
        long created = number(report, "Created: ");
        long unchanged = number(report, "Already imported (unchanged): ");
        assertThat(unchanged).as("what the killed run committed is kept").isPositive();
        assertThat(created + unchanged).isEqualTo(POSTS);

        Process check = importing(archive, "check", "--dry-run");
        assertThat(check.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String dryRun = Files.readString(logs.resolve("check.out"));
        assertThat(dryRun).contains("Would create: 0").contains("Already imported (unchanged): " + POSTS);
    }

    private Process importing(Path archive, String name, String... more) throws Exception {
        Path jar = Path.of(System.getProperty("masthead.jar", "target/masthead.jar"));
        assertThat(jar).as("run after 'package': the packaged jar").exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-jar", jar.toString(), "import", archive.toString(),
                "--masthead.data-dir=" + dataDir, "--masthead.import.batch-size=50"));
        command.addAll(List.of(more));
        Process process = new ProcessBuilder(command).redirectOutput(logs.resolve(name + ".out").toFile())
                .redirectError(logs.resolve(name + ".err").toFile()).start();
        started.add(process);
        return process;
    }

    private static long number(String report, String label) {
        int at = report.indexOf(label);
        assertThat(at).as(label + " in " + report).isNotNegative();
        return Long.parseLong(report.substring(at + label.length()).split("\\s")[0]);
    }
}
