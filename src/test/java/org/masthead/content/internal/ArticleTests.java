package org.masthead.content.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.masthead.content.Actor;
import org.masthead.content.ArticleContent;
import org.masthead.content.ArticleEvent;
import org.masthead.content.ArticleException;
import org.masthead.content.ArticleKind;
import org.masthead.content.ArticleStatus;
import org.masthead.content.ArticleValidationException;
import org.masthead.content.LeadImage;
import org.masthead.body.BodyRenderer;

/** The aggregate's rules and the one event each command leaves behind. */
class ArticleTests {

    private final BodyRenderer renderer = new BodyRenderer();
    private final Clock clock = Clock.fixed(Instant.parse("2026-02-20T10:00:00Z"), ZoneOffset.UTC);
    private final Actor editor = Actor.staff(1, "Editor", Actor.Role.EDITOR, null);
    private static final Actor WRITER = Actor.staff(2, "Writer", Actor.Role.REPORTER, null);

    private ArticleContent content(String headline, List<Long> authors, LeadImage image) {
        return ArticleContent.markdown(headline, null, null, 1L, authors, List.of("Talks"), "Some *text*.", image, "en");
    }

    /** What the store does on insert: gives the row an id and links the tag names to tags. */
    private Article stored(Article draft) {
        draft.identify(7, 0, "00000000000000000000007a", java.util.UUID.randomUUID());
        draft.tagsResolved(List.of("talks"));
        draft.event(editor, clock);
        draft.settle();
        return draft;
    }

    @Test
    void aDraftGetsItsSlugFromTheHeadlineAndRendersItsBody() {
        Article article = Article.draft(ArticleKind.ARTICLE, content("Peace talks resume", List.of(1L), null), renderer, clock, WRITER);
        assertThat(article.slug()).isEqualTo("peace-talks-resume");
        assertThat(article.status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(article.body().html()).isEqualTo("<p>Some <em>text</em>.</p>");
        assertThat(article.publishedAt()).isNull();
    }

    @Test
    void publishingStampsTheTimeFromTheClock() {
        Article article = Article.draft(ArticleKind.ARTICLE, content("Peace talks resume", List.of(1L), null), renderer, clock, WRITER);
        article.publish(clock);
        assertThat(article.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2026-02-20T10:00:00Z"));
    }

    @Test
    void publishingTwiceIsRefused() {
        Article article = Article.draft(ArticleKind.ARTICLE, content("Peace talks resume", List.of(1L), null), renderer, clock, WRITER);
        article.publish(clock);
        assertThatThrownBy(() -> article.publish(clock)).isInstanceOf(ArticleException.class).hasMessageContaining("already published");
    }

    @Test
    void anArticleWithoutAuthorsCannotBePublishedButAPageCan() {
        Article article = Article.draft(ArticleKind.ARTICLE, content("Peace talks resume", List.of(), null), renderer, clock, WRITER);
        assertThatThrownBy(() -> article.publish(clock)).isInstanceOf(ArticleException.class).hasMessageContaining("author");
        assertThat(article.status()).isEqualTo(ArticleStatus.DRAFT);
        Article page = Article.draft(ArticleKind.PAGE, ArticleContent.markdown("About us", null, null, null, List.of(),
                List.of(), "Who we are.", null, "en"), renderer, clock, WRITER);
        page.publish(clock);
        assertThat(page.status()).isEqualTo(ArticleStatus.PUBLISHED);
    }

    @Test
    void aLeadImageNeedsAltTextAndCreditBeforePublishing() {
        Article article = Article.draft(ArticleKind.ARTICLE, content("Peace talks resume", List.of(1L), new LeadImage(5, "", "", " ")),
                renderer, clock, WRITER);
        assertThatThrownBy(() -> article.publish(clock)).isInstanceOfSatisfying(ArticleValidationException.class,
                e -> assertThat(e.errors()).containsOnlyKeys("leadImageAlt", "leadImageCredit"));
        assertThat(article.status()).isEqualTo(ArticleStatus.DRAFT);
    }

    @Test
    void anUntitledDraftIsKeptButNotPublishedAndAnUnusableSlugOrAReservedPageAddressIsRefused() {
        Article untitled = Article.draft(ArticleKind.ARTICLE, content("  ", List.of(1L), null), renderer, clock, WRITER);
        assertThat(untitled.slug()).matches("untitled-[0-9a-f]{8}");
        assertThatThrownBy(() -> untitled.publish(clock))
                .isInstanceOfSatisfying(ArticleValidationException.class, e -> assertThat(e.errors()).containsKey("headline"));
        assertThatThrownBy(() -> untitled.submitForReview(clock))
                .isInstanceOfSatisfying(ArticleValidationException.class, e -> assertThat(e.errors()).containsKey("headline"));
        assertThatThrownBy(() -> Article.draft(ArticleKind.ARTICLE, content("???", List.of(1L), null), renderer, clock, WRITER))
                .isInstanceOfSatisfying(ArticleValidationException.class, e -> assertThat(e.errors()).containsKey("slug"));
        assertThatThrownBy(() -> Article.draft(ArticleKind.PAGE, ArticleContent.markdown("Search", null, null, null, List.of(),
                List.of(), "x", null, "en"), renderer, clock, WRITER))
                .isInstanceOfSatisfying(ArticleValidationException.class, e -> assertThat(e.errors().get("slug")).contains("/search"));
        Article noSection = Article.draft(ArticleKind.ARTICLE, ArticleContent.markdown("No section", null, null, null,
                List.of(1L), List.of(), "x", null, "en"), renderer, clock, WRITER);
        assertThatThrownBy(() -> noSection.publish(clock))
                .isInstanceOfSatisfying(ArticleValidationException.class, e -> assertThat(e.errors()).containsKey("sectionId"));
    }

    @Test
    void changingThePublishedHeadlineWithoutASlugRetiresTheOldSlugButADraftsSlugJustFollows() {
        Article draft = Article.draft(ArticleKind.ARTICLE, content("Peace talks resume", List.of(1L), null), renderer, clock, WRITER);
        draft.revise(content("Peace talks resume today", List.of(1L), null), renderer, clock);
        assertThat(draft.slug()).isEqualTo("peace-talks-resume-today");
        assertThat(draft.retiredSlugs()).as("a draft's address was never public").isEmpty();

        draft.publish(clock);
        draft.revise(content("Peace talks resume in Geneva", List.of(1L), null), renderer, clock);
        assertThat(draft.slug()).isEqualTo("peace-talks-resume-in-geneva");
        assertThat(draft.retiredSlugs()).containsExactly("peace-talks-resume-today");
    }

    @Test
    void readingTimeCountsTheLeadImage() {
        String words = "word ".repeat(226);
        Article without = Article.draft(ArticleKind.ARTICLE, ArticleContent.markdown("H", null, null, 1L, List.of(1L), List.of(),
                words, null, "en"), renderer, clock, WRITER);
        Article with = Article.draft(ArticleKind.ARTICLE, ArticleContent.markdown("H", null, null, 1L, List.of(1L), List.of(),
                words, new LeadImage(1, "alt", "", "credit"), "en"), renderer, clock, WRITER);
        assertThat(without.readingMinutes()).isEqualTo(1);
        assertThat(with.readingMinutes()).isEqualTo(2);
    }

    @Test
    void eachCommandLeavesOneEventWithThePreviousAndCurrentSnapshot() {
        Article article = Article.draft(ArticleKind.ARTICLE, content("Peace talks resume", List.of(1L), null), renderer, clock, WRITER);
        article.identify(7, 0, "00000000000000000000007a", java.util.UUID.randomUUID());
        article.tagsResolved(List.of("talks"));
        assertThat(article.event(editor, clock)).isInstanceOf(ArticleEvent.Created.class);
        article.settle();

        article.revise(content("Peace talks resume in Geneva", List.of(1L, 2L), null), renderer, clock);
        article.publish(clock);
        ArticleEvent published = article.event(editor, clock);
        assertThat(published).isInstanceOf(ArticleEvent.Published.class); // save and publish: one event
        assertThat(published.previous().slug()).isEqualTo("peace-talks-resume");
        assertThat(published.previous().status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(published.current().slug()).isEqualTo("peace-talks-resume-in-geneva");
        assertThat(published.current().authorIds()).containsExactly(1L, 2L);
        assertThat(published.current().tagSlugs()).containsExactly("talks");
        article.settle();

        article.revise(content("Peace talks resume in Geneva", List.of(1L, 2L), null), renderer, clock);
        assertThat(article.event(editor, clock)).as("the same content again changes nothing").isNull();

        article.revise(content("Talks resume in Geneva", List.of(1L, 2L), null), renderer, clock);
        assertThat(article.event(editor, clock)).isInstanceOf(ArticleEvent.PublishedEdited.class);
        article.settle();

        article.unpublish(clock);
        assertThat(article.event(editor, clock)).isInstanceOf(ArticleEvent.Unpublished.class);
        article.settle();

        article.schedule(Instant.parse("2026-03-01T10:00:00Z"), clock);
        assertThat(article.event(editor, clock)).isInstanceOf(ArticleEvent.Scheduled.class);
        article.settle();
        article.schedule(Instant.parse("2026-03-02T10:00:00Z"), clock);
        assertThat(article.event(editor, clock)).isInstanceOf(ArticleEvent.Rescheduled.class);
        article.settle();
        article.returnToDraft(clock);
        assertThat(article.event(editor, clock)).isInstanceOf(ArticleEvent.Unscheduled.class);
    }

    @Test
    void aNewArticlePublishedAtOnceRaisesPublishedWithNoPrevious() {
        Article article = Article.draft(ArticleKind.ARTICLE, content("Breaking", List.of(1L), null), renderer, clock, WRITER);
        article.publish(clock);
        article.identify(9, 0, "00000000000000000000009a", java.util.UUID.randomUUID());
        article.tagsResolved(List.of("talks"));
        ArticleEvent event = article.event(editor, clock);
        assertThat(event).isInstanceOf(ArticleEvent.Published.class);
        assertThat(event.previous()).isNull();
        assertThat(event.current().id()).isEqualTo(9);
        assertThat(stored(Article.draft(ArticleKind.ARTICLE, content("Other", List.of(1L), null), renderer, clock, WRITER)).id())
                .isEqualTo(7);
    }
}
