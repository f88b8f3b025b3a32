package org.masthead.system;

import java.util.ArrayList;
import java.util.List;

/**
 * What the shared page frame needs: site identity, navigation, and this page's title, description,
 * canonical URL, current navigation entry, feed links, social-card meta tags and structured data.
 *
 * @param jsonLd JSON-LD documents, already serialized (see {@link JsonLd})
 */
public record Layout(Site site, List<NavLink> navigation, String title, String description, String canonicalUrl,
                     String currentNav, List<FeedLink> feeds, List<MetaTag> meta, List<String> jsonLd,
                     List<NavLink> footer) {

    /** A {@code <link rel="alternate">} to a feed. */
    public record FeedLink(String title, String type, String href) {

        /** RSS, Atom and JSON Feed links for a feed family ({@code /feed} or {@code /sections/politics/feed}). */
        static List<FeedLink> of(String title, Site site, String basePath) {
            return List.of(new FeedLink(title + " (RSS)", "application/rss+xml", site.absolute(basePath + ".xml")),
                    new FeedLink(title + " (Atom)", "application/atom+xml", site.absolute(basePath + ".atom")),
                    new FeedLink(title + " (JSON Feed)", "application/feed+json", site.absolute(basePath + ".json")));
        }
    }

    /** A {@code <meta>} for Open Graph ({@code property}) or Twitter ({@code name}) cards. */
    public record MetaTag(String attribute, String key, String content) {

        public static MetaTag property(String key, String content) {
            return new MetaTag("property", key, content);
        }

        public static MetaTag name(String key, String content) {
            return new MetaTag("name", key, content);
        }
    }

    public boolean hasMeta(String key) {
        return meta.stream().anyMatch(tag -> tag.key().equals(key));
    }

    public String fullTitle() {
        return site.title(title);
    }

    public boolean isCurrent(NavLink link) {
        return link.key().equals(currentNav);
    }

    public Layout withFeeds(String title, String basePath) {
        List<FeedLink> all = new ArrayList<>(feeds);
        all.addAll(FeedLink.of(title, site, basePath));
        return new Layout(site, navigation, this.title, description, canonicalUrl, currentNav, List.copyOf(all), meta, jsonLd,
                footer);
    }

    public Layout withMeta(List<MetaTag> tags) {
        List<MetaTag> all = new ArrayList<>(meta);
        all.addAll(tags);
        return new Layout(site, navigation, title, description, canonicalUrl, currentNav, feeds, List.copyOf(all), jsonLd,
                footer);
    }

    /** A story first published elsewhere names that address as the canonical one; blank keeps this page's. */
    public Layout withCanonicalUrl(String url) {
        return url == null || url.isBlank() ? this : new Layout(site, navigation, title, description, url, currentNav, feeds,
                meta, jsonLd, footer);
    }

    public Layout withJsonLd(String document) {
        List<String> all = new ArrayList<>(jsonLd);
        all.add(document);
        return new Layout(site, navigation, title, description, canonicalUrl, currentNav, feeds, meta, List.copyOf(all),
                footer);
    }
}
