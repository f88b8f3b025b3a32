package org.masthead.reader;

import java.time.Duration;
import java.util.List;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.masthead.content.PublishedArticles;
import org.masthead.content.Sections;
import org.masthead.system.ContentChanged;
import org.masthead.system.NavLink;
import org.masthead.system.SiteNavigation;
import org.masthead.system.SurrogateKey;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sections in editorial order make the main navigation and published static pages the footer; kept in memory
 * since every page shows them, and dropped when a change touches the site frame.
 */
@Component
class SectionNavigation implements SiteNavigation {

    private final LoadingCache<Boolean, List<NavLink>> links;
    private final LoadingCache<Boolean, List<NavLink>> footer;

    SectionNavigation(Sections sections, PublishedArticles articles) {
        this.links = Caffeine.newBuilder()
                .refreshAfterWrite(Duration.ofSeconds(30))
                .build(key -> sections.all().stream()
                        .map(section -> new NavLink("section:" + section.slug(), section.name(), section.url()))
                        .toList());
        this.footer = Caffeine.newBuilder()
                .refreshAfterWrite(Duration.ofSeconds(30))
                .build(key -> articles.pages().stream()
                        .map(page -> new NavLink("page:" + page.url(), page.title(), page.url())).toList());
    }

    @Override
    public List<NavLink> links() {
        return links.get(Boolean.TRUE);
    }

    @Override
    public List<NavLink> footerLinks() {
        return footer.get(Boolean.TRUE);
    }

    @EventListener
    void changed(ContentChanged event) {
        if (event.touches(SurrogateKey.SITE)) {
            links.invalidateAll();
        }
        footer.invalidateAll(); // a page published or withdrawn anywhere: cheap to read again
    }
}
