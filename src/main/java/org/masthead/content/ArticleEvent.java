package org.masthead.content;

import java.time.Instant;
import java.util.UUID;

/**
 * What happened to an article, raised by the aggregate and published when the change commits. Each carries the
 * article's snapshot after ({@code current}) and before ({@code previous}, null when it was just created), who
 * did it, and whether it came from an import (listeners such as webhooks stay quiet then). One command raises
 * one event: saving and publishing is an {@link Published} whose snapshots show the edit.
 */
public sealed interface ArticleEvent {

    /** Unique per event, so a listener that runs twice can recognise work it has done. */
    UUID eventId();

    ArticleSnapshot current();

    ArticleSnapshot previous();

    Actor actor();

    Instant at();

    boolean imported();

    default long articleId() {
        return current().id();
    }

    /** Whether readers could see the article before or after: only then do public pages change. */
    default boolean touchesReaders() {
        return current().isPublic() || (previous() != null && previous().isPublic());
    }

    /**
     * A new article readers cannot see yet: a draft, or created straight into review or onto the schedule (its
     * snapshot's status says which). Created and published at once is {@link Published}.
     */
    record Created(UUID eventId, ArticleSnapshot current, ArticleSnapshot previous, Actor actor, Instant at,
                   boolean imported) implements ArticleEvent {
    }

    /** Content changed while readers cannot see it (a draft, in review, scheduled or unpublished). */
    record Edited(UUID eventId, ArticleSnapshot current, ArticleSnapshot previous, Actor actor, Instant at,
                  boolean imported) implements ArticleEvent {
    }

    record SubmittedForReview(UUID eventId, ArticleSnapshot current, ArticleSnapshot previous, Actor actor, Instant at,
                              boolean imported) implements ArticleEvent {
    }

    record ReturnedToDraft(UUID eventId, ArticleSnapshot current, ArticleSnapshot previous, Actor actor, Instant at,
                           boolean imported) implements ArticleEvent {
    }

    record Published(UUID eventId, ArticleSnapshot current, ArticleSnapshot previous, Actor actor, Instant at,
                     boolean imported) implements ArticleEvent {
    }

    /** A published article changed and stays published. */
    record PublishedEdited(UUID eventId, ArticleSnapshot current, ArticleSnapshot previous, Actor actor, Instant at,
                           boolean imported) implements ArticleEvent {
    }

    record Unpublished(UUID eventId, ArticleSnapshot current, ArticleSnapshot previous, Actor actor, Instant at,
                       boolean imported) implements ArticleEvent {
    }

    record Scheduled(UUID eventId, ArticleSnapshot current, ArticleSnapshot previous, Actor actor, Instant at,
                     boolean imported) implements ArticleEvent {
    }

    record Rescheduled(UUID eventId, ArticleSnapshot current, ArticleSnapshot previous, Actor actor, Instant at,
                       boolean imported) implements ArticleEvent {
    }

    record Unscheduled(UUID eventId, ArticleSnapshot current, ArticleSnapshot previous, Actor actor, Instant at,
                       boolean imported) implements ArticleEvent {
    }

    record Deleted(UUID eventId, ArticleSnapshot current, ArticleSnapshot previous, Actor actor, Instant at,
                   boolean imported) implements ArticleEvent {
    }

    record CorrectionAdded(UUID eventId, ArticleSnapshot current, ArticleSnapshot previous, Actor actor, Instant at,
                           boolean imported, Correction correction) implements ArticleEvent {
    }
}
