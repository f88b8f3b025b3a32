package org.masthead.api.ghost;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.masthead.body.BodyFormat;
import org.masthead.content.ArticleKind;
import org.masthead.content.ArticleStatus;

/**
 * An article or page as the APIs read it from content's {@code content_post} view, with its bylines and tags.
 * Pictures are named by their stored file; the serializer makes URLs of them.
 */
public record PostRow(long id, String publicId, UUID uuid, ArticleKind kind, String slug, String title,
                      String customExcerpt, ArticleStatus status, boolean featured, String language, Long sectionId,
                      String sectionSlug, String sectionName, String bodySource, BodyFormat bodyFormat, String html,
                      String plaintext, int words, int images, Long featureImageId, String featureImageFile,
                      String featureImageAlt, String featureImageCaption, String featureImageCredit,
                      Instant publishedAt, Instant scheduledAt, Instant createdAt, Instant updatedAt, Long createdBy,
                      Long createdByIntegration, int version, String metaTitle, String metaDescription,
                      String ogTitle, String ogDescription, String ogImageFile, String twitterTitle,
                      String twitterDescription, String twitterImageFile, String canonicalUrl,
                      List<AuthorRow> authors, List<TagRow> tags) {

    /** Ghost's status words: its drafts include what Masthead has in review or took offline. */
    public String ghostStatus() {
        return switch (status) {
            case PUBLISHED -> "published";
            case SCHEDULED -> "scheduled";
            default -> "draft";
        };
    }

    /** Ghost keeps a scheduled post's time in {@code published_at}. */
    public Instant ghostPublishedAt() {
        return status == ArticleStatus.SCHEDULED ? scheduledAt : publishedAt;
    }
}
