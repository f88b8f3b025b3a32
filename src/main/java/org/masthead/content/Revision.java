package org.masthead.content;

import java.time.Instant;
import java.util.List;

import org.masthead.body.BodyFormat;

/** A kept version of an article's content: who saved it, when and why. */
public record Revision(long articleId, int number, RevisionReason reason, String actorName, Instant createdAt,
                       String headline, String slug, String standfirst, Long sectionId, List<Long> authorIds,
                       List<String> tags, String bodySource, BodyFormat bodyFormat, LeadImage leadImage, Seo seo, boolean featured) {

    public ArticleContent content(String language) {
        return new ArticleContent(headline, slug, standfirst, sectionId, authorIds, tags, bodySource, bodyFormat, leadImage,
                language, seo, featured);
    }

    /** The revision as readable text, one field a block, for diffs. */
    public List<String> lines() {
        List<String> lines = new java.util.ArrayList<>();
        lines.add("Headline: " + headline);
        lines.add("Slug: " + slug);
        lines.add("Standfirst: " + (standfirst == null ? "" : standfirst));
        lines.add("Tags: " + String.join(", ", tags));
        if (leadImage != null) {
            lines.add("Lead image: #" + leadImage.mediaId() + " alt \"" + leadImage.alt() + "\", caption \""
                    + leadImage.caption() + "\", credit \"" + leadImage.credit() + "\"");
        }
        lines.add("");
        lines.addAll(List.of(bodySource.split("\n", -1)));
        return lines;
    }
}
