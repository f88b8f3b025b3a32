package org.masthead.section;

import org.masthead.article.ArticleSummary;
import org.masthead.article.Cursor;
import org.masthead.article.Slice;
import org.masthead.system.Layout;

/** A section front: its description and its articles, newest first, a page at a time. */
public record SectionPage(Layout layout, Section section, Slice<ArticleSummary> articles, boolean continued) {

    public String olderUrl() {
        return Cursor.pageUrl(section.url(), articles.next());
    }
}
