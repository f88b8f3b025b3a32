package org.masthead.newsfeed;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.masthead.content.ArticleSummary;
import org.masthead.content.Cursor;
import org.masthead.content.PublishedArticles;
import org.masthead.content.Slice;
import org.masthead.system.HttpCaching;
import org.masthead.system.Layouts;
import org.masthead.system.Pages;
import org.masthead.system.SurrogateKey;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

/** Every published article, newest first, across sections. */
@Controller
class NewsFeedController {

    static final int PAGE_SIZE = 20;

    private final NewsFeed newsFeed;
    private final Layouts layouts;
    private final HttpCaching caching;

    NewsFeedController(NewsFeed newsFeed, Layouts layouts, HttpCaching caching) {
        this.newsFeed = newsFeed;
        this.layouts = layouts;
        this.caching = caching;
    }

    @GetMapping("/news-feed")
    ModelAndView page(@RequestParam(required = false) String before, ServletWebRequest request) {
        Cursor cursor = Cursor.parse(before);
        long liveFrom = newsFeed.latestEvent();
        Slice<ArticleSummary> items = newsFeed.page(cursor, PAGE_SIZE);
        if (caching.isNotModified(request, newest(items))) {
            return null;
        }
        String path = Cursor.pageUrl("/news-feed", cursor);
        caching.tag(request, keys(items));
        return Pages.view("newsfeed/index", new NewsFeedPage(
                layouts.page("News Feed", "The latest stories as they are published.", path, "news-feed"),
                items, cursor != null, liveFrom));
    }

    @GetMapping("/news-feed/items")
    ModelAndView items(@RequestParam(required = false) String before, ServletWebRequest request) {
        Slice<ArticleSummary> items = newsFeed.page(Cursor.parse(before), PAGE_SIZE);
        if (caching.isNotModified(request, newest(items))) {
            return null;
        }
        caching.tag(request, keys(items));
        return Pages.view("newsfeed/fragment", new NewsFeedItems(layouts.site(), items));
    }

    private static Set<SurrogateKey> keys(Slice<ArticleSummary> items) {
        Set<SurrogateKey> keys = new LinkedHashSet<>(List.of(SurrogateKey.NEWS_FEED, SurrogateKey.SITE));
        keys.addAll(PublishedArticles.keysOf(items.items()));
        return keys;
    }

    private static Instant newest(Slice<ArticleSummary> items) {
        return items.items().stream().map(ArticleSummary::updatedAt).max(Instant::compareTo).orElse(null);
    }
}
