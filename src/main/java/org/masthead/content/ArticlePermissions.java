package org.masthead.content;

/** What an actor may do with an article now; the newsroom shows buttons by it, the write path enforces it. */
public record ArticlePermissions(boolean view, boolean edit, boolean submit, boolean publish, boolean unpublish,
                                 boolean returnToDraft, boolean correct, boolean delete) {
}
