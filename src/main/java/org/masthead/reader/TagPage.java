package org.masthead.reader;

import org.masthead.content.ArticleSummary;
import org.masthead.content.Cursor;
import org.masthead.content.Slice;
import org.masthead.content.Tag;
import org.masthead.system.Layout;

/** A tag's page: its description and the stories carrying it, newest first, a page at a time. */
public record TagPage(Layout layout, Tag tag, Slice<ArticleSummary> articles, boolean continued) {

    public String olderUrl() {
        return Cursor.pageUrl(tag.url(), articles.next());
    }
}
