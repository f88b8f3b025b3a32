package org.masthead.content;

import java.time.Instant;

import org.masthead.text.FieldErrors;
import org.masthead.text.FieldLimits;

/** A dated note on a published article: a correction of a mistake, or an update as the story develops. */
public record Correction(Kind kind, String text, Instant publishedAt) {

    public Correction {
        FieldErrors errors = new FieldErrors();
        text = errors.text("correctionText", "A correction", text, FieldLimits.CORRECTION);
        if (text.isEmpty()) {
            errors.add("correctionText", "Write what was corrected or updated.");
        }
        if (!errors.isEmpty()) {
            throw new ArticleValidationException(errors.asMap());
        }
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
