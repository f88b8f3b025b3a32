package org.masthead.identity;

import org.masthead.system.Site;

/** The sign-in form; {@code error} and {@code notice} are shown above it when set. */
public record LoginPage(Site site, String csrfParameter, String csrfToken, String error, String notice, String email) {
}
