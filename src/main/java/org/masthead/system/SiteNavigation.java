package org.masthead.system;

import java.util.List;

/**
 * The main navigation, provided by the reader module. An interface here so every page can show it without
 * the features that render pages depending on one another.
 */
public interface SiteNavigation {

    List<NavLink> links();

    /** Links in the footer: the published static pages (About, Contact…). */
    default List<NavLink> footerLinks() {
        return List.of();
    }
}
