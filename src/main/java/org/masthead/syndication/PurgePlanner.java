package org.masthead.syndication;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
import org.masthead.system.SiteSettingsChanged;
import org.masthead.system.SurrogateKey;
import org.masthead.system.SurrogateKeysStale;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the CDN what a change makes stale: the surrogate keys of every response showing it (previous snapshot
 * included — an old slug, a section the article left) and, for CDNs that purge by URL, the addresses. A durable
 * listener: recorded with the change, run after it commits, re-run after a crash; purging twice does no harm.
 */
@Component
class PurgePlanner {

    private static final String[] FEED_FORMATS = {"xml", "atom", "json"};
    /** Article sitemaps are monthly, by UTC publication month. */
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);
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

    /** A live entry changes its live blog's page and feeds only: the CDN drops exactly those. */
    @ApplicationModuleListener
    void liveEntryChanged(org.masthead.content.LiveEntryChanged event) {
        Set<SurrogateKey> keys = new LinkedHashSet<>(Set.of(SurrogateKey.article(event.articleId())));
        if ("coverage".equals(event.kind())) {
            keys.add(SurrogateKey.HOME);
            keys.add(SurrogateKey.NEWS_FEED);
        }
        execute(new Plan(keys, Set.of()));
    }

    @ApplicationModuleListener
    void articlesImported(org.masthead.content.ArticlesImported event) {
        execute(new Plan(ContentKeys.of(event), Set.of()));
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

    @ApplicationModuleListener
    void keysStale(SurrogateKeysStale event) {
        execute(new Plan(event.keys(), Set.of()));
    }

    /** The site's name, language or logo: every page and feed shows them. */
    @ApplicationModuleListener
    void siteSettingsChanged(SiteSettingsChanged event) {
        Site site = settings.current();
        Set<String> urls = new LinkedHashSet<>();
        for (String path : SITE_PATHS) {
            urls.add(site.absolute(path));
        }
        execute(new Plan(Set.of(SurrogateKey.SITE, SurrogateKey.FEEDS, SurrogateKey.SITEMAPS), urls));
    }

    Plan plan(ArticleEvent event) {
        Set<SurrogateKey> keys = ContentKeys.of(event);
        Set<String> urls = new LinkedHashSet<>();
        if (keys.isEmpty()) {
            return new Plan(keys, urls);
        }
        Site site = settings.current();
        Set<ArticleSnapshot> snapshots = new LinkedHashSet<>();
        snapshots.add(event.current());
        if (event.previous() != null) {
            snapshots.add(event.previous());
        }
        for (ArticleSnapshot snapshot : snapshots) {
            if (snapshot.kind() == ArticleKind.PAGE) {
                urls.add(site.absolute("/" + snapshot.slug()));
                continue;
            }
            urls.add(site.absolute(ArticleView.urlOf(snapshot.slug())));
            if (event instanceof ArticleEvent.CorrectionAdded) {
                continue; // only the article's own page shows the note
            }
            if (snapshot.sectionId() != null) {
                sections.findById(snapshot.sectionId()).ifPresent(section -> pageAndFeeds(urls, site, section.url()));
            }
            snapshot.authorIds().forEach(id -> authors.findById(id).ifPresent(author -> pageAndFeeds(urls, site, author.url())));
            snapshot.tagSlugs().forEach(slug -> pageAndFeeds(urls, site, Tag.urlOf(slug)));
            if (snapshot.publishedAt() != null) {
                urls.add(site.absolute("/sitemaps/articles-" + MONTH.format(snapshot.publishedAt()) + ".xml"));
            }
        }
        if (event.current().kind() == ArticleKind.ARTICLE && !(event instanceof ArticleEvent.CorrectionAdded)) {
            for (String path : SITE_PATHS) {
                urls.add(site.absolute(path));
            }
        }
        return new Plan(keys, urls);
    }

    /** A list page and its RSS, Atom and JSON feeds. */
    private static void pageAndFeeds(Set<String> urls, Site site, String path) {
        urls.add(site.absolute(path));
        for (String format : FEED_FORMATS) {
            urls.add(site.absolute(path + "/feed." + format));
        }
    }

    private void execute(Plan plan) {
        if (!plan.isEmpty()) {
            purger.purge(plan.keys(), plan.urls());
        }
    }
}
