package org.masthead.content;

import java.util.Locale;

/** Why a revision was kept. */
public enum RevisionReason {
    CREATE, SAVE, AUTOSAVE, SUBMIT, DRAFT, SCHEDULE, UNSCHEDULE, PUBLISH, UNPUBLISH, RESTORE, IMPORT;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return switch (this) {
            case DRAFT -> "Returned to draft";
            default -> name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
        };
    }
}
