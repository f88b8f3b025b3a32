package org.masthead.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.masthead.article.Article;
import org.masthead.article.ArticleContent;
import org.masthead.author.Authors;
import org.masthead.editorial.Newsroom;
import org.masthead.identity.StaffAccounts;
import org.masthead.section.Sections;
import org.masthead.support.EmptySiteTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@EmptySiteTest
@ExtendWith(OutputCaptureExtension.class)
class PurgePlanTests {

    @Autowired Newsroom newsroom;
    @Autowired PurgePlanner planner;
    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired StaffAccounts accounts;

    @Test
    void publishingUpdatingAndUnpublishingPlanThePurgeOfEveryPageThatShowsTheArticle(CapturedOutput output) {
        var staff = org.masthead.support.Newsroom.create(sections, authors, accounts);
        Article article = newsroom.create(staff.editor(), new ArticleContent("Purge me " + staff.section().slug(), null, null,
                staff.section().id(), List.of(staff.byline().id()), List.of("Harbour"), "Text.", null, "en"));
        Article published = newsroom.publish(staff.editor(), article.id(), article.version());

        PurgePlanner.Plan plan = planner.plan(article.id());
        assertThat(plan.keys()).contains("article-" + article.id(), "section-" + staff.section().id(),
                "author-" + staff.byline().id(), "tag-harbour", "home", "news-feed", "feeds", "sitemaps");
        assertThat(plan.urls()).contains("http://localhost:8080/articles/" + published.slug(),
                "http://localhost:8080" + staff.section().url(), "http://localhost:8080" + staff.byline().url(),
                "http://localhost:8080/", "http://localhost:8080/feed.xml", "http://localhost:8080/sitemaps/news.xml");
        assertThat(output.getOut()).contains("CDN purge: keys [article-" + article.id());

        newsroom.unpublish(staff.editor(), article.id(), published.version());
        assertThat(output.getOut().split("CDN purge: keys \\[article-" + article.id(), -1)).hasSize(3);
    }
}
