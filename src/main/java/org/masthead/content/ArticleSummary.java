package org.masthead.content;

import java.time.Instant;
import java.util.List;

/**
 * A published article in a list: home, section, author, tag and News Feed pages.
 *
 * @param live a live blog whose coverage is running: lists label it LIVE
 */
public record ArticleSummary(long id, String slug, String headline, String standfirst, SectionRef section,
                             List<Long> authorIds, List<String> authorNames, Picture image, int readingMinutes,
                             Instant publishedAt, Instant updatedAt, boolean live) {

    public String url() {
        return ArticleView.urlOf(slug);
    }

    public Cursor cursor() {
        return new Cursor(publishedAt, id);
    }
}
