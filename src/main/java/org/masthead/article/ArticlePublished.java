package org.masthead.article;

import java.time.Instant;

/** Raised after an article went live; search, feeds and caches react to it. */
public record ArticlePublished(long articleId, String slug, long sectionId, Instant publishedAt) {
}
