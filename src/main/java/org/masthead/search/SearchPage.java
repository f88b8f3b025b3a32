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
 */
public record SearchPage(Layout layout, String q, String section, String author, String from, String to,
                         boolean newest, List<SearchResult> results, String nextUrl, String message,
                         String suggestion, List<Section> sections, List<Author> authors) {

    public boolean searched() {
        return !q.isBlank() && message == null;
    }

    public String suggestionUrl() {
        return "/search?q=" + java.net.URLEncoder.encode(suggestion, java.nio.charset.StandardCharsets.UTF_8);
    }
}
