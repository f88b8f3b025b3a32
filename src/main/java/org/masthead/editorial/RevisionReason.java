package org.masthead.editorial;

import java.util.Locale;

/** Why a revision was kept. */
public enum RevisionReason {
    CREATE, SAVE, AUTOSAVE, SUBMIT, SCHEDULE, PUBLISH, UNPUBLISH, RESTORE;

    String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }
}
