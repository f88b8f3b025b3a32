package org.masthead.system;

import java.util.List;

/**
 * The main navigation, provided by the section feature. An interface here so every page can show it without
 * the features that render pages depending on one another.
 */
public interface SiteNavigation {

    List<NavLink> links();
}
