package org.masthead.reader;

import java.util.List;

import org.masthead.content.ArticleSummary;
import org.masthead.content.SectionRef;
import org.masthead.newsfeed.NewsFeedBox;
import org.masthead.system.Layout;

/**
 * The front page as an editor lays it out: the lead story, a few secondary stories, a rail for every section
 * with its latest stories, and the News Feed (beside everything on a wide screen, right under the top stories on
 * a phone).
 *
 * @param lead      null while nothing is published
 * @param secondary the next newest stories after the lead, shown under it and left out of the section rails
 * @param liveNow live blogs whose coverage is running, above everything
 */
public record HomePage(Layout layout, ArticleSummary lead, List<ArticleSummary> secondary, List<SectionBlock> sections, NewsFeedBox newsFeed,
                       List<ArticleSummary> liveNow) {

    public record SectionBlock(SectionRef section, List<ArticleSummary> articles) {
    }
}
