package org.masthead.syndication;

import java.time.Instant;
import java.util.List;

import org.masthead.content.ArticleView;

/** A published article as feeds and sitemaps need it: full content, people, categories, image. */
record FeedEntry(long id, String slug, String headline, String standfirst, String bodyHtml, String bodyText,
                 Section section, List<Person> authors, List<String> tags, FeedImage image,
                 Instant publishedAt, Instant updatedAt, String language) {

    String url() {
        return ArticleView.urlOf(slug);
    }

    record Section(long id, String slug, String name) {
    }

    record Person(long id, String slug, String name) {

        String url() {
            return "/authors/" + slug;
        }
    }

    /** The lead image's largest stored file, with what an RSS enclosure needs. */
    record FeedImage(String url, int width, int height, String contentType, long byteSize, String alt) {
    }
}
