/**
 * Content: articles and static pages (the aggregate with its guarded workflow), sections, author profiles and
 * tags; the one write path ({@link org.masthead.content.Publishing}) every change goes through with an
 * {@link org.masthead.content.Actor}; the events each change raises; and what other modules read — the
 * {@link org.masthead.content.PublishedArticles} query interface and the {@code content_*} views. Nobody else
 * touches its tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Content", allowedDependencies = {"system", "body", "text", "media"})
package org.masthead.content;
