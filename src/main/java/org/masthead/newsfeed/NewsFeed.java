package org.masthead.newsfeed;

import org.masthead.content.ArticleSummary;
import org.masthead.content.Cursor;
import org.masthead.content.PublishedArticles;
import org.masthead.content.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What pages show of the News Feed: the box of the latest stories, and pages of it. */
@Component
public class NewsFeed {

    private final PublishedArticles articles;
    private final JdbcClient jdbc;

    NewsFeed(PublishedArticles articles, JdbcClient jdbc) {
        this.articles = articles;
        this.jdbc = jdbc;
    }

    /** The latest stories, with the live stream starting after the newest feed event read before them. */
    public NewsFeedBox box() {
        long liveFrom = latestEvent(); // read before the list, so nothing falls between the two
        return new NewsFeedBox(articles.latest(null, NewsFeedBox.SIZE), liveFrom);
    }

    Slice<ArticleSummary> page(Cursor before, int size) {
        return articles.latest(before, size);
    }

    /** The newest live News Feed event; pages render it so their stream continues from there. */
    long latestEvent() {
        return jdbc.sql("select coalesce(max(id), 0) from feed_event").query(Long.class).single();
    }
}
