package org.masthead.editorial;

import java.time.Instant;
import java.util.List;

import org.masthead.content.ArticleKind;
import org.masthead.content.ArticleStatus;

/** An article or page as the newsroom's article list shows it, whatever its status. */
public record ArticleRow(long id, ArticleKind kind, String headline, String slug, ArticleStatus status,
                          String sectionName, List<String> authorNames, Instant updatedAt, Instant publishedAt,
                          Instant scheduledAt) {

    /** What the newsroom calls it: its headline, or "Untitled draft" until it has one. */
    public String title() {
        return headline == null || headline.isBlank() ? "Untitled draft" : headline;
    }
}
