package org.masthead.content;

import java.time.Instant;
import java.util.List;

/**
 * An article as it stood before or after a change: enough for every listener to know what the change touched —
 * its address (including a slug it left), its section, bylines and tags, whether readers could see it — without
 * reading the database again.
 *
 * @param tagSlugs   the slugs of its tags, in order
 * @param visibility who may read it when published: "public" (memberships may add others)
 */
public record ArticleSnapshot(long id, ArticleKind kind, String slug, Long sectionId, List<Long> authorIds,
                              List<String> tagSlugs, ArticleStatus status, String visibility, String language,
                              String headline, Instant publishedAt, Instant updatedAt, Instant scheduledAt) {

    public ArticleSnapshot {
        authorIds = List.copyOf(authorIds);
        tagSlugs = List.copyOf(tagSlugs);
    }

    /** Whether readers can see it: published, in any kind. */
    public boolean isPublic() {
        return status == ArticleStatus.PUBLISHED;
    }
}
