package org.masthead.search;

import java.time.Instant;
import java.util.List;

/** One hit: what the result list shows, with the snippet's matched words already marked up. */
public record SearchResult(long id, String slug, String headline, String sectionName, List<String> authorNames,
                           Instant publishedAt, String snippetHtml, double rank) {

    public String url() {
        return "/articles/" + slug;
    }
}
