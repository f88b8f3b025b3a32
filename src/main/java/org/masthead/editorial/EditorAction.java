package org.masthead.editorial;

import java.util.Locale;
import java.util.Optional;

/** The button pressed on the editor form. Anything else a client sends is refused, never echoed into a URL. */
enum EditorAction {
    SAVE, SUBMIT, PUBLISH, SCHEDULE, UNPUBLISH, DRAFT;

    static Optional<EditorAction> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(SAVE);
        }
        for (EditorAction action : values()) {
            if (action.name().equals(value.toUpperCase(Locale.ROOT))) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }

    String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    String pastTense() {
        return switch (this) {
            case SUBMIT -> "submitted";
            case SCHEDULE -> "scheduled";
            case UNPUBLISH -> "unpublished";
            case DRAFT -> "returned to draft";
            default -> "published";
        };
    }
}
