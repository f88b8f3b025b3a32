package org.masthead.live;

import java.util.List;

import org.masthead.content.Cursor;
import org.masthead.content.LiveBlogs;

/**
 * What a live blog's reader page shows under its intro.
 *
 * @param pinned      the entry the desk pinned on top, or null (also in {@code entries} where its time puts it)
 * @param entries     a page of entries, newest first
 * @param older       where the next page of older entries starts, or null at the first entry
 * @param newer       how many entries are newer than this page (0 on the first page): a link back to the latest
 * @param latestChange the numbered change this page shows: the stream continues after it
 * @param streamUrl   the page's Server-Sent Events stream
 */
public record LiveCoverage(LiveBlogs.LiveBlog blog, LiveBlogs.Entry pinned, List<LiveBlogs.Entry> entries,
                           List<LiveBlogs.Entry> keyEvents, Cursor older, long newer, long latestChange,
                           String pageUrl, String streamUrl) {

    public boolean running() {
        return blog.running();
    }

    public boolean firstPage() {
        return newer == 0;
    }

    public String olderUrl() {
        return older == null ? null : Cursor.pageUrl(pageUrl, older);
    }

    /** An entry's own address: the page that holds it, opened at it. */
    public String permalink(LiveBlogs.Entry entry) {
        return pageUrl + "?entry=" + entry.id() + "#" + entry.anchor();
    }
}
