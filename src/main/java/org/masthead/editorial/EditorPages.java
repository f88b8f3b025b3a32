package org.masthead.editorial;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.masthead.content.ArticlePermissions;
import org.masthead.content.ArticleStatus;
import org.masthead.content.AuditEntry;
import org.masthead.content.Author;
import org.masthead.content.Correction;
import org.masthead.content.Revision;
import org.masthead.content.Section;
import org.masthead.content.Slice;
import org.masthead.media.MediaFile;
import org.masthead.system.AdminFrame;

/** The page records of the newsroom's article screens. */
public final class EditorPages {

    private EditorPages() {
    }

    public record ListPage(AdminFrame frame, Slice<ArticleRow> rows, List<Section> sections, List<Author> authors,
                           String status, Long sectionId, Long authorId, String q, String nextUrl) {

        public List<ArticleStatus> statuses() {
            return List.of(ArticleStatus.values());
        }
    }

    /** Someone else saved first: where to see their version. */
    public record Conflict(String savedBy, Instant savedAt, String theirVersionUrl, String compareUrl) {
    }

    public record EditorPage(AdminFrame frame, Long id, ArticleForm form, ArticleStatus status, List<Section> sections,
                             List<Author> authors, MediaFile leadImage, Map<String, String> errors, String notice,
                             Conflict conflict, ArticlePermissions can, String previewHtml, String publicUrl,
                             Instant scheduledAt, List<Correction> corrections) {

        public String error(String field) {
            return errors.get(field);
        }

        public boolean isNew() {
            return id == null;
        }

        /** Author pickers: the chosen bylines in order, then one empty picker to add another. */
        public List<Long> authorSlots() {
            List<Long> slots = new java.util.ArrayList<>(form.authorIds());
            slots.add(null);
            return slots;
        }
    }

    public record RevisionsPage(AdminFrame frame, long articleId, String headline, int version, List<Revision> revisions) {
    }

    public record DiffLine(String kind, String text) {
    }

    public record RevisionPage(AdminFrame frame, long articleId, int version, Revision revision, Revision comparedTo,
                               List<DiffLine> diff, boolean canRestore) {
    }

    public record DashboardPage(AdminFrame frame, Map<ArticleStatus, Long> counts, Slice<ArticleRow> recent,
                                Slice<ArticleRow> inReview, Slice<ArticleRow> scheduled, String staffName) {
    }

    public record AuditPage(AdminFrame frame, List<AuditEntry> entries, Long articleId, String nextUrl) {
    }
}
