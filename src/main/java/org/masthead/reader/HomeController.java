package org.masthead.reader;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.masthead.content.ArticleSummary;
import org.masthead.content.PublishedArticles;
import org.masthead.content.SectionRef;
import org.masthead.newsfeed.NewsFeed;
import org.masthead.newsfeed.NewsFeedBox;
import org.masthead.system.HttpCaching;
import org.masthead.system.JsonLd;
import org.masthead.system.Layouts;
import org.masthead.system.Pages;
import org.masthead.system.Site;
import org.masthead.system.SurrogateKey;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

@Controller
class HomeController {

    static final int PER_SECTION = 4;
    /** Stories under the lead, before the section rails: a row of three on a wide screen, no orphan. */
    static final int SECONDARY = 3;

    private final PublishedArticles articles;
    private final NewsFeed newsFeed;
    private final Layouts layouts;
    private final HttpCaching caching;
    private final org.masthead.system.OldAddresses oldAddresses;

    HomeController(PublishedArticles articles, NewsFeed newsFeed, Layouts layouts, HttpCaching caching,
                   org.masthead.system.OldAddresses oldAddresses) {
        this.articles = articles;
        this.newsFeed = newsFeed;
        this.layouts = layouts;
        this.caching = caching;
        this.oldAddresses = oldAddresses;
    }

    @GetMapping("/")
    ModelAndView home(ServletWebRequest request) {
        String query = request.getRequest().getQueryString();
        if (query != null && (request.getParameter("p") != null || request.getParameter("page_id") != null)) {
            // WordPress's own address for a post ("/?p=123") from an imported archive
            java.util.Optional<String> moved = oldAddresses.find("/", query);
            if (moved.isPresent()) {
                org.springframework.web.servlet.view.RedirectView redirect =
                        new org.springframework.web.servlet.view.RedirectView(moved.get(), true);
                redirect.setStatusCode(org.springframework.http.HttpStatus.MOVED_PERMANENTLY);
                redirect.setExposeModelAttributes(false);
                return new ModelAndView(redirect);
            }
        }
        NewsFeedBox box = newsFeed.box();
        // Enough per section that each rail stays full after the lead and secondary stories are left out of it.
        List<ArticleSummary> perSection = articles.latestPerSection(PER_SECTION + 1 + SECONDARY);
        Instant lastChange = LastChange.of(Stream.concat(box.latest().items().stream(), perSection.stream()).toList());
        if (caching.isNotModified(request, lastChange)) {
            return null;
        }
        List<ArticleSummary> latest = box.latest().items();
        ArticleSummary lead = latest.stream().filter(article -> article.image() != null).findFirst()
                .orElse(latest.isEmpty() ? null : latest.get(0));
        List<ArticleSummary> secondary = latest.stream().filter(article -> lead != null && article.id() != lead.id())
                .limit(SECONDARY).toList();
        Set<Long> onTop = new java.util.HashSet<>();
        if (lead != null) {
            onTop.add(lead.id());
        }
        secondary.forEach(article -> onTop.add(article.id()));
        Set<SurrogateKey> keys = new LinkedHashSet<>(List.of(SurrogateKey.HOME, SurrogateKey.NEWS_FEED, SurrogateKey.SITE));
        keys.addAll(PublishedArticles.keysOf(perSection));
        keys.addAll(PublishedArticles.keysOf(latest));
        caching.tag(request, keys);
        Site site = layouts.site();
        Map<String, Object> website = JsonLd.node("WebSite");
        website.put("name", site.name());
        website.put("url", site.absolute("/"));
        website.put("inLanguage", site.language());
        Map<String, Object> search = JsonLd.thing("SearchAction");
        search.put("target", site.absolute("/search?q={search_term_string}"));
        search.put("query-input", "required name=search_term_string");
        website.put("potentialAction", search);
        return Pages.view("reader/home", new HomePage(layouts.page(null, null, "/", "home")
                .withJsonLd(JsonLd.script(website)), lead, secondary, sectionBlocks(perSection, onTop), box,
                articles.liveNow()));
    }

    /** Each section's newest stories, leaving out those already shown above the rails. */
    private static List<HomePage.SectionBlock> sectionBlocks(List<ArticleSummary> perSection, Set<Long> onTop) {
        Map<SectionRef, List<ArticleSummary>> bySection = new LinkedHashMap<>();
        for (ArticleSummary article : perSection) {
            if (onTop.contains(article.id())) {
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
