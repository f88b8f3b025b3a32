package org.masthead.author;

import org.masthead.article.ArticleSummary;
import org.masthead.article.Cursor;
import org.masthead.article.Slice;
import org.masthead.system.Layout;

/** An author's profile and their published articles, newest first. */
public record AuthorPage(Layout layout, Author author, Slice<ArticleSummary> articles, boolean continued) {

    public String olderUrl() {
        return Cursor.pageUrl(author.url(), articles.next());
    }
}
