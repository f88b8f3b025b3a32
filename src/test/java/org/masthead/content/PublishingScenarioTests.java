package org.masthead.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.body.BodyFormat;
import org.masthead.system.SiteNavigation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;

/**
 * The content module on its own (with only the modules it may use): each command of the write path publishes
 * exactly one event of the type that names what happened, carrying the article before and after. Nothing of the
 * reader site, search or the News Feed is started; they only ever see these events.
 */
// identity comes along only because media's admin pages (a direct dependency) need the signed-in staff member
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "identity")
@TestPropertySource(properties = {
        "masthead.data-dir=target/test-data/content-module",
        "masthead.embedded-database.ephemeral=true",
        "masthead.demo-content=false"})
class PublishingScenarioTests {

    private static final Actor DESK = Actor.integration(1, "Wire desk", Actor.Role.EDITOR);
    private static final Actor STRINGER = Actor.integration(2, "Stringer", Actor.Role.CONTRIBUTOR);

    @Autowired Publishing publishing;
    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired Clock clock;

    Section section;
    Author author;

    @BeforeEach
    void desk() {
        String unique = Long.toString(System.nanoTime(), 36);
        section = sections.create("Harbour " + unique, "", 0);
        author = authors.create("Reporter " + unique, "Reporter", "", null, List.of());
    }

    private ArticleContent content(String headline, String slug) {
        return new ArticleContent(headline, slug, null, section.id(), List.of(author.id()), List.of("Ferries"),
                "The ferry ran late.", BodyFormat.MARKDOWN, null, "en");
    }

    private EditableArticle draft(String headline) {
        return publishing.create(DESK, new Publishing.Create(ArticleKind.ARTICLE, content(headline, null), "",
                Publishing.Then.KEEP));
    }

    private EditableArticle published(String headline) {
        EditableArticle draft = draft(headline);
        return publishing.move(DESK, new Publishing.Move(draft.id(), draft.version(), Publishing.Then.PUBLISH));
    }

    /** The article events the test thread published since the last check, in order. */
    private static List<ArticleEvent> articleEvents(AssertablePublishedEvents events) {
        List<ArticleEvent> published = new java.util.ArrayList<>();
        events.ofType(ArticleEvent.class).forEach(published::add);
        return published;
    }

    @Test
    void creatingADraftPublishesCreatedWithNoPreviousSnapshot(Scenario scenario) {
        scenario.stimulate(() -> draft("Ferry timetable changes"))
                .andWaitForEventOfType(ArticleEvent.Created.class)
                .matching(created -> created.current().headline().equals("Ferry timetable changes"))
                .toArriveAndVerify((created, article) -> {
                    assertThat(created.current().id()).isEqualTo(article.id());
                    assertThat(created.current().status()).isEqualTo(ArticleStatus.DRAFT);
                    assertThat(created.current().slug()).isEqualTo("ferry-timetable-changes");
                    assertThat(created.previous()).isNull();
                    assertThat(created.actor()).isEqualTo(DESK);
                    assertThat(created.imported()).isFalse();
                });
    }

    @Test
    void editingThenPublishingInOneCommandPublishesOnlyPublished(AssertablePublishedEvents events) {
        EditableArticle draft = draft("Quay closes");
        PublishedEventsCursor cursor = new PublishedEventsCursor(events);

        publishing.revise(DESK, new Publishing.Revise(draft.id(), draft.version(), content("Quay closes for repairs", null),
                "", Publishing.Then.PUBLISH));

        assertThat(cursor.newEvents()).singleElement().isInstanceOfSatisfying(ArticleEvent.Published.class, published -> {
            assertThat(published.previous().status()).isEqualTo(ArticleStatus.DRAFT);
            assertThat(published.previous().headline()).isEqualTo("Quay closes");
            assertThat(published.current().status()).isEqualTo(ArticleStatus.PUBLISHED);
            assertThat(published.current().headline()).isEqualTo("Quay closes for repairs");
            assertThat(published.current().publishedAt()).isNotNull();
        });
    }

    @Test
    void eachWorkflowMovePublishesTheEventThatNamesIt(AssertablePublishedEvents events) {
        PublishedEventsCursor cursor = new PublishedEventsCursor(events);
        EditableArticle article = draft("Lighthouse keeper retires");
        assertThat(cursor.newEventTypes()).containsExactly(ArticleEvent.Created.class);

        article = publishing.revise(DESK, new Publishing.Revise(article.id(), article.version(),
                content("Lighthouse keeper retires after 40 years", null), "", Publishing.Then.KEEP));
        assertThat(cursor.newEventTypes()).containsExactly(ArticleEvent.Edited.class);

        article = publishing.move(DESK, new Publishing.Move(article.id(), article.version(), Publishing.Then.SUBMIT));
        assertThat(cursor.newEventTypes()).containsExactly(ArticleEvent.SubmittedForReview.class);

        article = publishing.move(DESK, new Publishing.Move(article.id(), article.version(), Publishing.Then.RETURN_TO_DRAFT));
        assertThat(cursor.newEventTypes()).containsExactly(ArticleEvent.ReturnedToDraft.class);

        Instant tomorrow = clock.instant().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        article = publishing.move(DESK, new Publishing.Move(article.id(), article.version(), new Publishing.Then.Schedule(tomorrow)));
        assertThat(cursor.newEventTypes()).containsExactly(ArticleEvent.Scheduled.class);

        article = publishing.move(DESK, new Publishing.Move(article.id(), article.version(),
                new Publishing.Then.Schedule(tomorrow.plus(Duration.ofHours(2)))));
        assertThat(cursor.newEvents()).singleElement().isInstanceOfSatisfying(ArticleEvent.Rescheduled.class, rescheduled -> {
            assertThat(rescheduled.previous().scheduledAt()).isEqualTo(tomorrow);
            assertThat(rescheduled.current().scheduledAt()).isEqualTo(tomorrow.plus(Duration.ofHours(2)));
        });

        article = publishing.move(DESK, new Publishing.Move(article.id(), article.version(), Publishing.Then.RETURN_TO_DRAFT));
        assertThat(cursor.newEventTypes()).containsExactly(ArticleEvent.Unscheduled.class);

        article = publishing.move(DESK, new Publishing.Move(article.id(), article.version(), Publishing.Then.PUBLISH));
        assertThat(cursor.newEventTypes()).containsExactly(ArticleEvent.Published.class);

        article = publishing.correct(DESK, new Publishing.Correct(article.id(), Correction.Kind.CORRECTION,
                "An earlier version gave the wrong year."));
        assertThat(cursor.newEventTypes()).containsExactly(ArticleEvent.CorrectionAdded.class);

        article = publishing.move(DESK, new Publishing.Move(article.id(), article.version(), Publishing.Then.UNPUBLISH));
        assertThat(cursor.newEventTypes()).containsExactly(ArticleEvent.Unpublished.class);

        publishing.delete(DESK, new Publishing.Delete(article.id(), article.version()));
        assertThat(cursor.newEvents()).singleElement().isInstanceOfSatisfying(ArticleEvent.Deleted.class,
                deleted -> assertThat(deleted.previous().headline()).isEqualTo("Lighthouse keeper retires after 40 years"));
    }

    @Test
    void editingAPublishedArticleCarriesTheSlugItLeft(AssertablePublishedEvents events) {
        EditableArticle article = published("Bridge reopens");
        PublishedEventsCursor cursor = new PublishedEventsCursor(events);

        publishing.revise(DESK, new Publishing.Revise(article.id(), article.version(),
                content("Bridge reopens to traffic", "bridge-reopens-to-traffic"), "", Publishing.Then.KEEP));

        assertThat(cursor.newEvents()).singleElement().isInstanceOfSatisfying(ArticleEvent.PublishedEdited.class, edited -> {
            assertThat(edited.previous().slug()).isEqualTo("bridge-reopens");
            assertThat(edited.current().slug()).isEqualTo("bridge-reopens-to-traffic");
            assertThat(edited.current().tagSlugs()).containsExactly("ferries");
            assertThat(edited.current().sectionId()).isEqualTo(section.id());
        });
    }

    @Test
    void aRefusedTransitionPublishesNothing(AssertablePublishedEvents events) {
        EditableArticle draft = publishing.create(STRINGER, new Publishing.Create(ArticleKind.ARTICLE,
                content("Stringer's draft", null), "", Publishing.Then.KEEP));
        PublishedEventsCursor cursor = new PublishedEventsCursor(events);

        assertThatThrownBy(() -> publishing.revise(STRINGER, new Publishing.Revise(draft.id(), draft.version(),
                content("Stringer's draft, published", null), "", Publishing.Then.PUBLISH)))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(cursor.newEvents()).isEmpty();
        assertThat(publishing.view(DESK, draft.id()).content().headline()).isEqualTo("Stringer's draft");
    }

    @Test
    void aSaveThatChangesNothingPublishesNothing(AssertablePublishedEvents events) {
        EditableArticle draft = draft("Nothing new at the quay");
        PublishedEventsCursor cursor = new PublishedEventsCursor(events);

        EditableArticle same = publishing.revise(DESK, new Publishing.Revise(draft.id(), draft.version(),
                content("Nothing new at the quay", null), "", Publishing.Then.KEEP));

        assertThat(cursor.newEvents()).isEmpty();
        assertThat(same.version()).isEqualTo(draft.version());
    }

    @Test
    void anImportedArticleSaysSoAndKeepsItsDate(AssertablePublishedEvents events) {
        PublishedEventsCursor cursor = new PublishedEventsCursor(events);
        Instant firstPublished = Instant.parse("2019-03-04T05:06:07Z");

        publishing.publishDated(Actor.importer("WordPress"), new Publishing.PublishDated(ArticleKind.ARTICLE,
                content("From the archive", null), firstPublished, true));

        assertThat(cursor.newEvents()).singleElement().isInstanceOfSatisfying(ArticleEvent.Published.class, published -> {
            assertThat(published.imported()).isTrue();
            assertThat(published.current().publishedAt()).isEqualTo(firstPublished);
            assertThat(published.actor().kind()).isEqualTo(Actor.Kind.IMPORTER);
        });
    }

    @Test
    void renamingASectionPublishesSectionRenamedWithTheOldName(AssertablePublishedEvents events) {
        String before = section.name();

        sections.update(section.id(), before + " and Quays", "", 0);

        assertThat(events.ofType(TaxonomyEvent.SectionRenamed.class)).singleElement().satisfies(renamed -> {
            assertThat(renamed.previousName()).isEqualTo(before);
            assertThat(renamed.section().name()).isEqualTo(before + " and Quays");
        });
    }

    /** The reader module, which draws the site's navigation, is not started here. */
    @TestConfiguration
    static class WithoutReaderPages {
        @Bean
        SiteNavigation noNavigation() {
            return List::of;
        }
    }

    /** Reads the article events published since it last looked: each command is checked on its own. */
    private static final class PublishedEventsCursor {
        private final AssertablePublishedEvents events;
        private int seen;

        PublishedEventsCursor(AssertablePublishedEvents events) {
            this.events = events;
            this.seen = articleEvents(events).size();
        }

        List<ArticleEvent> newEvents() {
            List<ArticleEvent> all = articleEvents(events);
            List<ArticleEvent> fresh = all.subList(seen, all.size());
            seen = all.size();
            return List.copyOf(fresh);
        }

        List<Class<?>> newEventTypes() {
            return newEvents().stream().<Class<?>>map(Object::getClass).toList();
        }
    }
}
