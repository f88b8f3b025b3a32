package org.masthead.live;

import java.util.List;
import java.util.Optional;

import org.masthead.content.Cursor;
import org.masthead.content.LiveBlogs;
import org.springframework.stereotype.Component;

/** Reads a live blog's page of entries for the reader page: the latest, a page of older ones, or the one holding an entry. */
@Component
public class LiveCoverageReader {

    static final int PAGE_SIZE = 20;

    private final LiveBlogs liveBlogs;

    LiveCoverageReader(LiveBlogs liveBlogs) {
        this.liveBlogs = liveBlogs;
    }

    /**
     * @param before show entries older than this cursor (an "Older updates" link), or null; read only for a live blog
     * @param entry  show the page that starts at this entry (a permalink), or null
     * @return empty when the article is no live blog
     */
    public Optional<LiveCoverage> forArticle(long articleId, String pageUrl, String before, Long entry) {
        Optional<LiveBlogs.LiveBlog> blog = liveBlogs.find(articleId);
        if (blog.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(coverage(blog.get(), articleId, pageUrl, Cursor.parse(before), entry));
    }

    private LiveCoverage coverage(LiveBlogs.LiveBlog blog, long articleId, String pageUrl, Cursor before, Long entry) {
        long latestChange = liveBlogs.latestChange(articleId);
        Cursor from = before;
        if (entry != null) {
            // the page starts just above the entry asked for, so it is on it however far down it is
            from = liveBlogs.entry(entry).filter(found -> found.articleId() == articleId && found.isPublished())
                    .map(found -> new Cursor(found.publishedAt(), found.id() + 1)).orElse(before);
        }
        List<LiveBlogs.Entry> page = liveBlogs.page(articleId, from, PAGE_SIZE + 1);
        Cursor older = page.size() > PAGE_SIZE ? page.get(PAGE_SIZE - 1).cursor() : null;
        List<LiveBlogs.Entry> entries = page.size() > PAGE_SIZE ? page.subList(0, PAGE_SIZE) : page;
        long newer = from == null || entries.isEmpty() ? 0 : liveBlogs.newerThan(articleId, entries.get(0).cursor());
        return new LiveCoverage(blog, liveBlogs.pinned(articleId).orElse(null), List.copyOf(entries),
                liveBlogs.keyEvents(articleId), older, newer, latestChange, pageUrl,
                pageUrl + "/live?lastEventId=" + latestChange);
    }

    /** The latest change of every running live blog: the fronts label these LIVE. */
    public java.util.Set<Long> running() {
        return liveBlogs.running();
    }
}
