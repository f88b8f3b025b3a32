package org.masthead.newsfeed;

import org.masthead.content.ArticleSummary;
import org.masthead.content.Cursor;
import org.masthead.content.Slice;

/** The "News Feed" aside: the latest published articles and where "Show More" continues. */
public record NewsFeedBox(Slice<ArticleSummary> latest, long liveFrom) {

    public static final int SIZE = 10;

    /**
     * The live stream, starting after the last feed event this page already reflects, so a story published
     * between rendering and connecting is not missed.
     */
    public String streamUrl() {
        return "/news-feed/stream?lastEventId=" + liveFrom;
    }

    public String showMoreUrl() {
        return Cursor.pageUrl("/news-feed", latest.next());
    }

    public String showMoreFragmentUrl() {
        return Cursor.pageUrl("/news-feed/items", latest.next());
    }
}
