package org.masthead.content;

/**
 * Who changes content: a staff member, an API integration, the importer, the scheduler or the system itself.
 * Every command of {@link Publishing} takes one; policy checks, revisions and the audit log use it.
 *
 * @param id       the staff member's or integration's id; null for the importer, scheduler and system
 * @param role     what the actor may do (an integration has the role an Administrator granted it)
 * @param authorId the byline a staff member writes as, if any
 */
public record Actor(Kind kind, Long id, String name, Role role, Long authorId) {

    public enum Kind {
        STAFF, INTEGRATION, IMPORTER, SCHEDULER, SYSTEM;

        public String dbValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Editorial rights, each including the ones before it. */
    public enum Role {
        CONTRIBUTOR, REPORTER, EDITOR, ADMINISTRATOR;

        public boolean includes(Role other) {
            return ordinal() >= other.ordinal();
        }
    }

    public Actor {
        if (kind == null || name == null || role == null) {
            throw new IllegalArgumentException("An actor needs a kind, a name and a role");
        }
    }

    public static Actor staff(long id, String name, Role role, Long authorId) {
        return new Actor(Kind.STAFF, id, name, role, authorId);
    }

    public static Actor integration(long id, String name, Role granted) {
        return new Actor(Kind.INTEGRATION, id, name, granted, null);
    }

    /** Imports are started by an Administrator and carry the archive's own dates and statuses. */
    public static Actor importer(String source) {
        return new Actor(Kind.IMPORTER, null, "Import: " + source, Role.ADMINISTRATOR, null);
    }

    /** Publishes scheduled articles when their time comes, and nothing else. */
    public static Actor scheduler() {
        return new Actor(Kind.SCHEDULER, null, "Scheduler", Role.EDITOR, null);
    }

    public static Actor system(String what) {
        return new Actor(Kind.SYSTEM, null, what, Role.ADMINISTRATOR, null);
    }

    public boolean can(Role needed) {
        return role.includes(needed);
    }

    /** The staff member's id, or null for anyone else. */
    public Long staffId() {
        return kind == Kind.STAFF ? id : null;
    }

    /** Whether the actor is the staff member with this id. */
    public boolean isStaff(Long staffId) {
        return kind == Kind.STAFF && staffId != null && staffId.equals(id);
    }
}
