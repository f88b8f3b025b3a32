package org.masthead.editorial;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.masthead.content.ArticleContent;
import org.masthead.content.ArticleKind;
import org.masthead.content.EditableArticle;
import org.masthead.content.LeadImage;

/**
 * The editor form as posted. {@code action} is the button pressed: save, submit, publish, schedule, unpublish,
 * draft (return to draft) or preview. Authors come in the order of their fields.
 */
public record ArticleForm(String headline, String slug, String standfirst, Long sectionId, List<Long> authorIds,
                          String guestByline, String tags, String bodyMarkdown, Long leadImageId, String leadImageAlt,
                          String leadImageCaption, String leadImageCredit, Boolean removeLeadImage, Integer version,
                          String scheduledAt, String action, String kind) {

    public ArticleForm {
        headline = headline == null ? "" : headline;
        slug = slug == null ? "" : slug;
        standfirst = standfirst == null ? "" : standfirst;
        authorIds = authorIds == null ? List.of() : authorIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        guestByline = guestByline == null ? "" : guestByline;
        tags = tags == null ? "" : tags;
        bodyMarkdown = bodyMarkdown == null ? "" : bodyMarkdown.replace("\r\n", "\n");
        leadImageAlt = leadImageAlt == null ? "" : leadImageAlt;
        leadImageCaption = leadImageCaption == null ? "" : leadImageCaption;
        leadImageCredit = leadImageCredit == null ? "" : leadImageCredit;
        scheduledAt = scheduledAt == null ? "" : scheduledAt;
        action = action == null || action.isBlank() ? "save" : action;
        removeLeadImage = Boolean.TRUE.equals(removeLeadImage);
        kind = "page".equals(kind) ? "page" : "article";
    }

    static ArticleForm empty(ArticleKind kind) {
        return new ArticleForm("", "", "", null, List.of(), "", "", "", null, "", "", "", false, null, "", "save",
                kind.dbValue());
    }

    static ArticleForm of(EditableArticle article) {
        ArticleContent content = article.content();
        LeadImage image = content.leadImage();
        return new ArticleForm(content.headline(), article.slug(), content.standfirst() == null ? "" : content.standfirst(),
                content.sectionId(), content.authorIds(), "", String.join(", ", content.tags()), content.bodySource(),
                image == null ? null : image.mediaId(), image == null ? "" : image.alt(),
                image == null ? "" : image.caption(), image == null ? "" : image.credit(), false, article.version(),
                "", "save", article.kind().dbValue());
    }

    ArticleKind articleKind() {
        return ArticleKind.fromDb(kind);
    }

    ArticleForm withLeadImage(long mediaId, String alt, String caption, String credit) {
        return new ArticleForm(headline, slug, standfirst, sectionId, authorIds, guestByline, tags, bodyMarkdown,
                mediaId, leadImageAlt.isBlank() ? alt : leadImageAlt, leadImageCaption.isBlank() ? caption : leadImageCaption,
                leadImageCredit.isBlank() ? credit : leadImageCredit, false, version, scheduledAt, action, kind);
    }

    ArticleForm withVersion(int newVersion) {
        return new ArticleForm(headline, slug, standfirst, sectionId, authorIds, "", tags, bodyMarkdown, leadImageId,
                leadImageAlt, leadImageCaption, leadImageCredit, removeLeadImage, newVersion, scheduledAt, action, kind);
    }

    ArticleForm withAction(String newAction) {
        return new ArticleForm(headline, slug, standfirst, sectionId, authorIds, guestByline, tags, bodyMarkdown, leadImageId,
                leadImageAlt, leadImageCaption, leadImageCredit, removeLeadImage, version, scheduledAt, newAction, kind);
    }

    ArticleForm withAuthors(List<Long> ids) {
        return new ArticleForm(headline, slug, standfirst, sectionId, ids, "", tags, bodyMarkdown, leadImageId,
                leadImageAlt, leadImageCaption, leadImageCredit, removeLeadImage, version, scheduledAt, action, kind);
    }

    ArticleContent content(String language) {
        List<String> tagList = Arrays.stream(tags.split(",")).map(String::strip).filter(tag -> !tag.isEmpty()).toList();
        LeadImage image = leadImageId == null || removeLeadImage() ? null
                : new LeadImage(leadImageId, leadImageAlt, leadImageCaption, leadImageCredit);
        Long section = articleKind() == ArticleKind.PAGE ? null : sectionId;
        return ArticleContent.markdown(headline, slug, standfirst, section, new ArrayList<>(authorIds), tagList, bodyMarkdown,
                image, language);
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
