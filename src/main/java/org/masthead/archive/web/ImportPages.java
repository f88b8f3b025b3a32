package org.masthead.archive.web;

import java.time.Duration;
import java.util.List;

import org.masthead.archive.ImportJobs;
import org.masthead.system.AdminFrame;

/** Page records of the newsroom's import and export screens. */
public final class ImportPages {

    private ImportPages() {
    }

    public record ListPage(AdminFrame frame, List<ImportJobs.Job> jobs, String error) {
    }

    /**
     * @param eta     estimated time left, or null
     * @param refresh whether the page reloads itself (while the import runs; no JavaScript needed)
     */
    public record JobPage(AdminFrame frame, ImportJobs.Job job, Duration eta, boolean refresh) {

        public String etaText() {
            if (eta == null) {
                return "";
            }
            long seconds = eta.toSeconds();
            return seconds < 60 ? "about " + Math.max(1, seconds) + " s left"
                    : "about " + (seconds + 59) / 60 + " min left";
        }
    }
}
