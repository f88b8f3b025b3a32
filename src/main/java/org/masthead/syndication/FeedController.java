package org.masthead.syndication;

import java.time.Instant;
import java.util.List;

import org.masthead.article.FeedEntry;
import org.masthead.article.FeedScope;
import org.masthead.article.Syndication;
import org.masthead.author.Author;
import org.masthead.author.Authors;
import org.masthead.section.Section;
import org.masthead.section.Sections;
import org.masthead.system.HttpCaching;
import org.masthead.system.NotFoundException;
import org.masthead.system.Site;
import org.masthead.system.SiteSettings;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.ServletWebRequest;

/** RSS, Atom and JSON feeds of the whole site, each section, each author and each tag: 50 newest items. */
@Controller
class FeedController {

    static final int ITEMS = 50;

    private final Syndication syndication;
    private final Sections sections;
    private final Authors authors;
    private final Feeds feeds;
    private final SiteSettings settings;
    private final HttpCaching caching;

    FeedController(Syndication syndication, Sections sections, Authors authors, Feeds feeds, SiteSettings settings,
                   HttpCaching caching) {
        this.syndication = syndication;
        this.sections = sections;
        this.authors = authors;
        this.feeds = feeds;
        this.settings = settings;
        this.caching = caching;
    }

    @GetMapping("/feed.{format:xml|atom|json}")
    ResponseEntity<String> site(@PathVariable String format, ServletWebRequest request) {
        Site site = settings.current();
        return respond(format, new Feeds.Channel(site.name(), site.tagline(), "/", "/feed"), FeedScope.everything(),
                List.of("feeds", "news-feed"), request);
    }

    @GetMapping("/sections/{slug}/feed.{format:xml|atom|json}")
    ResponseEntity<String> section(@PathVariable String slug, @PathVariable String format, ServletWebRequest request) {
        Section section = sections.findBySlug(slug).orElseThrow(() -> new NotFoundException("No section " + slug));
        Site site = settings.current();
        return respond(format, new Feeds.Channel(site.name() + ": " + section.name(),
                        section.description().isBlank() ? section.name() : section.description(), section.url(),
                        section.url() + "/feed"), FeedScope.inSection(section.id()),
                List.of("feeds", "section-" + section.id()), request);
    }

    @GetMapping("/authors/{slug}/feed.{format:xml|atom|json}")
    ResponseEntity<String> author(@PathVariable String slug, @PathVariable String format, ServletWebRequest request) {
        Author author = authors.findPublicBySlug(slug).orElseThrow(() -> new NotFoundException("No author " + slug));
        Site site = settings.current();
        return respond(format, new Feeds.Channel(site.name() + ": " + author.name(),
                        "Stories by " + author.name(), author.url(), author.url() + "/feed"),
                FeedScope.byAuthor(author.id()), List.of("feeds", "author-" + author.id()), request);
    }

    @GetMapping("/tags/{slug}/feed.{format:xml|atom|json}")
    ResponseEntity<String> tag(@PathVariable String slug, @PathVariable String format, ServletWebRequest request) {
        Syndication.Tag tag = syndication.tagBySlug(slug).orElseThrow(() -> new NotFoundException("No tag " + slug));
        Site site = settings.current();
        return respond(format, new Feeds.Channel(site.name() + ": " + tag.name(), "Stories about " + tag.name(), "/",
                "/tags/" + tag.slug() + "/feed"), FeedScope.tagged(tag.id()), List.of("feeds", "tag-" + tag.slug()), request);
    }

    private ResponseEntity<String> respond(String extension, Feeds.Channel channel, FeedScope scope, List<String> keys,
                                           ServletWebRequest request) {
        Feeds.Format format = Feeds.Format.of(extension);
        List<FeedEntry> entries = syndication.feed(scope, ITEMS);
        Instant lastModified = entries.stream().map(FeedEntry::updatedAt).max(Instant::compareTo).orElse(null);
        caching.tag(request, keys);
        if (caching.isNotModified(request, lastModified)) {
            return null;
        }
        return ResponseEntity.ok().header("Content-Type", format.contentType)
                .body(feeds.write(format, channel, entries, settings.current()));
    }
}
