package org.masthead.section;

import java.time.Duration;
import java.util.List;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.masthead.system.NavLink;
import org.masthead.system.SiteNavigation;
import org.springframework.stereotype.Component;

/** Sections in editorial order make the main navigation; cached briefly since every page shows it. */
@Component
class SectionNavigation implements SiteNavigation {

    private final LoadingCache<Boolean, List<NavLink>> links;

    SectionNavigation(Sections sections) {
        this.links = Caffeine.newBuilder()
                .refreshAfterWrite(Duration.ofSeconds(30))
                .build(key -> sections.all().stream()
                        .map(section -> new NavLink("section:" + section.slug(), section.name(), section.url()))
                        .toList());
    }

    @Override
    public List<NavLink> links() {
        return links.get(Boolean.TRUE);
    }
}
