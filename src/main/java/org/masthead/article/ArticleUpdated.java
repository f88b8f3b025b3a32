package org.masthead.article;

/** Raised after a published article changed while staying published (edit, correction). */
public record ArticleUpdated(long articleId) {
}
