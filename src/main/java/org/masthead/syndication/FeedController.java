package org.masthead.syndication;

import java.time.Instant;
import java.util.List;

import org.masthead.content.Author;
import org.masthead.content.Authors;
import org.masthead.content.LiveBlogs;
import org.masthead.content.Section;
import org.masthead.content.Sections;
import org.masthead.content.Tag;
import org.masthead.content.Tags;
import org.masthead.system.SurrogateKey;
import org.masthead.system.HttpCaching;
import org.masthead.system.NotFoundException;
import org.masthead.system.Site;
import org.masthead.system.SiteSettings;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * RSS, Atom and JSON feeds of the whole site, each section, each author and each tag: 50 newest items; and each
 * live blog's own feeds of its 50 newest entries.
 */
@Controller
class FeedController {

    static final int ITEMS = 50;

    private final Syndication syndication;
    private final Tags tags;
    private final Sections sections;
    private final Authors authors;
    private final Feeds feeds;
    private final SiteSettings settings;
    private final HttpCaching caching;
    private final LiveBlogs liveBlogs;

    FeedController(Syndication syndication, Tags tags, Sections sections, Authors authors, Feeds feeds,
                   SiteSettings settings, HttpCaching caching, LiveBlogs liveBlogs) {
        this.syndication = syndication;
        this.tags = tags;
        this.sections = sections;
        this.authors = authors;
        this.feeds = feeds;
        this.settings = settings;
        this.caching = caching;
        this.liveBlogs = liveBlogs;
    }

    @GetMapping("/feed.{format:xml|atom|json}")
    ResponseEntity<String> site(@PathVariable String format, ServletWebRequest request) {
        Site site = settings.current();
        return respond(format, new Feeds.Channel(site.name(), site.tagline(), "/", "/feed"), FeedScope.everything(),
                List.of(SurrogateKey.FEEDS, SurrogateKey.NEWS_FEED, SurrogateKey.SITE), request);
    }

    @GetMapping("/sections/{slug}/feed.{format:xml|atom|json}")
    ResponseEntity<String> section(@PathVariable String slug, @PathVariable String format, ServletWebRequest request) {
        Section section = sections.findBySlug(slug).orElseThrow(() -> new NotFoundException("No section " + slug));
        Site site = settings.current();
        return respond(format, new Feeds.Channel(site.name() + ": " + section.name(),
                        section.description().isBlank() ? section.name() : section.description(), section.url(),
                        section.url() + "/feed"), FeedScope.inSection(section.id()),
                List.of(SurrogateKey.section(section.id()), SurrogateKey.SITE), request);
    }

    @GetMapping("/authors/{slug}/feed.{format:xml|atom|json}")
    ResponseEntity<String> author(@PathVariable String slug, @PathVariable String format, ServletWebRequest request) {
        Author author = authors.findPublicBySlug(slug).orElseThrow(() -> new NotFoundException("No author " + slug));
        Site site = settings.current();
        return respond(format, new Feeds.Channel(site.name() + ": " + author.name(),
                        "Stories by " + author.name(), author.url(), author.url() + "/feed"),
                FeedScope.byAuthor(author.id()), List.of(SurrogateKey.author(author.id()), SurrogateKey.SITE), request);
    }

    @GetMapping("/tags/{slug}/feed.{format:xml|atom|json}")
    ResponseEntity<String> tag(@PathVariable String slug, @PathVariable String format, ServletWebRequest request) {
        Tag tag = tags.findBySlug(slug).filter(found -> !found.isInternal())
                .orElseThrow(() -> new NotFoundException("No tag " + slug));
        Site site = settings.current();
        return respond(format, new Feeds.Channel(site.name() + ": " + tag.name(),
                        tag.description().isBlank() ? "Stories about " + tag.name() : tag.description(), tag.url(),
                        tag.url() + "/feed"), FeedScope.tagged(tag.id()), List.of(SurrogateKey.tag(tag.slug()), SurrogateKey.SITE),
                request);
    }

    /**
     * A live blog's entries, newest first (an ordinary article has no such feed: 404). Tagged with the article's
     * own key, as its page is: an entry evicts this blog's page and feeds, nothing else. While the coverage runs,
     * browsers and CDNs keep it seconds, as they keep the page.
     */
    @GetMapping("/articles/{slug}/feed.{format:xml|atom|json}")
    ResponseEntity<String> liveBlog(@PathVariable String slug, @PathVariable String format, ServletWebRequest request) {
        Feeds.Format feedFormat = Feeds.Format.of(format);
        Syndication.LiveBlogFeed blog = syndication.liveBlog(slug)
                .orElseThrow(() -> new NotFoundException("No live blog " + slug));
        List<LiveBlogs.Entry> entries = liveBlogs.page(blog.id(), null, ITEMS);
        Instant lastModified = entries.stream().map(LiveBlogs.Entry::updatedAt)
                .reduce(blog.updatedAt(), (a, b) -> a.isAfter(b) ? a : b);
        caching.tag(request, List.of(SurrogateKey.article(blog.id()), SurrogateKey.SITE));
        boolean notModified = caching.isNotModified(request, lastModified);
        if (blog.running()) {
            caching.forSeconds(request);
        }
        if (notModified) {
            return null;
        }
        Site site = settings.current();
        Feeds.Channel channel = new Feeds.Channel(site.name() + ": " + blog.headline(),
                blog.standfirst() == null || blog.standfirst().isBlank() ? "Live coverage: " + blog.headline()
                        : blog.standfirst(), blog.url(), blog.url() + "/feed");
        return ResponseEntity.ok().header("Content-Type", feedFormat.contentType)
                .body(feeds.writeLive(feedFormat, channel, blog.language(), lastModified, entries, site));
    }

    private ResponseEntity<String> respond(String extension, Feeds.Channel channel, FeedScope scope,
                                           List<SurrogateKey> scopeKeys, ServletWebRequest request) {
        Feeds.Format format = Feeds.Format.of(extension);
        List<FeedEntry> entries = syndication.feed(scope, ITEMS);
        Instant lastModified = entries.stream().map(FeedEntry::updatedAt).max(Instant::compareTo).orElse(null);
        // a feed shows its entries' sections, bylines and tags by name: renaming one evicts it
        java.util.Set<SurrogateKey> keys = new java.util.LinkedHashSet<>(scopeKeys);
        keys.add(SurrogateKey.FEEDS);
        for (FeedEntry entry : entries) {
            keys.add(SurrogateKey.section(entry.section().id()));
            entry.authors().forEach(author -> keys.add(SurrogateKey.author(author.id())));
        }
        caching.tag(request, keys);
        if (caching.isNotModified(request, lastModified)) {
            return null;
        }
        return ResponseEntity.ok().header("Content-Type", format.contentType)
                .body(feeds.write(format, channel, entries, settings.current()));
    }
}
