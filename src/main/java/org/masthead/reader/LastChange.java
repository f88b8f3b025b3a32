package org.masthead.reader;

import java.time.Instant;
import java.util.Collection;

import org.masthead.content.ArticleSummary;

/** The newest {@code updatedAt} among what a page shows, for its {@code Last-Modified}. */
final class LastChange {

    private LastChange() {
    }

    static Instant of(Collection<ArticleSummary> articles) {
        return articles.stream().map(ArticleSummary::updatedAt).max(Instant::compareTo).orElse(null);
    }

    static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
