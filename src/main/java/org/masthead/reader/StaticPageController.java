package org.masthead.reader;

import java.util.List;

import org.masthead.content.ArticleView;
import org.masthead.content.PublishedArticles;
import org.masthead.system.HttpCaching;
import org.masthead.system.Layouts;
import org.masthead.system.NotFoundException;
import org.masthead.system.Pages;
import org.masthead.system.SurrogateKey;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

/** Static pages at the site's top level: /about, /contact, /corrections-policy… */
@Controller
class StaticPageController {

    private final PublishedArticles articles;
    private final Layouts layouts;
    private final HttpCaching caching;

    StaticPageController(PublishedArticles articles, Layouts layouts, HttpCaching caching) {
        this.articles = articles;
        this.layouts = layouts;
        this.caching = caching;
    }

    @GetMapping("/{slug:[a-z0-9]+(?:-[a-z0-9]+)*}")
    ModelAndView show(@PathVariable String slug, ServletWebRequest request) {
        ArticleView page = articles.page(slug).orElseThrow(() -> new NotFoundException("No page " + slug));
        if (caching.isNotModified(request, page.updatedAt())) {
            return null;
        }
        caching.tag(request, List.of(SurrogateKey.article(page.id()), SurrogateKey.SITE));
        return Pages.view("reader/page", new StaticPage(layouts.page(page.headline(),
                page.standfirst() != null ? page.standfirst() : page.excerpt(), page.url(), null)
                .withCanonicalUrl(page.seo().canonicalUrl()), page));
    }
}
