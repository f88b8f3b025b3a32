package org.masthead.archive;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import did (or, in a dry run, would do): counts for the progress screen and a line per thing a person
 * should look at — posts not imported, slugs changed, pictures that could not be brought in, warnings — capped so
 * a huge archive cannot make a huge report.
 */
public final class ImportReport {

    static final int MAX_LINES = 2_000;

    private final boolean dryRun;
    private long totalPosts = -1;
    private long processed;
    private long created;
    private long unchanged;
    private long failed;
    private long authors;
    private long sections;
    private long tags;
    private long imagesStored;
    private long imagesFailed;
    private final Map<String, Long> skipped = new LinkedHashMap<>();
    private final List<String> lines = new ArrayList<>();
    private long linesLeftOut;

    ImportReport(boolean dryRun) {
        this.dryRun = dryRun;
    }

    synchronized void total(long posts) {
        totalPosts = posts;
    }

    synchronized void processed(long count) {
        processed += count;
    }

    synchronized void created(long count) {
        created += count;
    }

    synchronized void unchanged(long count) {
        unchanged += count;
    }

    synchronized void failed(String key, String why) {
        failed++;
        line("not imported: " + key + " — " + why);
    }

    synchronized void author() {
        authors++;
    }

    synchronized void section() {
        sections++;
    }

    synchronized void tag() {
        tags++;
    }

    synchronized void imageStored() {
        imagesStored++;
    }

    synchronized void imageFailed(String address, String why) {
        imagesFailed++;
        line("picture not brought in: " + address + " — " + why);
    }

    synchronized void skipped(String kind, String detail) {
        skipped.merge(kind, 1L, Long::sum);
        if (detail != null && !detail.isBlank()) {
            line("skipped " + kind + ": " + detail);
        }
    }

    synchronized void note(String key, String what) {
        line(key + ": " + what);
    }

    private void line(String text) {
        if (lines.size() < MAX_LINES) {
            lines.add(text);
        } else {
            linesLeftOut++;
        }
    }

    public synchronized boolean dryRun() {
        return dryRun;
    }

    public synchronized long totalPosts() {
        return totalPosts;
    }

    public synchronized long processed() {
        return processed;
    }

    public synchronized long created() {
        return created;
    }

    public synchronized long unchanged() {
        return unchanged;
    }

    public synchronized long failed() {
        return failed;
    }

    public synchronized long imagesStored() {
        return imagesStored;
    }

    public synchronized long imagesFailed() {
        return imagesFailed;
    }

    public synchronized long skippedCount() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    public synchronized Map<String, Long> skipped() {
        return new LinkedHashMap<>(skipped);
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** The report as a person reads it (the newsroom's download, the command line's last words). */
    public synchronized String text(Duration took) {
        StringBuilder text = new StringBuilder();
        text.append(dryRun ? "Dry run: nothing was written. " : "").append("Posts in the archive: ")
                .append(totalPosts < 0 ? processed : totalPosts).append('\n');
        text.append(dryRun ? "Would create: " : "Created: ").append(created).append('\n');
        text.append("Already imported (unchanged): ").append(unchanged).append('\n');
        text.append("Not imported (errors): ").append(failed).append('\n');
        text.append("Authors: ").append(authors).append(", sections: ").append(sections).append(", tags: ").append(tags)
                .append(dryRun ? " (declared in the archive)" : " (found or created)").append('\n');
        text.append(dryRun ? "Pictures referenced: " : "Pictures stored: ").append(imagesStored)
                .append(", not brought in: ").append(imagesFailed).append('\n');
        skipped.forEach((kind, count) -> text.append("Skipped ").append(kind).append(": ").append(count).append('\n'));
        if (took != null) {
            text.append("Took: ").append(took.toSeconds()).append(" s\n");
        }
        if (!lines.isEmpty()) {
            text.append('\n');
            lines.forEach(line -> text.append(line).append('\n'));
            if (linesLeftOut > 0) {
                text.append("… and ").append(linesLeftOut).append(" more lines\n");
            }
        }
        return text.toString();
    }
}
