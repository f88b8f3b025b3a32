package org.masthead.newsfeed;

import org.masthead.article.ArticleSummary;
import org.masthead.article.Articles;
import org.masthead.article.Cursor;
import org.masthead.article.LastChange;
import org.masthead.article.Slice;
import org.masthead.system.HttpCaching;
import org.masthead.system.Layouts;
import org.masthead.system.Pages;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

/** Every published article, newest first, across sections. */
@Controller
class NewsFeedController {

    static final int PAGE_SIZE = 20;

    private final Articles articles;
    private final Layouts layouts;
    private final HttpCaching caching;

    NewsFeedController(Articles articles, Layouts layouts, HttpCaching caching) {
        this.articles = articles;
        this.layouts = layouts;
        this.caching = caching;
    }

    @GetMapping("/news-feed")
    ModelAndView page(@RequestParam(required = false) String before, ServletWebRequest request) {
        Cursor cursor = Cursor.parse(before);
        long liveFrom = articles.latestFeedEvent();
        Slice<ArticleSummary> items = articles.latest(cursor, PAGE_SIZE);
        if (caching.isNotModified(request, LastChange.of(items.items()))) {
            return null;
        }
        String path = Cursor.pageUrl("/news-feed", cursor);
        caching.tag(request, java.util.List.of("news-feed"));
        return Pages.view("newsfeed/index", new NewsFeedPage(
                layouts.page("News Feed", "The latest stories as they are published.", path, "news-feed"),
                items, cursor != null, liveFrom));
    }

    @GetMapping("/news-feed/items")
    ModelAndView items(@RequestParam(required = false) String before, ServletWebRequest request) {
        Slice<ArticleSummary> items = articles.latest(Cursor.parse(before), PAGE_SIZE);
        if (caching.isNotModified(request, LastChange.of(items.items()))) {
            return null;
        }
        return Pages.view("newsfeed/fragment", new NewsFeedItems(layouts.site(), items));
    }
}
