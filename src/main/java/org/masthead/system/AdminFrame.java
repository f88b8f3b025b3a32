package org.masthead.system;

/**
 * What the newsroom's page frame shows: who is signed in, which sections of the admin they may open, and the
 * CSRF token every form must send back.
 */
public record AdminFrame(Site site, String title, String current, String userName, String roleLabel,
                         boolean editor, boolean administrator, String csrfParameter, String csrfToken) {

    public boolean isCurrent(String key) {
        return key.equals(current);
    }
}
