package org.masthead.newsfeed;

import org.masthead.content.ArticleSummary;
import org.masthead.content.Slice;
import org.masthead.system.Site;

/** The next items of the news feed as an HTML fragment, appended in place by the page's script. */
public record NewsFeedItems(Site site, Slice<ArticleSummary> items) {

    public NewsFeedBox box() {
        return new NewsFeedBox(items, 0);
    }
}
