package org.masthead.reader;

import org.masthead.content.ArticleSummary;
import org.masthead.content.Section;
import org.masthead.content.Slice;
import org.masthead.system.Layout;

/** A section's page: its newest stories, a page at a time; {@code continued} is true past the first page. */
public record SectionPage(Layout layout, Section section, Slice<ArticleSummary> articles, boolean continued) {

    public String olderUrl() {
        return org.masthead.content.Cursor.pageUrl(section.url(), articles.next());
    }
}
