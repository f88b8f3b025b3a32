package org.masthead.system;

import java.util.List;

import org.springframework.stereotype.Component;

/** Builds the {@link Layout} for a page. */
@Component
public class Layouts {

    private final SiteSettings settings;
    private final SiteNavigation navigation;

    Layouts(SiteSettings settings, SiteNavigation navigation) {
        this.settings = settings;
        this.navigation = navigation;
    }

    public Layout page(String title, String description, String path, String currentNav) {
        Site site = settings.current();
        return new Layout(site, navigationLinks(), title, description == null ? site.tagline() : description,
                site.absolute(path), currentNav, Layout.FeedLink.of(site.name(), site, "/feed"), List.of(), List.of(),
                footerLinks());
    }

    private List<NavLink> navigationLinks() {
        try {
            return navigation.links();
        } catch (RuntimeException e) {
            // An error page must still render when the database is what failed.
            return List.of();
        }
    }

    private List<NavLink> footerLinks() {
        try {
            return navigation.footerLinks();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    public Site site() {
        return settings.current();
    }
}
