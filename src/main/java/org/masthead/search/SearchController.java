package org.masthead.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.masthead.content.Author;
import org.masthead.content.Authors;
import org.masthead.content.Section;
import org.masthead.content.Sections;
import org.masthead.system.HttpCaching;
import org.masthead.system.Layouts;
import org.masthead.system.Pages;
import org.masthead.system.Site;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

/** /search: whatever a reader types gets a normal page back, with results or a message saying why not. */
@Controller
class SearchController {

    static final int PAGE_SIZE = 10;
    static final int MAX_QUERY_LENGTH = 300;

    private final Search search;
    private final Sections sections;
    private final Authors authors;
    private final Layouts layouts;
    private final HttpCaching caching;

    SearchController(Search search, Sections sections, Authors authors, Layouts layouts, HttpCaching caching) {
        this.search = search;
        this.sections = sections;
        this.authors = authors;
        this.layouts = layouts;
        this.caching = caching;
    }

    @GetMapping("/search")
    ModelAndView search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String section,
                        @RequestParam(defaultValue = "") String author, @RequestParam(defaultValue = "") String from,
                        @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "relevance") String sort,
                        @RequestParam(required = false) String before, ServletWebRequest request) {
        Site site = layouts.site();
        // control characters (a NUL byte, say) cannot be searched for and PostgreSQL refuses them in text
        String text = q.replaceAll("\\p{Cntrl}", " ").strip();
        boolean newest = "newest".equals(sort);
        List<Section> allSections = sections.all();
        List<Author> allAuthors = authors.allPublic();
        Long sectionId = allSections.stream().filter(s -> s.slug().equals(section)).map(Section::id).findFirst().orElse(null);
        Long authorId = allAuthors.stream().filter(a -> a.slug().equals(author)).map(Author::id).findFirst().orElse(null);

        String message = null;
        Instant fromInstant = null;
        Instant toInstant = null;
        try {
            fromInstant = from.isBlank() ? null : LocalDate.parse(from).atStartOfDay(site.timeZone()).toInstant();
            toInstant = to.isBlank() ? null : LocalDate.parse(to).plusDays(1).atStartOfDay(site.timeZone()).toInstant();
        } catch (java.time.DateTimeException e) {
            message = "Dates must look like 2026-02-20.";
        }
        if (message == null && (outOfRange(fromInstant) || outOfRange(toInstant))) {
            message = "Dates must lie between the years 1900 and 9999.";
            fromInstant = null;
            toInstant = null;
        }
        if (message == null && text.length() > MAX_QUERY_LENGTH) {
            message = "Searches are limited to " + MAX_QUERY_LENGTH + " characters. Use a few distinctive words.";
        } else if (message == null && !text.isEmpty() && !search.isSearchable(text)) {
            message = "Type words to search for: punctuation and very common words alone find nothing.";
        }

        List<SearchResult> results = List.of();
        String next = null;
        String suggestion = null;
        long total = 0;
        boolean tooBroad = false;
        if (message == null && !text.isEmpty()) {
            Search.Filters filters = new Search.Filters(sectionId, authorId, fromInstant, toInstant);
            Search.Page page;
            try {
                page = search.search(text, filters, newest, SearchCursor.parse(before), PAGE_SIZE);
            } catch (Search.SearchTooBroad e) {
                page = new Search.Page(List.of(), null, 0);
                message = "This search would take too long to answer. Add a more distinctive word or a date range.";
                tooBroad = true;
            }
            total = page.total();
            results = page.results();
            if (page.next() != null) {
                next = "/search?q=" + encode(text) + "&section=" + encode(section) + "&author=" + encode(author)
                        + "&from=" + encode(from) + "&to=" + encode(to) + "&sort=" + (newest ? "newest" : "relevance")
                        + "&before=" + encode(page.next().toString());
            }
            if (results.isEmpty() && before == null && !tooBroad) {
                try {
                    suggestion = search.suggestion(text).orElse(null);
                } catch (Search.SearchTooBroad e) {
                    suggestion = null; // no better spelling found in time: the page says nothing was found
                }
            }
        }
        caching.isNotModified(request, null);
        caching.tag(request, List.of(org.masthead.system.SurrogateKey.SEARCH, org.masthead.system.SurrogateKey.SITE));
        String title = text.isEmpty() ? "Search" : "Search: " + (text.length() > 60 ? text.substring(0, 60) + "…" : text);
        ModelAndView view = Pages.view("search/results", new SearchPage(layouts.page(title,
                "Search everything we have published.", "/search", "search"),
                text.length() > MAX_QUERY_LENGTH ? text.substring(0, MAX_QUERY_LENGTH) : text,
                section, author, from, to, newest, results, total, next, message, suggestion, allSections, allAuthors));
        if (tooBroad) {
            view.setStatus(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE); // not an answer to keep or index
        }
        return view;
    }

    private static boolean outOfRange(Instant instant) {
        return instant != null && (instant.isBefore(Instant.parse("1900-01-01T00:00:00Z"))
                || instant.isAfter(Instant.parse("9999-12-31T00:00:00Z")));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
