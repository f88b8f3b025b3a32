package org.masthead.live;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.masthead.content.LiveBlogs;
import org.masthead.system.JsonLd;
import org.masthead.system.Site;

/**
 * schema.org {@code LiveBlogPosting} for a live blog's page, as Google reads it for its LIVE badge: the article's
 * NewsArticle facts under the live type, {@code coverageStartTime}/{@code coverageEndTime}, and the entries on the
 * page as {@code liveBlogUpdate} BlogPostings with their own anchored URLs.
 */
public final class LiveStructuredData {

    private LiveStructuredData() {
    }

    /**
     * @param article the article's NewsArticle node (headline, image, author, publisher…), turned into the live one
     * @param url     the page's absolute address
     */
    public static Map<String, Object> liveBlogPosting(Map<String, Object> article, LiveCoverage live, Site site, String url) {
        Map<String, Object> node = new LinkedHashMap<>(article);
        node.put("@type", "LiveBlogPosting");
        node.put("coverageStartTime", site.iso(live.blog().coverageStart()));
        if (live.blog().coverageEnd() != null) {
            node.put("coverageEndTime", site.iso(live.blog().coverageEnd()));
        }
        Instant latest = live.entries().stream().map(LiveBlogs.Entry::updatedAt).max(Instant::compareTo).orElse(null);
        if (latest != null && (node.get("dateModified") == null || latest.isAfter(java.time.OffsetDateTime.parse((String) node.get("dateModified")).toInstant()))) {
            node.put("dateModified", site.iso(latest));
        }
        List<Map<String, Object>> updates = live.entries().stream().map(entry -> update(entry, site, url)).toList();
        node.put("liveBlogUpdate", updates);
        return node;
    }

    private static Map<String, Object> update(LiveBlogs.Entry entry, Site site, String url) {
        Map<String, Object> posting = JsonLd.thing("BlogPosting");
        String text = entry.bodyText().strip();
        posting.put("headline", !entry.title().isBlank() ? entry.title()
                : text.length() <= 110 ? text : text.substring(0, 109) + "…");
        posting.put("url", url + "#" + entry.anchor());
        posting.put("datePublished", site.iso(entry.publishedAt()));
        posting.put("dateModified", site.iso(entry.updatedAt()));
        posting.put("articleBody", text);
        posting.put("author", entry.bylines().stream().map(byline -> {
            Map<String, Object> person = JsonLd.thing("Person");
            person.put("name", byline.name());
            person.put("url", site.absolute(byline.url()));
            return person;
        }).toList());
        return posting;
    }
}
