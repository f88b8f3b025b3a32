package org.masthead.syndication;

import java.util.LinkedHashSet;
import java.util.Set;

import org.masthead.article.ArticlePublished;
import org.masthead.article.ArticleUnpublished;
import org.masthead.article.ArticleUpdated;
import org.masthead.article.ArticleView;
import org.masthead.article.Articles;
import org.masthead.system.Site;
import org.masthead.system.SiteSettings;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When an article is published, updated or unpublished, works out which cached pages show it — by surrogate key
 * and by URL — and hands that to the {@link CdnPurger}, after the change has committed.
 */
@Component
class PurgePlanner {

    private final Articles articles;
    private final org.masthead.section.Sections sections;
    private final org.masthead.author.Authors authors;
    private final CdnPurger purger;
    private final SiteSettings settings;

    PurgePlanner(Articles articles, org.masthead.section.Sections sections, org.masthead.author.Authors authors,
                 CdnPurger purger, SiteSettings settings) {
        this.articles = articles;
        this.sections = sections;
        this.authors = authors;
        this.purger = purger;
        this.settings = settings;
    }

    /** The keys and URLs one article's change affects. */
    record Plan(Set<String> keys, Set<String> urls) {
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void published(ArticlePublished event) {
        execute(plan(event.articleId()));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void updated(ArticleUpdated event) {
        execute(plan(event.articleId()));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void unpublished(ArticleUnpublished event) {
        execute(plan(event.articleId()));
    }

    Plan plan(long articleId) {
        Site site = settings.current();
        Set<String> keys = new LinkedHashSet<>(Set.of("article-" + articleId));
        keys.add("home");
        keys.add("news-feed");
        keys.add("feeds");
        keys.add("sitemaps");
        Set<String> urls = new LinkedHashSet<>();
        for (String path : new String[]{"/", "/news-feed", "/feed.xml", "/feed.atom", "/feed.json", "/sitemap.xml",
                "/sitemaps/news.xml"}) {
            urls.add(site.absolute(path));
        }
        articles.findById(articleId).ifPresent(article -> {
            urls.add(site.absolute(ArticleView.urlOf(article.slug())));
            keys.add("section-" + article.content().sectionId());
            sections.findById(article.content().sectionId()).ifPresent(section -> {
                urls.add(site.absolute(section.url()));
                urls.add(site.absolute(section.url() + "/feed.xml"));
            });
            article.content().authorIds().forEach(authorId -> {
                keys.add("author-" + authorId);
                authors.findById(authorId).ifPresent(author -> urls.add(site.absolute(author.url())));
            });
            article.content().tags().forEach(tag -> keys.add("tag-" + org.masthead.text.Slugs.slugify(tag)));
        });
        return new Plan(keys, urls);
    }

    private void execute(Plan plan) {
        purger.purge(plan.keys(), plan.urls());
    }
}
