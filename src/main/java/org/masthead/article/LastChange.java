package org.masthead.article;

import java.time.Instant;
import java.util.Collection;

/** The newest {@code updatedAt} among what a page shows, for its {@code Last-Modified}. */
public final class LastChange {

    private LastChange() {
    }

    public static Instant of(Collection<ArticleSummary> articles) {
        return articles.stream().map(ArticleSummary::updatedAt).max(Instant::compareTo).orElse(null);
    }
}
