package org.masthead.identity;

import java.util.Locale;

/** What a staff member may do; each role includes everything the ones before it may do. */
public enum StaffRole {
    /** Writes own drafts and submits them for review. */
    CONTRIBUTOR,
    /** Also publishes, schedules and unpublishes own articles. */
    REPORTER,
    /** Edits, publishes and unpublishes any article; manages sections, tags, author profiles, corrections. */
    EDITOR,
    /** Also manages staff accounts and site settings. */
    ADMINISTRATOR;

    public boolean includes(StaffRole other) {
        return compareTo(other) >= 0;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }
}
