package org.masthead.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.masthead.archive.source.ArchiveFormatException;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar masthead.jar import|export|backup|restore …}: the site's data in and out from a terminal, with
 * the same configuration as the server (data directory or external database). The server must not be running on
 * the same embedded database meanwhile (its data directory is locked); with an external database it may.
 */
public final class ArchiveCommandLine {

    public static final Set<String> COMMANDS = Set.of("import", "export", "backup", "restore", "copy-media");

    private static final String USAGE = """
            Usage:
              java -jar masthead.jar import <file.xml|file.json> [--media <folder|zip>] [--dry-run]
              java -jar masthead.jar export <file.json> [--media <file.zip>]
              java -jar masthead.jar backup <empty-directory>
              java -jar masthead.jar restore <directory> [--force]
              java -jar masthead.jar copy-media <local media directory> --masthead.media.store=s3 --masthead.media.s3.bucket=…
            Options of the server apply too, e.g. --masthead.data-dir=/srv/masthead or --spring.datasource.url=…""";

    private ArchiveCommandLine() {
    }

    /** @return the process's exit code: 0 done, 1 the work failed, 2 the command was wrong */
    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        String command = args[0];
        List<String> positional = new ArrayList<>();
        // the whole application, as the server has it, but listening on no port (-1): nothing reaches it from outside
        List<String> springArgs = new ArrayList<>(List.of("--server.port=-1",
                "--masthead.demo-content=false", "--masthead.import.resume-on-start=false",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN"));
        Path media = null;
        boolean dryRun = false;
        boolean force = false;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--media")) {
                if (i + 1 >= args.length) {
                    return usage(err, "--media needs a folder or zip file after it.");
                }
                media = Path.of(args[++i]);
            } else if (arg.equals("--dry-run")) {
                dryRun = true;
            } else if (arg.equals("--force")) {
                force = true;
            } else if (arg.startsWith("--")) {
                springArgs.add(arg);
            } else {
                positional.add(arg);
            }
        }
        if (positional.size() != 1) {
            return usage(err, command + " needs exactly one file or directory.");
        }
        Path target = Path.of(positional.get(0));
        if (command.equals("import")) {
            if (!Files.isRegularFile(target)) {
                return usage(err, "No such file: " + target);
            }
            if (media != null && !Files.exists(media)) {
                return usage(err, "No such media folder or zip: " + media);
            }
        }
        SpringApplication app = new SpringApplication(application);
        try (ConfigurableApplicationContext context = app.run(springArgs.toArray(String[]::new))) {
            return switch (command) {
                case "import" -> importArchive(context, target, media, dryRun, out, err);
                case "export" -> export(context, target, media, out, err);
                case "backup" -> backup(context, target, out, err);
                case "restore" -> restore(context, target, force, out, err);
                case "copy-media" -> copyMedia(context, target, out, err);
                default -> usage(err, "Unknown command " + command);
            };
        }
    }

    private static int importArchive(ConfigurableApplicationContext context, Path file, Path media, boolean dryRun,
                                     PrintStream out, PrintStream err) {
        ArchiveImporter importer = context.getBean(ArchiveImporter.class);
        Instant started = Instant.now();
        ProgressBar bar = new ProgressBar(err, started);
        try {
            ImportReport report = importer.run(new ArchiveImporter.Request(file, media, dryRun,
                    "command line (" + file.getFileName() + ")"), bar::show);
            bar.done();
            out.print(report.text(Duration.between(started, Instant.now())));
            return report.failed() > 0 ? 1 : 0;
        } catch (ArchiveFormatException | IllegalArgumentException e) {
            bar.done();
            err.println("Import refused, nothing was written: " + e.getMessage());
            return 1;
        }
    }

    private static int export(ConfigurableApplicationContext context, Path file, Path media, PrintStream out,
                              PrintStream err) {
        GhostExport export = context.getBean(GhostExport.class);
        Path zip = media != null ? media : file.resolveSibling(file.getFileName().toString().replaceAll("\\.json$", "")
                + "-media.zip");
        try (OutputStream json = Files.newOutputStream(file); OutputStream pictures = Files.newOutputStream(zip)) {
            export.write(json);
            export.writeMedia(pictures);
        } catch (IOException e) {
            err.println("Export failed: " + e.getMessage());
            return 1;
        }
        out.println("Exported to " + file + " and the pictures to " + zip);
        return 0;
    }

    private static int backup(ConfigurableApplicationContext context, Path dir, PrintStream out, PrintStream err) {
        try {
            context.getBean(SiteBackup.class).backup(dir);
            out.println("Backed up the database and media to " + dir);
            return 0;
        } catch (RuntimeException e) {
            err.println("Backup failed: " + e.getMessage());
            return 1;
        }
    }

    private static int restore(ConfigurableApplicationContext context, Path dir, boolean force, PrintStream out,
                               PrintStream err) {
        try {
            context.getBean(SiteBackup.class).restore(dir, force);
            out.println("Restored the database and media from " + dir);
            return 0;
        } catch (RuntimeException e) {
            err.println("Restore failed: " + e.getMessage());
            return 1;
        }
    }

    private static int copyMedia(ConfigurableApplicationContext context, Path from, PrintStream out, PrintStream err) {
        try {
            org.masthead.media.MediaCopy.Copied copied = context.getBean(org.masthead.media.MediaCopy.class).from(from);
            out.println("Copied " + copied.written() + " file(s) into the media store; " + copied.alreadyThere()
                    + " were there already.");
            return 0;
        } catch (RuntimeException e) {
            err.println("Copying the media failed: " + e.getMessage());
            return 1;
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println(problem);
        err.println(USAGE);
        return 2;
    }

    /** A one-line bar on the terminal, redrawn in place: per cent, posts, pace and time left. */
    static final class ProgressBar {
        private final PrintStream terminal;
        private final Instant started;
        private boolean drawn;

        ProgressBar(PrintStream terminal, Instant started) {
            this.terminal = terminal;
            this.started = started;
        }

        void show(ImportReport report) {
            long total = Math.max(report.totalPosts(), 0);
            long done = report.processed();
            int width = 30;
            int filled = total == 0 ? 0 : (int) Math.min(width, done * width / total);
            long elapsed = Math.max(1, Duration.between(started, Instant.now()).toSeconds());
            String eta = done == 0 || total == 0 || done >= total ? "" : " · " + (elapsed * (total - done) / done) + " s left";
            terminal.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] "
                    + (total == 0 ? 0 : done * 100 / total) + " % · " + done + "/" + total + " posts · "
                    + report.created() + (report.dryRun() ? " to create" : " created") + eta + "   ");
            terminal.flush();
            drawn = true;
        }

        void done() {
            if (drawn) {
                terminal.println();
            }
        }
    }
}
