package org.masthead.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.MastheadApplication;
import org.springframework.util.FileSystemUtils;

/**
 * {@code java -jar masthead.jar import|export|backup|restore} as an operator runs them: a site's archive imported
 * with a progress bar and report, exported, backed up and restored into a fresh data directory; wrong commands
 * answered with what is wrong and how to call it.
 */
class ArchiveCommandLineTests {

    @TempDir Path folder;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ArchiveCommandLine.run(MastheadApplication.class, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String[] with(Path dataDir, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--masthead.data-dir=" + dataDir);
        return all.toArray(String[]::new);
    }

    @Test
    void anArchiveIsImportedExportedBackedUpAndRestoredFromTheCommandLine() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Path site = Path.of("target", "test-data", "cli-site");
        Path restored = Path.of("target", "test-data", "cli-restored");
        FileSystemUtils.deleteRecursively(site);
        FileSystemUtils.deleteRecursively(restored);
        Path archive = ImportArchives.write(folder, unique, 3);

        Run dryRun = run(with(site, "import", archive.toString(), "--dry-run"));
        assertThat(dryRun.exit()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("Dry run: nothing was written.").contains("Would create: 3");

        Run imported = run(with(site, "import", archive.toString()));
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Created: 3");
        assertThat(imported.err()).contains("100 % · 3/3 posts"); // the progress bar, redrawn in place

        Path backup = folder.resolve("backup");
        Run backedUp = run(with(site, "backup", backup.toString()));
        assertThat(backedUp.exit()).as(backedUp.err()).isZero();
        assertThat(backup.resolve("manifest.json")).exists();

        Run restoredRun = run(with(restored, "restore", backup.toString()));
        assertThat(restoredRun.exit()).as(restoredRun.err()).isZero();

        Path export = folder.resolve("export.json");
        Run exported = run(with(restored, "export", export.toString()));
        assertThat(exported.exit()).as(exported.err()).isZero();
        assertThat(Files.readString(export)).contains("Story 1 " + unique).contains("Story 3 " + unique);
        assertThat(folder.resolve("export-media.zip")).exists();
    }

    @Test
    void aWrongCommandSaysWhatIsWrongAndHowToCallIt() {
        Run missing = run("import");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("import needs exactly one file or directory").contains("Usage:");

        Run noFile = run("import", folder.resolve("nothing.xml").toString());
        assertThat(noFile.exit()).isEqualTo(2);
        assertThat(noFile.err()).contains("No such file");

        Run noMedia = run("import", ImportArchives.write(folder, "x", 1).toString(), "--media");
        assertThat(noMedia.exit()).isEqualTo(2);
        assertThat(noMedia.err()).contains("--media needs a folder or zip file");
    }
}
