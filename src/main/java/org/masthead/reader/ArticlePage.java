package org.masthead.reader;

import java.util.List;

import org.masthead.content.ArticleView;
import org.masthead.newsfeed.NewsFeedBox;
import org.masthead.search.RelatedArticles;
import org.masthead.system.Layout;

public record ArticlePage(Layout layout, ArticleView article, NewsFeedBox newsFeed, List<RelatedArticles.Related> related) {
}
