package org.masthead.article;

import java.time.Instant;
import java.util.List;

/** A published article in a list: home, section, author and news feed pages. */
public record ArticleSummary(long id, String slug, String headline, String standfirst, SectionRef section,
                             List<String> authorNames, Picture image, int readingMinutes,
                             Instant publishedAt, Instant updatedAt) {

    public String url() {
        return ArticleView.urlOf(slug);
    }

    public Cursor cursor() {
        return new Cursor(publishedAt, id);
    }
}
