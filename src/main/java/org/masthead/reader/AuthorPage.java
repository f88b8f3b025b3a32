package org.masthead.reader;

import org.masthead.content.ArticleSummary;
import org.masthead.content.Author;
import org.masthead.content.Cursor;
import org.masthead.content.Slice;
import org.masthead.system.Layout;

/** An author's profile and their published articles, newest first. */
public record AuthorPage(Layout layout, Author author, Slice<ArticleSummary> articles, boolean continued) {

    public String olderUrl() {
        return Cursor.pageUrl(author.url(), articles.next());
    }
}
