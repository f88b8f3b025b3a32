package org.masthead.system;

/** An entry of the site's main navigation. */
public record NavLink(String key, String label, String url) {
}
