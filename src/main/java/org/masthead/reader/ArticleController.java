package org.masthead.reader;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.masthead.content.ArticleView;
import org.masthead.content.PublishedArticles;
import org.masthead.newsfeed.NewsFeed;
import org.masthead.newsfeed.NewsFeedBox;
import org.masthead.search.RelatedArticles;
import org.masthead.system.HttpCaching;
import org.masthead.system.Layout;
import org.masthead.system.Layouts;
import org.masthead.system.NotFoundException;
import org.masthead.system.Pages;
import org.masthead.system.Site;
import org.masthead.system.SurrogateKey;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

@Controller
class ArticleController {

    private final PublishedArticles articles;
    private final NewsFeed newsFeed;
    private final Layouts layouts;
    private final HttpCaching caching;
    private final RelatedArticles related;

    private final org.masthead.live.LiveCoverageReader liveCoverage;

    ArticleController(PublishedArticles articles, NewsFeed newsFeed, Layouts layouts, HttpCaching caching,
                      RelatedArticles related, org.masthead.live.LiveCoverageReader liveCoverage) {
        this.articles = articles;
        this.newsFeed = newsFeed;
        this.layouts = layouts;
        this.caching = caching;
        this.related = related;
        this.liveCoverage = liveCoverage;
    }

    /**
     * @param before a live blog's older entries ("Older updates"), as a cursor
     * @param entry  a live blog's entry to open the page at (its permalink)
     */
    @GetMapping("/articles/{slug}")
    ModelAndView show(@PathVariable String slug, ServletWebRequest request,
                      @org.springframework.web.bind.annotation.RequestParam(required = false) String before,
                      @org.springframework.web.bind.annotation.RequestParam(required = false) Long entry) {
        Optional<ArticleView> found = articles.article(slug);
        if (found.isEmpty()) {
            return articles.renamed(slug).map(ArticleController::movedPermanently)
                    .orElseThrow(() -> new NotFoundException("No published article " + slug));
        }
        ArticleView article = found.get();
        NewsFeedBox box = newsFeed.box();
        org.masthead.live.LiveCoverage live = liveCoverage.forArticle(article.id(), article.url(), before, entry).orElse(null);
        java.time.Instant lastChange = LastChange.latest(LastChange.of(box.latest().items()), article.updatedAt());
        if (live != null) {
            lastChange = live.entries().stream().map(org.masthead.content.LiveBlogs.Entry::updatedAt)
                    .reduce(lastChange, (a, b) -> a.isAfter(b) ? a : b);
        }
        if (caching.isNotModified(request, lastChange)) {
            return null;
        }
        if (live != null && live.running()) {
            caching.forSeconds(request); // a CDN keeps it seconds; the open stream carries what changed since
        }
        List<RelatedArticles.Related> readMore = related.of(article.id());
        caching.tag(request, surrogateKeys(article, box, readMore));
        Site site = layouts.site();
        Layout layout = layouts.page(article.searchTitle(), article.searchDescription(), article.url(),
                        "section:" + article.section().slug())
                .withCanonicalUrl(article.seo().canonicalUrl())
                .withMeta(ArticleStructuredData.socialCards(article, site))
                .withJsonLd(live != null ? ArticleStructuredData.liveBlogPosting(article, live, site)
                        : ArticleStructuredData.newsArticle(article, site))
                .withJsonLd(ArticleStructuredData.breadcrumbs(article, site));
        if (live != null) {
            layout = layout.withFeeds(article.headline(), article.url() + "/feed"); // the live blog's own feeds of entries
        }
        return Pages.view("reader/article", new ArticlePage(layout, article, box, readMore, null, live));
    }

    /**
     * What this page shows: the article, the stories its News Feed box and "Read more" list, and the site frame
     * (which also covers the names of its section, bylines and tags). Not the section, author or tag lists: a new
     * story there leaves this page cached — the box catches up in the browser, or when the entry expires.
     */
    static Set<SurrogateKey> surrogateKeys(ArticleView article, NewsFeedBox box, List<RelatedArticles.Related> readMore) {
        Set<SurrogateKey> keys = new LinkedHashSet<>(List.of(SurrogateKey.article(article.id()), SurrogateKey.SITE));
        keys.addAll(PublishedArticles.keysOf(box.latest().items()));
        readMore.forEach(story -> keys.add(SurrogateKey.article(story.id())));
        return keys;
    }

    static ModelAndView movedPermanently(String currentSlug) {
        RedirectView redirect = new RedirectView(ArticleView.urlOf(currentSlug));
        redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
        redirect.setExposeModelAttributes(false);
        return new ModelAndView(redirect);
    }
}
