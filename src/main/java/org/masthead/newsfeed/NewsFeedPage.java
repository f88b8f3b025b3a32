package org.masthead.newsfeed;

import org.masthead.content.ArticleSummary;
import org.masthead.content.Slice;
import org.masthead.system.Layout;

/** The dedicated news feed page; {@code continued} is true past the first page. */
public record NewsFeedPage(Layout layout, Slice<ArticleSummary> items, boolean continued, long liveFrom) {

    public NewsFeedBox box() {
        return new NewsFeedBox(items, liveFrom);
    }
}
