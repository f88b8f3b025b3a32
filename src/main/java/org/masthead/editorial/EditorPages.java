package org.masthead.editorial;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.masthead.content.ArticlePermissions;
import org.masthead.content.ArticleStatus;
import org.masthead.content.AuditEntry;
import org.masthead.content.Author;
import org.masthead.content.Correction;
import org.masthead.content.Previews;
import org.masthead.content.ReviewNote;
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

    /**
     * @param wordCount    the saved body's words (the editor counts live as it changes), null for a new article
     * @param shareLinks   the draft's share-preview links, for Editors
     */
    public record EditorPage(AdminFrame frame, Long id, ArticleForm form, ArticleStatus status, List<Section> sections,
                             List<Author> authors, MediaFile leadImage, MediaFile ogImage, MediaFile twitterImage,
                             Map<String, String> errors, String notice, Conflict conflict, ArticlePermissions can,
                             String publicUrl, Instant scheduledAt, List<Correction> corrections, Review review,
                             List<Previews.ShareLink> shareLinks, boolean isEditor, Instant now, Integer wordCount,
                             Integer readingMinutes, long writerId) {

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

        /** Where the form posts, and where the editor's background saves go. */
        public String action() {
            return isNew() ? "/admin/articles" : "/admin/articles/" + id;
        }

        /** Autosave applies to drafts and stories in review that this member may edit, and never over a conflict. */
        public String autosaveUrl() {
            if (conflict != null || !can.edit() || !(status == ArticleStatus.DRAFT || status == ArticleStatus.IN_REVIEW)) {
                return null;
            }
            return isNew() ? "/admin/articles/autosave" : "/admin/articles/" + id + "/autosave";
        }

        /**
         * The main button: what this member's next step with the story is. Editors publish; writers send a story
         * to review (a Reporter may still publish their own, from a quieter button).
         */
        public String primaryAction() {
            if (status == ArticleStatus.PUBLISHED) {
                return can.edit() ? "save" : null;
            }
            if (can.publish() && isEditor) {
                return "publish";
            }
            if (can.submit()) {
                return "submit";
            }
            if (status == ArticleStatus.IN_REVIEW) {
                return can.edit() ? "save" : null; // the writer's story waits for an editor; they may still polish it
            }
            if (can.publish()) {
                return "publish";
            }
            return can.edit() ? "save" : null;
        }

        /** A Reporter's own story: publishing is theirs too, but not the suggested next step. */
        public boolean offersPublishBesideSubmit() {
            return !isEditor && can.publish() && !"publish".equals(primaryAction())
                    && (status == ArticleStatus.DRAFT || status == ArticleStatus.IN_REVIEW);
        }

        /** The writer takes their story back out of review. */
        public boolean canWithdraw() {
            return status == ArticleStatus.IN_REVIEW && !isEditor && can.returnToDraft();
        }

        public String primaryLabel() {
            String action = primaryAction();
            if (action == null) {
                return "";
            }
            return switch (action) {
                case "publish" -> status == ArticleStatus.SCHEDULED ? "Publish now" : "Publish";
                case "submit" -> "Submit for review";
                default -> status == ArticleStatus.PUBLISHED ? "Update" : status == ArticleStatus.IN_REVIEW ? "Save changes"
                        : "Save draft";
            };
        }

        /** Whether the editor is looking at a story a writer submitted: then "Send back" with a note is offered. */
        public boolean canSendBack() {
            return status == ArticleStatus.IN_REVIEW && isEditor && can.returnToDraft();
        }
    }

    /** The notes that travelled with a story, newest first, and the diff since an editor last sent it back. */
    public record Review(List<ReviewNote> notes, String changesSinceReviewUrl) {
        public static final Review NONE = new Review(List.of(), null);
    }

    public record RevisionsPage(AdminFrame frame, long articleId, String headline, int version, List<Revision> revisions) {
    }

    /** A block of the diff: unchanged, removed, added, or changed — then with its words marked. */
    public record DiffLine(String kind, String text, List<DiffSegment> segments) {

        public DiffLine(String kind, String text) {
            this(kind, text, List.of());
        }
    }

    /** Words within a changed block: {@code same}, {@code removed} or {@code added}. */
    public record DiffSegment(String kind, String text) {
    }

    public record RevisionPage(AdminFrame frame, long articleId, int version, Revision revision, Revision comparedTo,
                               List<DiffLine> diff, boolean canRestore) {
    }

    /**
     * @param notes          the newest note of each story listed, by article id
     * @param scheduledToday what goes live today (in the site's time zone), soonest first
     * @param sentBack       this member's stories an editor sent back, with their notes
     */
    public record DashboardPage(AdminFrame frame, Map<ArticleStatus, Long> counts, Slice<ArticleRow> recent,
                                Slice<ArticleRow> inReview, Slice<ArticleRow> scheduled, String staffName,
                                Map<Long, ReviewNote> notes, List<ArticleRow> scheduledToday, List<ArticleRow> sentBack) {

        public ReviewNote note(long articleId) {
            return notes.get(articleId);
        }
    }

    public record AuditPage(AdminFrame frame, List<AuditEntry> entries, Long articleId, String nextUrl) {
    }
}
