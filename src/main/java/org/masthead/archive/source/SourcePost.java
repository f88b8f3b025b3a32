package org.masthead.archive.source;

import java.time.Instant;
import java.util.List;

/**
 * A post or page as the archive holds it, already mapped to Masthead's kinds and statuses by the reader.
 *
 * @param key          unique within the archive and stable across re-runs ("wp-post:123", "ghost-post:5951…")
 * @param ghostId      the 24-hex-digit id Ghost knew it by (kept so the Content API serves the same id), or null
 * @param uuid         Ghost's uuid when valid, or null
 * @param slug         may be blank (made from the title)
 * @param body         the body: HTML, or Lexical JSON when the archive had nothing else
 * @param excerpt      plain text standfirst, or null
 * @param publishedAt  first publication (published) or planned time (scheduled); null for drafts without one
 * @param authors      bylines in order, primary first (each also declared to the visitor, or only named here)
 * @param tags         in order, primary first
 * @param section      the section for an article (null: the importer's default section; ignored for pages)
 * @param featureImage the lead picture, or null
 * @param oldPaths     site-relative addresses the post answered at before ("/2024/02/20/slug/", "/?p=123",
 *                     "/slug/"), each starting with '/'; they will redirect to the Masthead address
 * @param comments     how many comments the archive holds for it (counted and skipped)
 * @param warnings     what the reader had to change or drop, for the report
 */
public record SourcePost(String key, String ghostId, String uuid, Kind kind, Status status, String slug, String title,
                         SourceBody body, String excerpt, Instant publishedAt, Instant createdAt, Instant updatedAt,
                         List<SourceAuthor> authors, List<SourceTerm> tags, SourceTerm section,
                         SourceImage featureImage, boolean featured, Meta meta, String language, List<String> oldPaths,
                         int comments, List<String> warnings) {

    public enum Kind { ARTICLE, PAGE }

    public enum Status { PUBLISHED, SCHEDULED, DRAFT, IN_REVIEW }

    /**
     * The body as the archive had it: HTML (WordPress, Ghost), Lexical JSON (a Ghost post with nothing else), or
     * Masthead's own Markdown or block source (a Masthead export, so a round trip keeps the body exactly).
     */
    public record SourceBody(String source, Format format) {
        public enum Format { HTML, LEXICAL, MARKDOWN, BLOCKS }

        public static SourceBody html(String html) {
            return new SourceBody(html == null ? "" : html, Format.HTML);
        }
    }

    /** Search and social overrides (Yoast, Ghost's posts_meta); blank when absent. */
    public record Meta(String metaTitle, String metaDescription, String ogTitle, String ogDescription, String ogImageUrl,
                       String twitterTitle, String twitterDescription, String twitterImageUrl, String canonicalUrl) {
        public static final Meta NONE = new Meta(null, null, null, null, null, null, null, null, null);
    }

    public SourcePost {
        slug = SourceAuthor.blankToNull(slug);
        title = title == null ? "" : title.strip();
        body = body == null ? SourceBody.html("") : body;
        excerpt = SourceAuthor.blankToNull(excerpt);
        authors = authors == null ? List.of() : List.copyOf(authors);
        tags = tags == null ? List.of() : List.copyOf(tags);
        meta = meta == null ? Meta.NONE : meta;
        oldPaths = oldPaths == null ? List.of() : List.copyOf(oldPaths);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
