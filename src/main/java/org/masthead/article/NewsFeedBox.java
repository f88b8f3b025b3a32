package org.masthead.article;

/** The "News Feed" aside: the latest published articles and where "Show More" continues. */
public record NewsFeedBox(Slice<ArticleSummary> latest) {

    public static final int SIZE = 10;

    public String showMoreUrl() {
        return Cursor.pageUrl("/news-feed", latest.next());
    }

    public String showMoreFragmentUrl() {
        return Cursor.pageUrl("/news-feed/items", latest.next());
    }
}
