package org.masthead.system;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The signed-in staff member as the newsroom's pages need it, provided by the identity feature; an interface
 * here so features with admin pages do not depend on identity (which itself uses author profiles).
 */
public interface AdminContext {

    AdminFrame frame(HttpServletRequest request, String title, String current);

    /** The signed-in staff member's id; fails when nobody is signed in. */
    long staffId();

    /** Whether the signed-in staff member has an editor's rights (or more). */
    boolean isEditor();
}
