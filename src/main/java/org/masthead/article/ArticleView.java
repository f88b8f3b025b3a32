package org.masthead.article;

import java.time.Instant;
import java.util.List;

/** Everything an article page shows of a published article. */
public record ArticleView(long id, String slug, String headline, String standfirst, SectionRef section,
                          List<Byline> bylines, Picture image, String bodyHtml, int readingMinutes,
                          List<String> tags, String language, Instant publishedAt, Instant updatedAt,
                          List<Correction> corrections, String excerpt) {

    public static String urlOf(String slug) {
        return "/articles/" + slug;
    }

    public String url() {
        return urlOf(slug);
    }

    ArticleView withRelated(List<Byline> bylines, List<String> tags, List<Correction> corrections) {
        return new ArticleView(id, slug, headline, standfirst, section, List.copyOf(bylines), image, bodyHtml,
                readingMinutes, List.copyOf(tags), language, publishedAt, updatedAt, List.copyOf(corrections), excerpt);
    }

    public boolean wasUpdated() {
        return updatedAt.isAfter(publishedAt);
    }
}
