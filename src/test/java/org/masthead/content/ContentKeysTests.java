package org.masthead.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.masthead.system.SurrogateKey;

/** Which cached responses a change names: enough to be right, few enough to keep the site's hit rate. */
class ContentKeysTests {

    private static final Instant AT = Instant.parse("2026-02-20T10:00:00Z");
    private static final Actor DESK = Actor.system("Tests");

    private static ArticleSnapshot article(String headline, String slug, long section, List<String> tags) {
        return new ArticleSnapshot(42, ArticleKind.ARTICLE, slug, section, List.of(7L), tags, ArticleStatus.PUBLISHED,
                "public", "en", headline, AT, AT, null);
    }

    private static ArticleSnapshot page(String title, String slug, ArticleStatus status) {
        return new ArticleSnapshot(43, ArticleKind.PAGE, slug, null, List.of(), List.of(), status, "public", "en", title,
                AT, AT, null);
    }

    @Test
    void publishingNamesTheStoryItsListsAndFeedsButNotEveryPage() {
        ArticleSnapshot draft = new ArticleSnapshot(42, ArticleKind.ARTICLE, "budget", 3L, List.of(7L), List.of("money"),
                ArticleStatus.DRAFT, "public", "en", "Budget", null, AT, null);
        var published = new ArticleEvent.Published(UUID.randomUUID(), article("Budget", "budget", 3, List.of("money")),
                draft, DESK, AT, false);

        assertThat(ContentKeys.of(published)).containsExactlyInAnyOrder(SurrogateKey.article(42), SurrogateKey.SITEMAPS,
                SurrogateKey.FEEDS, SurrogateKey.HOME, SurrogateKey.NEWS_FEED, SurrogateKey.section(3),
                SurrogateKey.author(7), SurrogateKey.tag("money"));
    }

    @Test
    void anEditNamesWhatTheStoryLeftAsWellAsWhereItIsNow() {
        var edited = new ArticleEvent.PublishedEdited(UUID.randomUUID(), article("Budget passes", "budget-passes", 4,
                List.of("votes")), article("Budget", "budget", 3, List.of("money")), DESK, AT, false);

        assertThat(ContentKeys.of(edited)).contains(SurrogateKey.section(3), SurrogateKey.section(4),
                SurrogateKey.tag("money"), SurrogateKey.tag("votes"), SurrogateKey.NEWS_FEED);
    }

    @Test
    void anEditThatChangesNothingListsShowLeavesTheNewsFeedAndWorksWhenBothSnapshotsAreEqual() {
        ArticleSnapshot same = article("Budget", "budget", 3, List.of("money"));
        var edited = new ArticleEvent.PublishedEdited(UUID.randomUUID(), same, same, DESK, AT, false);

        assertThat(ContentKeys.of(edited)).contains(SurrogateKey.article(42)).doesNotContain(SurrogateKey.NEWS_FEED,
                SurrogateKey.SITE);
    }

    @Test
    void aStaticPageTouchesEveryPageOnlyWhenTheFooterChanges() {
        var typoFixed = new ArticleEvent.PublishedEdited(UUID.randomUUID(), page("About us", "about", ArticleStatus.PUBLISHED),
                page("About us", "about", ArticleStatus.PUBLISHED), DESK, AT, false);
        var retitled = new ArticleEvent.PublishedEdited(UUID.randomUUID(), page("About Masthead", "about", ArticleStatus.PUBLISHED),
                page("About us", "about", ArticleStatus.PUBLISHED), DESK, AT, false);
        var withdrawn = new ArticleEvent.Unpublished(UUID.randomUUID(), page("About us", "about", ArticleStatus.UNPUBLISHED),
                page("About us", "about", ArticleStatus.PUBLISHED), DESK, AT, false);

        assertThat(ContentKeys.of(typoFixed)).containsExactly(SurrogateKey.article(43));
        assertThat(ContentKeys.of(retitled)).contains(SurrogateKey.SITE);
        assertThat(ContentKeys.of(withdrawn)).contains(SurrogateKey.SITE);
    }

    @Test
    void draftsTouchNothingReadersSee() {
        ArticleSnapshot draft = new ArticleSnapshot(42, ArticleKind.ARTICLE, "budget", 3L, List.of(7L), List.of(),
                ArticleStatus.DRAFT, "public", "en", "Budget", null, AT, null);
        assertThat(ContentKeys.of(new ArticleEvent.Edited(UUID.randomUUID(), draft, draft, DESK, AT, false))).isEmpty();
    }
}
