package org.masthead.editorial;

import java.time.Instant;
import java.util.List;

import org.masthead.content.ArticleKind;
import org.masthead.content.ArticleStatus;

/** An article or page as the newsroom's article list shows it, whatever its status. */
public record ArticleRow(long id, ArticleKind kind, String headline, String slug, ArticleStatus status,
                          String sectionName, List<String> authorNames, Instant updatedAt, Instant publishedAt,
                          Instant scheduledAt) {
}
