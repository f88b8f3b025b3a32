package org.masthead.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.masthead.content.ArticleContent;
import org.masthead.content.ArticleEvent;
import org.masthead.content.ArticleKind;
import org.masthead.content.Authors;
import org.masthead.content.EditableArticle;
import org.masthead.content.Publishing;
import org.masthead.content.Sections;
import org.masthead.identity.StaffAccounts;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.Staff;
import org.masthead.system.SurrogateKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@EmptySiteTest
@RecordApplicationEvents
@ExtendWith(OutputCaptureExtension.class)
class PurgePlanTests {

    @Autowired Publishing publishing;
    @Autowired PurgePlanner planner;
    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired StaffAccounts accounts;
    @Autowired ApplicationEvents events;

    @Test
    void publishingRenamingAndUnpublishingPlanThePurgeOfEveryPageThatShowsTheArticleBeforeAndAfter(CapturedOutput output) {
        var staff = Staff.create(sections, authors, accounts);
        var other = sections.create("Other desk " + staff.section().slug(), "", 1);
        var editor = Staff.actor(staff.editor());
        EditableArticle published = publishing.create(editor, new Publishing.Create(ArticleKind.ARTICLE, ArticleContent.markdown(
                "Purge me " + staff.section().slug(), null, null, staff.section().id(), List.of(staff.byline().id()),
                List.of("Harbour"), "Text.", null, "en"), "", Publishing.Then.PUBLISH));

        PurgePlanner.Plan plan = planner.plan(last(ArticleEvent.Published.class));
        assertThat(plan.keys()).contains(SurrogateKey.article(published.id()), SurrogateKey.section(staff.section().id()),
                SurrogateKey.author(staff.byline().id()), SurrogateKey.tag("harbour"), SurrogateKey.HOME,
                SurrogateKey.NEWS_FEED, SurrogateKey.FEEDS, SurrogateKey.SITEMAPS);
        assertThat(plan.urls()).contains("http://localhost:8080/articles/" + published.slug(),
                "http://localhost:8080" + staff.section().url(), "http://localhost:8080" + staff.byline().url(),
                "http://localhost:8080/", "http://localhost:8080/feed.xml", "http://localhost:8080/sitemaps/news.xml");
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> output.getOut().contains("CDN purge: keys [article-" + published.id()));

        // moved to another section under a new slug: the old address, old section and old tag are purged too
        EditableArticle moved = publishing.revise(editor, new Publishing.Revise(published.id(), published.version(),
                ArticleContent.markdown("Purged and moved " + staff.section().slug(), null, null, other.id(),
                        List.of(staff.byline().id()), List.of("Quay"), "Text.", null, "en"), "", Publishing.Then.KEEP));
        PurgePlanner.Plan afterMove = planner.plan(last(ArticleEvent.PublishedEdited.class));
        assertThat(afterMove.keys()).contains(SurrogateKey.section(staff.section().id()), SurrogateKey.section(other.id()),
                SurrogateKey.tag("harbour"), SurrogateKey.tag("quay"));
        assertThat(afterMove.urls()).contains("http://localhost:8080/articles/" + published.slug(),
                "http://localhost:8080/articles/" + moved.slug(), "http://localhost:8080" + other.url());

        publishing.move(editor, new Publishing.Move(published.id(), moved.version(), Publishing.Then.UNPUBLISH));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() ->
                output.getOut().split("CDN purge: keys \\[article-" + published.id(), -1).length == 4);
    }

    private <T extends ArticleEvent> T last(Class<T> type) {
        List<T> seen = events.stream(type).toList();
        return seen.get(seen.size() - 1);
    }
}
