package org.masthead.content;

import java.time.Instant;

/** A note that travelled with a story: from its writer on submitting it, or from an editor sending it back. */
public record ReviewNote(long id, long articleId, Kind kind, String note, String actorName, Long actorId, Instant at) {

    public enum Kind {
        SUBMITTED, RETURNED;

        public String dbValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** As the newsroom reads it: "Submitted with a note", "Sent back with a note". */
        public String label() {
            return this == SUBMITTED ? "Submitted for review" : "Sent back";
        }
    }
}
