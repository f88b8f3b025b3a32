package org.masthead.content;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.masthead.system.SurrogateKey;

/**
 * Which cached responses a content change makes stale, as surrogate keys — the previous snapshot included, so a
 * section the article left, a byline removed or a tag taken off is purged too. Used by the page cache eviction on
 * every node and by the CDN purge plan alike.
 *
 * <p>Article pages carry only their own key, the keys of the stories they list and {@code site}: a new story
 * elsewhere does not evict them (their News Feed box catches up live in the browser, or when the cache entry
 * expires). The rare edits that change what every page shows — a section, an author's name or profile, a tag's
 * name, a static page's title — touch {@code site}.
 */
public final class ContentKeys {

    private ContentKeys() {
    }

    public static Set<SurrogateKey> of(ArticleEvent event) {
        Set<SurrogateKey> keys = new LinkedHashSet<>();
        if (!event.touchesReaders()) {
            return keys; // drafts, reviews and schedules change nothing readers see
        }
        ArticleSnapshot current = event.current();
        ArticleSnapshot previous = event.previous();
        keys.add(SurrogateKey.article(current.id()));
        if (current.kind() == ArticleKind.PAGE) {
            if (changesFooter(current, previous, event)) {
                keys.add(SurrogateKey.SITE); // every page's footer lists the published static pages
            }
            return keys;
        }
        keys.add(SurrogateKey.SITEMAPS);
        if (event instanceof ArticleEvent.CorrectionAdded) {
            return keys; // the article's own page shows the note; lists and feeds do not
        }
        keys.add(SurrogateKey.FEEDS);
        keys.add(SurrogateKey.HOME);
        if (!(event instanceof ArticleEvent.PublishedEdited) || changesWhatListsShow(current, previous)) {
            keys.add(SurrogateKey.NEWS_FEED);
        }
        for (ArticleSnapshot snapshot : previous == null ? List.of(current) : List.of(current, previous)) {
            if (snapshot.sectionId() != null) {
                keys.add(SurrogateKey.section(snapshot.sectionId()));
            }
            snapshot.authorIds().forEach(id -> keys.add(SurrogateKey.author(id)));
            snapshot.tagSlugs().forEach(slug -> keys.add(SurrogateKey.tag(slug)));
        }
        return keys;
    }

    /** A batch from an archive can touch any list, feed and page footer: everything site-wide goes stale. */
    public static Set<SurrogateKey> of(ArticlesImported event) {
        return new LinkedHashSet<>(List.of(SurrogateKey.SITE, SurrogateKey.HOME, SurrogateKey.NEWS_FEED, SurrogateKey.FEEDS,
                SurrogateKey.SITEMAPS, SurrogateKey.TAGS, SurrogateKey.SEARCH));
    }

    public static Set<SurrogateKey> of(TaxonomyEvent event) {
        Set<SurrogateKey> keys = new LinkedHashSet<>();
        if (event instanceof TaxonomyEvent.SectionCreated || event instanceof TaxonomyEvent.SectionRenamed
                || event instanceof TaxonomyEvent.SectionEdited || event instanceof TaxonomyEvent.SectionDeleted) {
            keys.add(SurrogateKey.SITE); // every page's navigation lists the sections
            keys.add(SurrogateKey.SITEMAPS);
            keys.add(SurrogateKey.FEEDS);
        } else if (event instanceof TaxonomyEvent.AuthorRenamed renamed) {
            keys.add(SurrogateKey.author(renamed.author().id()));
            keys.add(SurrogateKey.SITE); // bylines on article pages and cards
            keys.add(SurrogateKey.FEEDS);
        } else if (event instanceof TaxonomyEvent.AuthorEdited edited) {
            keys.add(SurrogateKey.author(edited.author().id()));
            keys.add(SurrogateKey.SITE); // the author box under each of their articles
        } else if (event instanceof TaxonomyEvent.AuthorDeleted deleted) {
            keys.add(SurrogateKey.author(deleted.author().id()));
            keys.add(SurrogateKey.SITEMAPS);
        } else if (event instanceof TaxonomyEvent.TagCreated || event instanceof TaxonomyEvent.TagsCreated) {
            keys.add(SurrogateKey.TAGS);
        } else if (event instanceof TaxonomyEvent.TagRenamed renamed) {
            keys.add(SurrogateKey.TAGS);
            keys.add(SurrogateKey.tag(renamed.tag().slug()));
            keys.add(SurrogateKey.tag(renamed.previous().slug()));
            keys.add(SurrogateKey.SITE); // the tag's chip on every article carrying it
            keys.add(SurrogateKey.FEEDS);
        } else if (event instanceof TaxonomyEvent.TagEdited edited) {
            keys.add(SurrogateKey.TAGS);
            keys.add(SurrogateKey.tag(edited.tag().slug()));
        } else if (event instanceof TaxonomyEvent.TagDeleted deleted) {
            keys.add(SurrogateKey.TAGS);
            keys.add(SurrogateKey.tag(deleted.tag().slug()));
            deleted.articleIds().forEach(id -> keys.add(SurrogateKey.article(id)));
        }
        return keys;
    }

    /** The footer lists published pages by title: a page appearing, leaving, or changing title or address. */
    private static boolean changesFooter(ArticleSnapshot current, ArticleSnapshot previous, ArticleEvent event) {
        return previous == null || event instanceof ArticleEvent.Deleted || current.isPublic() != previous.isPublic()
                || !Objects.equals(current.headline(), previous.headline()) || !Objects.equals(current.slug(), previous.slug());
    }

    /** Lists (home, News Feed, sections) show headline, address, section and bylines: did any of them change? */
    private static boolean changesWhatListsShow(ArticleSnapshot current, ArticleSnapshot previous) {
        return previous == null || !Objects.equals(current.headline(), previous.headline())
                || !Objects.equals(current.slug(), previous.slug()) || !Objects.equals(current.sectionId(), previous.sectionId())
                || !current.authorIds().equals(previous.authorIds()) || !current.tagSlugs().equals(previous.tagSlugs());
    }
}
