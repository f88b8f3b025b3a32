package org.masthead.system;

import java.util.List;

import org.springframework.stereotype.Component;

/** Builds the {@link Layout} for a page. */
@Component
public class Layouts {

    private final Site site;
    private final SiteNavigation navigation;

    Layouts(Site site, SiteNavigation navigation) {
        this.site = site;
        this.navigation = navigation;
    }

    public Layout page(String title, String description, String path, String currentNav) {
        String base = site.url().endsWith("/") ? site.url().substring(0, site.url().length() - 1) : site.url();
        return new Layout(site, navigationLinks(), title, description == null ? site.tagline() : description,
                base + path, currentNav);
    }

    private List<NavLink> navigationLinks() {
        try {
            return navigation.links();
        } catch (RuntimeException e) {
            // An error page must still render when the database is what failed.
            return List.of();
        }
    }

    public Site site() {
        return site;
    }
}
