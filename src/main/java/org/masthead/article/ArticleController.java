package org.masthead.article;

import java.time.Instant;
import java.util.Optional;

import java.util.ArrayList;
import java.util.List;

import org.masthead.system.HttpCaching;
import org.masthead.system.Layout;
import org.masthead.system.Site;
import org.masthead.system.Layouts;
import org.masthead.system.NotFoundException;
import org.masthead.system.Pages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

@Controller
class ArticleController {

    private final Articles articles;
    private final Layouts layouts;
    private final HttpCaching caching;
    private final RelatedArticles related;

    ArticleController(Articles articles, Layouts layouts, HttpCaching caching, RelatedArticles related) {
        this.related = related;
        this.articles = articles;
        this.layouts = layouts;
        this.caching = caching;
    }

    @GetMapping("/articles/{slug}")
    ModelAndView show(@PathVariable String slug, ServletWebRequest request) {
        Optional<ArticleView> found = articles.findPublished(slug);
        if (found.isEmpty()) {
            return articles.findRenamed(slug).map(ArticleController::movedPermanently)
                    .orElseThrow(() -> new NotFoundException("No published article " + slug));
        }
        ArticleView article = found.get();
        long liveFrom = articles.latestFeedEvent(); // read before the feed, so nothing falls between the two
        Slice<ArticleSummary> latest = articles.latest(null, NewsFeedBox.SIZE);
        if (caching.isNotModified(request, lastChange(article, latest))) {
            return null;
        }
        caching.tag(request, surrogateKeys(article));
        Site site = layouts.site();
        Layout layout = layouts.page(article.headline(), article.standfirst() != null ? article.standfirst() : article.excerpt(),
                        article.url(), "section:" + article.section().slug())
                .withMeta(ArticleStructuredData.socialCards(article, site))
                .withJsonLd(ArticleStructuredData.newsArticle(article, site))
                .withJsonLd(ArticleStructuredData.breadcrumbs(article, site));
        return Pages.view("article/show", new ArticlePage(layout, article, new NewsFeedBox(latest, liveFrom), related.of(article.id())));
    }

    /** What this page shows, for CDN purges: the article, its section, its authors, and the news feed. */
    static List<String> surrogateKeys(ArticleView article) {
        List<String> keys = new ArrayList<>(List.of("article-" + article.id(), "section-" + article.section().id(), "news-feed"));
        article.bylines().forEach(byline -> keys.add("author-" + byline.authorId()));
        return keys;
    }

    private static Instant lastChange(ArticleView article, Slice<ArticleSummary> latest) {
        Instant feed = LastChange.of(latest.items());
        return feed != null && feed.isAfter(article.updatedAt()) ? feed : article.updatedAt();
    }

    private static ModelAndView movedPermanently(String currentSlug) {
        RedirectView redirect = new RedirectView(ArticleView.urlOf(currentSlug));
        redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
        redirect.setExposeModelAttributes(false);
        return new ModelAndView(redirect);
    }
}
