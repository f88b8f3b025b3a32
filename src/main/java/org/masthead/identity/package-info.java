/**
 * Identity: staff accounts and their roles, sign-in with throttling, sessions in PostgreSQL, the first-run setup,
 * site settings for Administrators — and the signed-in member as the actor of content changes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity",
        allowedDependencies = {"content", "media", "system", "text"})
package org.masthead.identity;
