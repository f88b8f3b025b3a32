/**
 * The newsroom: the article list, the editor with live preview and autosave, revisions with diffs, corrections,
 * the dashboard and audit log, and the screens for sections, author profiles and tags. Every change goes through
 * content's write path with the signed-in staff member as its actor.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Newsroom",
        allowedDependencies = {"content", "identity", "media", "reader", "system", "body", "text"})
package org.masthead.editorial;
