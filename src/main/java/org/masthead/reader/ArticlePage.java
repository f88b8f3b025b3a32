package org.masthead.reader;

import java.util.List;

import org.masthead.content.ArticleView;
import org.masthead.newsfeed.NewsFeedBox;
import org.masthead.search.RelatedArticles;
import org.masthead.system.Layout;

/** @param previewNotice shown above a draft's preview ("Preview — not published"), null on the public page */
public record ArticlePage(Layout layout, ArticleView article, NewsFeedBox newsFeed, List<RelatedArticles.Related> related,
                          String previewNotice) {

    public ArticlePage(Layout layout, ArticleView article, NewsFeedBox newsFeed, List<RelatedArticles.Related> related) {
        this(layout, article, newsFeed, related, null);
    }
}
