package org.masthead.search;

import java.util.List;

import org.masthead.content.Author;
import org.masthead.content.Section;
import org.masthead.system.Layout;

/**
 * The search page: the form as submitted, and either results, a readable message, or a suggestion.
 *
 * @param message    why there are no results to show (bad input), or null
 * @param suggestion a corrected query when nothing matched, or null
 * @param total      how many articles match, counted up to one more than {@link Search#RELEVANCE_WINDOW}
 */
public record SearchPage(Layout layout, String q, String section, String author, String from, String to,
                         boolean newest, List<SearchResult> results, long total, String nextUrl, String message,
                         String suggestion, List<Section> sections, List<Author> authors) {

    public boolean searched() {
        return !q.isBlank() && message == null;
    }

    /** "1 result", "74 results", "More than 1,000 results". */
    public String resultCount() {
        if (total > Search.RELEVANCE_WINDOW) {
            return String.format(java.util.Locale.ENGLISH, "More than %,d results", Search.RELEVANCE_WINDOW);
        }
        return String.format(java.util.Locale.ENGLISH, "%,d %s", total, total == 1 ? "result" : "results");
    }

    public String suggestionUrl() {
        return "/search?q=" + java.net.URLEncoder.encode(suggestion, java.nio.charset.StandardCharsets.UTF_8);
    }
}
