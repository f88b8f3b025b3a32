package org.masthead.article;

/** Raised after a published article was taken off the site. */
public record ArticleUnpublished(long articleId) {
}
