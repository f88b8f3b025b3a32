package org.masthead.article;

import java.time.Instant;
import java.util.List;

/** A published article as feeds and sitemaps need it: full content, people, categories, image. */
public record FeedEntry(long id, String slug, String headline, String standfirst, String bodyHtml, String bodyText,
                        SectionRef section, List<Byline> authors, List<String> tags, FeedImage image,
                        Instant publishedAt, Instant updatedAt, String language) {

    public String url() {
        return ArticleView.urlOf(slug);
    }

    /** The lead image's largest stored file, with what an RSS enclosure needs. */
    public record FeedImage(String url, int width, int height, String contentType, long byteSize, String alt) {
    }
}
