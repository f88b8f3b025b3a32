package org.masthead.content;

import java.time.Instant;

import org.masthead.body.BodyRenderer.RenderedBody;

/**
 * An article or page as the newsroom edits it, whatever its status, with what the actor who asked may do to it.
 *
 * @param version the optimistic-locking version a change must name
 */
public record EditableArticle(long id, ArticleKind kind, int version, ArticleContent content, String slug,
                              ArticleStatus status, RenderedBody body, int readingMinutes, Instant publishedAt,
                              Instant scheduledAt, Long createdBy, Instant createdAt, Instant updatedAt,
                              ArticlePermissions can) {

    /** Where readers find it once published. */
    public String publicUrl() {
        return kind == ArticleKind.PAGE ? "/" + slug : ArticleView.urlOf(slug);
    }
}
