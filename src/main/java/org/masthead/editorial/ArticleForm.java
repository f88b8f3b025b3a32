package org.masthead.editorial;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.masthead.body.BodyDocument;
import org.masthead.body.BodyFormat;
import org.masthead.body.BodyRenderer;
import org.masthead.body.InvalidBodyException;
import org.masthead.content.ArticleContent;
import org.masthead.content.ArticleKind;
import org.masthead.content.ArticleValidationException;
import org.masthead.content.EditableArticle;
import org.masthead.content.LeadImage;
import org.masthead.content.Seo;

/**
 * The editor form as posted. {@code action} is the button pressed: save, submit, publish, schedule, unpublish or
 * draft (send back / return to draft). Authors come in the order of their fields. The body arrives as the block
 * editor's document ({@code bodyFormat=blocks}) or, without JavaScript, as Markdown from the textarea; either way
 * it is stored as blocks.
 */
public record ArticleForm(String headline, String slug, String standfirst, Long sectionId, List<Long> authorIds,
                          String guestByline, String tags, String bodyFormat, String bodyDocument, String bodyMarkdown,
                          Long leadImageId, String leadImageAlt, String leadImageCaption, String leadImageCredit,
                          Boolean removeLeadImage, Integer version, String scheduledAt, String action, String kind,
                          String note, String metaTitle, String metaDescription, String ogTitle, String ogDescription,
                          Long ogImageId, String twitterTitle, String twitterDescription, Long twitterImageId,
                          Boolean featured, String canonicalUrl) {

    public ArticleForm {
        headline = orEmpty(headline);
        slug = orEmpty(slug);
        standfirst = orEmpty(standfirst);
        authorIds = authorIds == null ? List.of() : authorIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        guestByline = orEmpty(guestByline);
        tags = orEmpty(tags);
        bodyFormat = "blocks".equals(bodyFormat) ? "blocks" : "markdown";
        bodyDocument = orEmpty(bodyDocument);
        bodyMarkdown = orEmpty(bodyMarkdown).replace("\r\n", "\n");
        leadImageAlt = orEmpty(leadImageAlt);
        leadImageCaption = orEmpty(leadImageCaption);
        leadImageCredit = orEmpty(leadImageCredit);
        scheduledAt = orEmpty(scheduledAt);
        action = action == null || action.isBlank() ? "save" : action;
        removeLeadImage = Boolean.TRUE.equals(removeLeadImage);
        kind = "page".equals(kind) ? "page" : "article";
        note = orEmpty(note);
        metaTitle = orEmpty(metaTitle);
        metaDescription = orEmpty(metaDescription);
        ogTitle = orEmpty(ogTitle);
        ogDescription = orEmpty(ogDescription);
        twitterTitle = orEmpty(twitterTitle);
        twitterDescription = orEmpty(twitterDescription);
        featured = Boolean.TRUE.equals(featured);
        canonicalUrl = orEmpty(canonicalUrl);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    static ArticleForm empty(ArticleKind kind) {
        return new ArticleForm("", "", "", null, List.of(), "", "", "blocks", BodyDocument.empty().toJson(), "", null, "", "",
                "", false, null, "", "save", kind.dbValue(), "", "", "", "", "", null, "", "", null, false, "");
    }

    /**
     * The stored article in the editor: its body as blocks, and as Markdown for the editor without JavaScript. A
     * draft's slug that still follows its headline is left blank, so it keeps following; a scheduled article shows
     * its time in the newsroom's time zone.
     */
    static ArticleForm of(EditableArticle article, BodyRenderer renderer, ZoneId zone) {
        ArticleContent content = article.content();
        LeadImage image = content.leadImage();
        BodyDocument body = renderer.toDocument(content.bodySource(), content.bodyFormat());
        Seo seo = content.seo();
        return new ArticleForm(content.headline(), followsHeadline(article) ? "" : article.slug(),
                content.standfirst() == null ? "" : content.standfirst(), content.sectionId(),
                content.authorIds(), "", String.join(", ", content.tags()), "blocks", body.toJson(), renderer.toMarkdown(body),
                image == null ? null : image.mediaId(), image == null ? "" : image.alt(),
                image == null ? "" : image.caption(), image == null ? "" : image.credit(), false, article.version(),
                article.scheduledAt() == null ? "" : LocalDateTime.ofInstant(article.scheduledAt(), zone)
                        .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString(),
                "save", article.kind().dbValue(), "", seo.metaTitle(), seo.metaDescription(), seo.ogTitle(),
                seo.ogDescription(), seo.ogImageId(), seo.twitterTitle(), seo.twitterDescription(), seo.twitterImageId(),
                content.featured(), seo.canonicalUrl());
    }

    /** Never published, and its address is still the one its headline makes (or a placeholder for no headline). */
    private static boolean followsHeadline(EditableArticle article) {
        if (article.publishedAt() != null) {
            return false;
        }
        String derived = org.masthead.text.Slugs.slugify(article.content().headline());
        String slug = article.slug();
        return (derived.isEmpty() && slug.matches("untitled-[0-9a-f]{8}"))
                || (!derived.isEmpty() && (slug.equals(derived) || slug.matches(java.util.regex.Pattern.quote(derived) + "-\\d{1,3}")));
    }

    ArticleKind articleKind() {
        return ArticleKind.fromDb(kind);
    }

    ArticleForm withLeadImage(long mediaId, String alt, String caption, String credit) {
        return new ArticleForm(headline, slug, standfirst, sectionId, authorIds, guestByline, tags, bodyFormat, bodyDocument,
                bodyMarkdown, mediaId, leadImageAlt.isBlank() ? alt : leadImageAlt,
                leadImageCaption.isBlank() ? caption : leadImageCaption, leadImageCredit.isBlank() ? credit : leadImageCredit,
                false, version, scheduledAt, action, kind, note, metaTitle, metaDescription, ogTitle, ogDescription,
                ogImageId, twitterTitle, twitterDescription, twitterImageId, featured, canonicalUrl);
    }

    ArticleForm withVersion(int newVersion) {
        return new ArticleForm(headline, slug, standfirst, sectionId, authorIds, "", tags, bodyFormat, bodyDocument,
                bodyMarkdown, leadImageId, leadImageAlt, leadImageCaption, leadImageCredit, removeLeadImage, newVersion,
                scheduledAt, action, kind, note, metaTitle, metaDescription, ogTitle, ogDescription, ogImageId, twitterTitle,
                twitterDescription, twitterImageId, featured, canonicalUrl);
    }

    ArticleForm withAction(String newAction) {
        return new ArticleForm(headline, slug, standfirst, sectionId, authorIds, guestByline, tags, bodyFormat, bodyDocument,
                bodyMarkdown, leadImageId, leadImageAlt, leadImageCaption, leadImageCredit, removeLeadImage, version,
                scheduledAt, newAction, kind, note, metaTitle, metaDescription, ogTitle, ogDescription, ogImageId,
                twitterTitle, twitterDescription, twitterImageId, featured, canonicalUrl);
    }

    ArticleForm withAuthors(List<Long> ids) {
        return new ArticleForm(headline, slug, standfirst, sectionId, ids, "", tags, bodyFormat, bodyDocument, bodyMarkdown,
                leadImageId, leadImageAlt, leadImageCaption, leadImageCredit, removeLeadImage, version, scheduledAt, action,
                kind, note, metaTitle, metaDescription, ogTitle, ogDescription, ogImageId, twitterTitle, twitterDescription,
                twitterImageId, featured, canonicalUrl);
    }

    /** The form again after a refusal: the body as the writer sent it, in both shapes the page needs. */
    ArticleForm withBody(BodyDocument document, BodyRenderer renderer) {
        return new ArticleForm(headline, slug, standfirst, sectionId, authorIds, guestByline, tags, "blocks", document.toJson(),
                renderer.toMarkdown(document), leadImageId, leadImageAlt, leadImageCaption, leadImageCredit, removeLeadImage,
                version, scheduledAt, action, kind, note, metaTitle, metaDescription, ogTitle, ogDescription, ogImageId,
                twitterTitle, twitterDescription, twitterImageId, featured, canonicalUrl);
    }

    /**
     * The body as blocks: the editor's document, or the Markdown of the editor without JavaScript read into blocks.
     *
     * @throws ArticleValidationException on the body field when the document is not one Masthead can store
     */
    BodyDocument body(BodyRenderer renderer) {
        try {
            return "blocks".equals(bodyFormat) && !bodyDocument.isBlank() ? BodyDocument.parse(bodyDocument)
                    : renderer.fromMarkdown(bodyMarkdown);
        } catch (InvalidBodyException e) {
            throw new ArticleValidationException(Map.of("body", e.getMessage()));
        }
    }

    ArticleContent content(String language, BodyRenderer renderer) {
        List<String> tagList = Arrays.stream(tags.split(",")).map(String::strip).filter(tag -> !tag.isEmpty()).toList();
        LeadImage image = leadImageId == null || removeLeadImage() ? null
                : new LeadImage(leadImageId, leadImageAlt, leadImageCaption, leadImageCredit);
        Long section = articleKind() == ArticleKind.PAGE ? null : sectionId;
        return new ArticleContent(headline, slug, standfirst, section, new ArrayList<>(authorIds), tagList,
                body(renderer).toJson(), BodyFormat.BLOCKS, image, language, seo(), featured);
    }

    Seo seo() {
        return new Seo(metaTitle, metaDescription, ogTitle, ogDescription, ogImageId, twitterTitle, twitterDescription,
                twitterImageId, canonicalUrl);
    }

    /** The scheduled time typed in the newsroom's time zone; null when empty or unreadable. */
    Instant scheduledInstant(ZoneId zone) {
        try {
            return scheduledAt.isBlank() ? null : LocalDateTime.parse(scheduledAt).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
