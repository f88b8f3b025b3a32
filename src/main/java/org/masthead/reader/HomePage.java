package org.masthead.reader;

import java.util.List;

import org.masthead.content.ArticleSummary;
import org.masthead.content.SectionRef;
import org.masthead.newsfeed.NewsFeedBox;
import org.masthead.system.Layout;

/**
 * The front page: the lead story, the latest of every section, and the News Feed.
 *
 * @param lead    null while nothing is published
 * @param liveNow live blogs whose coverage is running, above everything
 */
public record HomePage(Layout layout, ArticleSummary lead, List<SectionBlock> sections, NewsFeedBox newsFeed,
                       List<ArticleSummary> liveNow) {

    public record SectionBlock(SectionRef section, List<ArticleSummary> articles) {
    }
}
