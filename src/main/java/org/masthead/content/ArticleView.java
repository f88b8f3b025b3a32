package org.masthead.content;

import java.time.Instant;
import java.util.List;

/** Everything an article page (or a static page) shows of a published article. */
public record ArticleView(long id, ArticleKind kind, String slug, String headline, String standfirst, SectionRef section,
                          List<Byline> bylines, Picture image, String bodyHtml, int readingMinutes,
                          List<TagRef> tags, String language, Instant publishedAt, Instant updatedAt,
                          List<Correction> corrections, String excerpt) {

    public static String urlOf(String slug) {
        return "/articles/" + slug;
    }

    public String url() {
        return kind == ArticleKind.PAGE ? "/" + slug : urlOf(slug);
    }

    ArticleView with(List<Byline> bylines, List<TagRef> tags, List<Correction> corrections) {
        return new ArticleView(id, kind, slug, headline, standfirst, section, List.copyOf(bylines), image, bodyHtml,
                readingMinutes, List.copyOf(tags), language, publishedAt, updatedAt, List.copyOf(corrections), excerpt);
    }

    public boolean wasUpdated() {
        return updatedAt.isAfter(publishedAt);
    }

    public List<String> tagNames() {
        return tags.stream().map(TagRef::name).toList();
    }
}
