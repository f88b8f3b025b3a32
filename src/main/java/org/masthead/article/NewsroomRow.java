package org.masthead.article;

import java.time.Instant;
import java.util.List;

/** An article as the newsroom's list shows it, whatever its status. */
public record NewsroomRow(long id, String headline, String slug, ArticleStatus status, String sectionName,
                          List<String> authorNames, Instant updatedAt, Instant publishedAt, Instant scheduledAt) {
}
