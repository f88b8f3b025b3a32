package org.masthead.content;

import java.time.Instant;
import java.util.UUID;

/**
 * An entry of a live blog was added, edited, deleted or approved, committed with its revision and audit line.
 *
 * @param changeId the numbered change readers' streams replay after their Last-Event-ID, or null when readers see
 *                 nothing new (an entry waiting for an editor)
 * @param kind     added, edited, deleted or approved
 */
public record LiveEntryChanged(UUID eventId, long articleId, long entryId, String kind, Long changeId, Actor actor,
                               Instant at) {

    /** The cross-node signal of a numbered change: {@code live:<article id>:<change id>}. */
    public static final String SIGNAL_PREFIX = "live:";
}
