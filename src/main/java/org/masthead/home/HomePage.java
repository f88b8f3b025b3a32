package org.masthead.home;

import java.util.List;

import org.masthead.article.ArticleSummary;
import org.masthead.article.NewsFeedBox;
import org.masthead.article.SectionRef;
import org.masthead.system.Layout;

/**
 * The front page: the lead story, the latest of every section, and the news feed.
 *
 * @param lead null while nothing is published
 */
public record HomePage(Layout layout, ArticleSummary lead, List<SectionBlock> sections, NewsFeedBox newsFeed) {

    public record SectionBlock(SectionRef section, List<ArticleSummary> articles) {
    }
}
