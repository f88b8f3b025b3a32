package org.masthead.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.masthead.content.Actor;
import org.masthead.content.ArticleEvent;
import org.masthead.content.ArticleKind;
import org.masthead.content.ArticleSnapshot;
import org.masthead.content.ArticleStatus;

/** Which Ghost events each change fires, in Ghost's order (reference §2.5). */
class WebhookEventsTests {

    private static final Instant AT = Instant.parse("2026-02-20T10:00:00Z");
    private static final Actor ACTOR = Actor.system("test");

    private static ArticleSnapshot snapshot(ArticleKind kind, ArticleStatus status) {
        return new ArticleSnapshot(1, kind, "s", 1L, List.of(), List.of(), status, "public", "en", "H",
                status == ArticleStatus.PUBLISHED ? AT : null, AT, status == ArticleStatus.SCHEDULED ? AT : null);
    }

    @Test
    void creatingFiresAddedAndPublishedOrScheduledWhenCreatedSo() {
        assertThat(WebhookEvents.of(new ArticleEvent.Created(UUID.randomUUID(), snapshot(ArticleKind.ARTICLE,
                ArticleStatus.DRAFT), null, ACTOR, AT, false))).containsExactly("post.added");
        assertThat(WebhookEvents.of(new ArticleEvent.Published(UUID.randomUUID(), snapshot(ArticleKind.ARTICLE,
                ArticleStatus.PUBLISHED), null, ACTOR, AT, false))).containsExactly("post.added", "post.published");
        assertThat(WebhookEvents.of(new ArticleEvent.Created(UUID.randomUUID(), snapshot(ArticleKind.PAGE,
                ArticleStatus.SCHEDULED), null, ACTOR, AT, false))).containsExactly("page.added", "page.scheduled");
    }

    @Test
    void updatesFireTheirStatusEventThenEdited() {
        ArticleSnapshot draft = snapshot(ArticleKind.ARTICLE, ArticleStatus.DRAFT);
        ArticleSnapshot live = snapshot(ArticleKind.ARTICLE, ArticleStatus.PUBLISHED);
        ArticleSnapshot scheduled = snapshot(ArticleKind.ARTICLE, ArticleStatus.SCHEDULED);
        assertThat(WebhookEvents.of(new ArticleEvent.Published(UUID.randomUUID(), live, draft, ACTOR, AT, false)))
                .containsExactly("post.published", "post.edited");
        assertThat(WebhookEvents.of(new ArticleEvent.PublishedEdited(UUID.randomUUID(), live, live, ACTOR, AT, false)))
                .containsExactly("post.published.edited", "post.edited");
        assertThat(WebhookEvents.of(new ArticleEvent.Unpublished(UUID.randomUUID(), snapshot(ArticleKind.ARTICLE,
                ArticleStatus.UNPUBLISHED), live, ACTOR, AT, false))).containsExactly("post.unpublished", "post.edited");
        assertThat(WebhookEvents.of(new ArticleEvent.Scheduled(UUID.randomUUID(), scheduled, draft, ACTOR, AT, false)))
                .containsExactly("post.scheduled", "post.edited");
        assertThat(WebhookEvents.of(new ArticleEvent.Rescheduled(UUID.randomUUID(), scheduled, scheduled, ACTOR, AT, false)))
                .containsExactly("post.rescheduled", "post.edited");
        assertThat(WebhookEvents.of(new ArticleEvent.Unscheduled(UUID.randomUUID(), draft, scheduled, ACTOR, AT, false)))
                .containsExactly("post.unscheduled", "post.edited");
        assertThat(WebhookEvents.of(new ArticleEvent.Edited(UUID.randomUUID(), draft, draft, ACTOR, AT, false)))
                .containsExactly("post.edited");
        assertThat(WebhookEvents.of(new ArticleEvent.SubmittedForReview(UUID.randomUUID(), snapshot(ArticleKind.ARTICLE,
                ArticleStatus.IN_REVIEW), draft, ACTOR, AT, false))).containsExactly("post.edited");
    }

    @Test
    void deletingAPublishedPostFiresUnpublishedThenDeleted() {
        ArticleSnapshot live = snapshot(ArticleKind.ARTICLE, ArticleStatus.PUBLISHED);
        assertThat(WebhookEvents.of(new ArticleEvent.Deleted(UUID.randomUUID(), live, live, ACTOR, AT, false)))
                .containsExactly("post.unpublished", "post.deleted");
        ArticleSnapshot draft = snapshot(ArticleKind.PAGE, ArticleStatus.DRAFT);
        assertThat(WebhookEvents.of(new ArticleEvent.Deleted(UUID.randomUUID(), draft, draft, ACTOR, AT, false)))
                .containsExactly("page.deleted");
    }

    @Test
    void everyGhostPostPageTagAndSiteEventCanBeSubscribedTo() {
        assertThat(WebhookEvents.SUPPORTED).hasSize(22).contains("site.changed", "post.published.edited",
                "page.rescheduled", "tag.deleted");
    }
}
