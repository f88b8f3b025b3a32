package org.masthead.system;

import java.util.List;

/**
 * What the shared page frame needs: site identity, navigation, and this page's title, description,
 * canonical URL and which navigation entry is current.
 */
public record Layout(Site site, List<NavLink> navigation, String title, String description, String canonicalUrl,
                     String currentNav) {

    public String fullTitle() {
        return site.title(title);
    }

    public boolean isCurrent(NavLink link) {
        return link.key().equals(currentNav);
    }
}
