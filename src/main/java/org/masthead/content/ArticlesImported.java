package org.masthead.content;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A batch of articles came in from an archive, committed together. Published once per batch instead of one event
 * per article, so search indexes the batch in one statement and caches are dropped once; listeners that tell the
 * outside world (webhooks, the live news feed) stay quiet, as an archive coming in is not news.
 *
 * @param articleIds the articles created, in the archive's order
 */
public record ArticlesImported(UUID eventId, List<Long> articleIds, Actor actor, Instant at) {

    public ArticlesImported {
        articleIds = List.copyOf(articleIds);
    }
}
