package org.masthead.article;

import java.time.Instant;

/** A dated note on a published article: a correction of a mistake, or an update as the story develops. */
public record Correction(Kind kind, String text, Instant publishedAt) {

    public Correction {
        if (text == null || text.isBlank()) {
            throw new ArticleValidationException(java.util.Map.of("correctionText", "Write what was corrected or updated."));
        }
        text = text.strip();
    }

    public enum Kind {
        CORRECTION("Correction"), UPDATE("Update");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
