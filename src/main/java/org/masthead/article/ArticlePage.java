package org.masthead.article;

import org.masthead.system.Layout;

public record ArticlePage(Layout layout, ArticleView article, NewsFeedBox newsFeed,
                          java.util.List<RelatedArticles.Related> related) {
}
