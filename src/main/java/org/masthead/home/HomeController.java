package org.masthead.home;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.masthead.article.ArticleSummary;
import org.masthead.article.Articles;
import org.masthead.article.LastChange;
import org.masthead.article.NewsFeedBox;
import org.masthead.article.SectionRef;
import org.masthead.article.Slice;
import org.masthead.system.HttpCaching;
import org.masthead.system.Layouts;
import org.masthead.system.Pages;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

@Controller
class HomeController {

    static final int PER_SECTION = 4;

    private final Articles articles;
    private final Layouts layouts;
    private final HttpCaching caching;

    HomeController(Articles articles, Layouts layouts, HttpCaching caching) {
        this.articles = articles;
        this.layouts = layouts;
        this.caching = caching;
    }

    @GetMapping("/")
    ModelAndView home(ServletWebRequest request) {
        long liveFrom = articles.latestFeedEvent(); // read before the feed, so nothing falls between the two
        Slice<ArticleSummary> latest = articles.latest(null, NewsFeedBox.SIZE);
        // One more per section, so each block stays full after the lead story is left out of it.
        List<ArticleSummary> perSection = articles.latestPerSection(PER_SECTION + 1);
        Instant lastChange = LastChange.of(Stream.concat(latest.items().stream(), perSection.stream()).toList());
        if (caching.isNotModified(request, lastChange)) {
            return null;
        }
        ArticleSummary lead = latest.items().stream().filter(article -> article.image() != null).findFirst()
                .orElse(latest.isEmpty() ? null : latest.items().get(0));
        caching.tag(request, List.of("home", "news-feed"));
        org.masthead.system.Site site = layouts.site();
        Map<String, Object> website = org.masthead.system.JsonLd.node("WebSite");
        website.put("name", site.name());
        website.put("url", site.absolute("/"));
        website.put("inLanguage", site.language());
        Map<String, Object> search = org.masthead.system.JsonLd.thing("SearchAction");
        search.put("target", site.absolute("/search?q={search_term_string}"));
        search.put("query-input", "required name=search_term_string");
        website.put("potentialAction", search);
        return Pages.view("home/index", new HomePage(layouts.page(null, null, "/", "home")
                .withJsonLd(org.masthead.system.JsonLd.script(website)), lead,
                sectionBlocks(perSection, lead), new NewsFeedBox(latest, liveFrom)));
    }

    private static List<HomePage.SectionBlock> sectionBlocks(List<ArticleSummary> perSection, ArticleSummary lead) {
        Map<SectionRef, List<ArticleSummary>> bySection = new LinkedHashMap<>();
        for (ArticleSummary article : perSection) {
            if (lead != null && article.id() == lead.id()) {
                continue;
            }
            List<ArticleSummary> block = bySection.computeIfAbsent(article.section(), key -> new ArrayList<>());
            if (block.size() < PER_SECTION) {
                block.add(article);
            }
        }
        return bySection.entrySet().stream()
                .map(entry -> new HomePage.SectionBlock(entry.getKey(), List.copyOf(entry.getValue())))
                .toList();
    }
}
