package org.masthead.syndication;

import java.util.LinkedHashSet;
import java.util.Set;

import org.masthead.content.ArticleEvent;
import org.masthead.content.ArticleKind;
import org.masthead.content.ArticleSnapshot;
import org.masthead.content.ArticleView;
import org.masthead.content.Authors;
import org.masthead.content.ContentKeys;
import org.masthead.content.Sections;
import org.masthead.content.Tag;
import org.masthead.content.TaxonomyEvent;
import org.masthead.system.Site;
import org.masthead.system.SiteSettings;
import org.masthead.system.SurrogateKey;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the CDN what a change makes stale: the surrogate keys of every response showing it (previous snapshot
 * included — an old slug, a section the article left) and, for CDNs that purge by URL, the addresses. A durable
 * listener: recorded with the change, run after it commits, re-run after a crash; purging twice does no harm.
 */
@Component
class PurgePlanner {

    private static final String[] SITE_PATHS = {"/", "/news-feed", "/feed.xml", "/feed.atom", "/feed.json",
            "/sitemap.xml", "/sitemaps/news.xml"};

    private final Sections sections;
    private final Authors authors;
    private final CdnPurger purger;
    private final SiteSettings settings;

    PurgePlanner(Sections sections, Authors authors, CdnPurger purger, SiteSettings settings) {
        this.sections = sections;
        this.authors = authors;
        this.purger = purger;
        this.settings = settings;
    }

    /** The keys and URLs one change affects. */
    record Plan(Set<SurrogateKey> keys, Set<String> urls) {

        boolean isEmpty() {
            return keys.isEmpty() && urls.isEmpty();
        }
    }

    @ApplicationModuleListener
    void articleChanged(ArticleEvent event) {
        execute(plan(event));
    }

    @ApplicationModuleListener
    void taxonomyChanged(TaxonomyEvent event) {
        Set<SurrogateKey> keys = ContentKeys.of(event);
        Set<String> urls = new LinkedHashSet<>();
        Site site = settings.current();
        if (event instanceof TaxonomyEvent.TagRenamed renamed) {
            urls.add(site.absolute(Tag.urlOf(renamed.previous().slug())));
            urls.add(site.absolute(renamed.tag().url()));
        }
        execute(new Plan(keys, urls));
    }

    Plan plan(ArticleEvent event) {
        Set<SurrogateKey> keys = ContentKeys.of(event);
        Set<String> urls = new LinkedHashSet<>();
        if (keys.isEmpty()) {
            return new Plan(keys, urls);
        }
        Site site = settings.current();
        for (ArticleSnapshot snapshot : event.previous() == null ? Set.of(event.current())
                : Set.of(event.current(), event.previous())) {
            urls.add(site.absolute(snapshot.kind() == ArticleKind.PAGE ? "/" + snapshot.slug() : ArticleView.urlOf(snapshot.slug())));
            if (snapshot.kind() == ArticleKind.PAGE) {
                continue;
            }
            if (snapshot.sectionId() != null) {
                sections.findById(snapshot.sectionId()).ifPresent(section -> {
                    urls.add(site.absolute(section.url()));
                    urls.add(site.absolute(section.url() + "/feed.xml"));
                });
            }
            snapshot.authorIds().forEach(id -> authors.findById(id).ifPresent(author -> urls.add(site.absolute(author.url()))));
            snapshot.tagSlugs().forEach(slug -> urls.add(site.absolute(Tag.urlOf(slug))));
        }
        if (event.current().kind() == ArticleKind.ARTICLE && !(event instanceof ArticleEvent.CorrectionAdded)) {
            for (String path : SITE_PATHS) {
                urls.add(site.absolute(path));
            }
        }
        return new Plan(keys, urls);
    }

    private void execute(Plan plan) {
        if (!plan.isEmpty()) {
            purger.purge(plan.keys(), plan.urls());
        }
    }
}
