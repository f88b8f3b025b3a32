package org.masthead.reader;

import java.util.List;

import org.masthead.content.ArticleView;
import org.masthead.newsfeed.NewsFeedBox;
import org.masthead.search.RelatedArticles;
import org.masthead.system.Layout;

/**
 * @param previewNotice shown above a draft's preview ("Preview — not published"), null on the public page
 * @param live          a live blog's entries under the intro, or null for an ordinary article
 */
public record ArticlePage(Layout layout, ArticleView article, NewsFeedBox newsFeed, List<RelatedArticles.Related> related,
                          String previewNotice, org.masthead.live.LiveCoverage live) {

    public ArticlePage(Layout layout, ArticleView article, NewsFeedBox newsFeed, List<RelatedArticles.Related> related) {
        this(layout, article, newsFeed, related, null, null);
    }
}
