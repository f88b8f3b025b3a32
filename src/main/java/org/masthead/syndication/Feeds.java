package org.masthead.syndication;

import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import org.masthead.content.Byline;
import org.masthead.content.LiveBlogs;
import org.masthead.system.Site;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/** Writes a list of articles as RSS 2.0, Atom 1.0 (both with ROME) or JSON Feed 1.1 (with Jackson). */
@Component
class Feeds {

    enum Format {
        RSS("rss_2.0", "application/rss+xml;charset=UTF-8", "xml"),
        ATOM("atom_1.0", "application/atom+xml;charset=UTF-8", "atom"),
        JSON(null, "application/feed+json;charset=UTF-8", "json");

        final String romeType;
        final String contentType;
        final String extension;

        Format(String romeType, String contentType, String extension) {
            this.romeType = romeType;
            this.contentType = contentType;
            this.extension = extension;
        }

        static Format of(String extension) {
            for (Format format : values()) {
                if (format.extension.equals(extension)) {
                    return format;
                }
            }
            throw new org.masthead.system.NotFoundException("No feed format " + extension);
        }
    }

    /** A feed's identity: title, description, the page it belongs to and the path its files share. */
    record Channel(String title, String description, String pagePath, String feedPath) {
    }

    /** An untitled entry's item title: the start of its text, at most this many characters. */
    static final int ENTRY_TITLE_LENGTH = 100;

    private final JsonMapper json = JsonMapper.builder().build();

    String write(Format format, Channel channel, List<FeedEntry> entries, Site site) {
        return format == Format.JSON ? jsonFeed(channel, entries, site) : xmlFeed(format, channel, entries, site);
    }

    /** Stable forever, whatever happens to the article's slug or the site's address. */
    static String guid(Site site, long articleId) {
        return "tag:" + java.net.URI.create(site.base()).getHost() + ",2026:article:" + articleId;
    }

    /**
     * A plain-text value as the format carries it. RSS has no text type: readers decode titles and descriptions
     * as HTML, so plain text is escaped for HTML here (and for XML again by the writer). Atom says
     * {@code type="text"}, so its values go as they are.
     */
    private static String text(Format format, String value) {
        return format == Format.RSS ? HtmlUtils.htmlEscape(value) : value;
    }

    private String xmlFeed(Format format, Channel channel, List<FeedEntry> entries, Site site) {
        SyndFeed feed = xmlChannel(format, channel, newest(entries, site), site);
        List<SyndEntry> items = new ArrayList<>();
        for (FeedEntry entry : entries) {
            SyndEntry item = new SyndEntryImpl();
            item.setUri(guid(site, entry.id()));
            item.setTitle(text(format, entry.headline()));
            item.setLink(site.absolute(entry.url()));
            item.setPublishedDate(date(entry.publishedAt()));
            item.setUpdatedDate(date(entry.updatedAt()));
            SyndContent summary = new SyndContentImpl();
            summary.setType("text");
            summary.setValue(text(format, entry.standfirst() != null ? entry.standfirst()
                    : org.masthead.text.PlainText.excerpt(entry.bodyText(), 50)));
            item.setDescription(summary);
            SyndContent content = new SyndContentImpl();
            content.setType("html");
            content.setValue(absoluteLinks(entry.bodyHtml(), site));
            item.setContents(List.of(content));
            List<SyndPerson> authors = new ArrayList<>();
            for (var byline : entry.authors()) {
                SyndPerson person = new SyndPersonImpl();
                person.setName(byline.name());
                person.setUri(site.absolute(byline.url()));
                authors.add(person);
            }
            if (format == Format.RSS) {
                // RSS's own <author> wants an email address; names go to dc:creator instead
                item.setAuthor(String.join(", ", entry.authors().stream().map(byline -> byline.name()).toList()));
            } else {
                item.setAuthors(authors);
            }
            List<SyndCategory> categories = new ArrayList<>();
            categories.add(category(entry.section().name()));
            entry.tags().forEach(tag -> categories.add(category(tag)));
            item.setCategories(categories);
            if (entry.image() != null) {
                SyndEnclosure enclosure = new SyndEnclosureImpl();
                enclosure.setUrl(site.absolute(entry.image().url()));
                enclosure.setType(entry.image().contentType());
                enclosure.setLength(entry.image().byteSize());
                item.setEnclosures(List.of(enclosure));
            }
            items.add(item);
        }
        feed.setEntries(items);
        return output(format, feed);
    }

    /** A feed's channel: title, description, links to its page and itself, language, publisher. */
    private SyndFeed xmlChannel(Format format, Channel channel, Instant newest, Site site) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format.romeType);
        feed.setTitle(text(format, channel.title()));
        feed.setDescription(text(format, channel.description()));
        feed.setLink(site.absolute(channel.pagePath()));
        feed.setUri(site.absolute(channel.feedPath() + "." + format.extension));
        feed.setLanguage(site.language());
        feed.setGenerator("Masthead");
        feed.setPublishedDate(date(newest));
        SyndLink self = new SyndLinkImpl();
        self.setRel("self");
        self.setHref(site.absolute(channel.feedPath() + "." + format.extension));
        self.setType(format.contentType.split(";")[0]);
        SyndLink alternate = new SyndLinkImpl();
        alternate.setRel("alternate");
        alternate.setHref(site.absolute(channel.pagePath()));
        alternate.setType("text/html");
        feed.setLinks(List.of(alternate, self));
        SyndPerson publisher = new SyndPersonImpl();
        publisher.setName(site.publicationName());
        publisher.setUri(site.absolute("/"));
        if (format == Format.ATOM) {
            feed.setAuthors(List.of(publisher)); // Atom needs a feed author unless every entry has one
        }
        return feed;
    }

    private static String output(Format format, SyndFeed feed) {
        try {
            StringWriter out = new StringWriter();
            new SyndFeedOutput().output(feed, out);
            return out.toString();
        } catch (FeedException | java.io.IOException e) {
            throw new IllegalStateException("Could not write the " + format + " feed", e);
        }
    }

    private String jsonFeed(Channel channel, List<FeedEntry> entries, Site site) {
        Map<String, Object> feed = jsonChannel(channel, site);
        List<Map<String, Object>> items = new ArrayList<>();
        for (FeedEntry entry : entries) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", guid(site, entry.id()));
            item.put("url", site.absolute(entry.url()));
            item.put("title", entry.headline());
            item.put("content_html", absoluteLinks(entry.bodyHtml(), site));
            item.put("summary", entry.standfirst() != null ? entry.standfirst() : org.masthead.text.PlainText.excerpt(entry.bodyText(), 50));
            if (entry.image() != null) {
                item.put("image", site.absolute(entry.image().url()));
            }
            item.put("date_published", site.iso(entry.publishedAt()));
            item.put("date_modified", site.iso(entry.updatedAt()));
            item.put("authors", entry.authors().stream()
                    .map(byline -> Map.of("name", byline.name(), "url", site.absolute(byline.url()))).toList());
            List<String> tags = new ArrayList<>();
            tags.add(entry.section().name());
            tags.addAll(entry.tags());
            item.put("tags", tags);
            item.put("language", entry.language());
            items.add(item);
        }
        feed.put("items", items);
        return json.writeValueAsString(feed);
    }

    /** A JSON Feed's top-level fields, before its items. */
    private static Map<String, Object> jsonChannel(Channel channel, Site site) {
        Map<String, Object> feed = new LinkedHashMap<>();
        feed.put("version", "https://jsonfeed.org/version/1.1");
        feed.put("title", channel.title());
        feed.put("home_page_url", site.absolute(channel.pagePath()));
        feed.put("feed_url", site.absolute(channel.feedPath() + ".json"));
        feed.put("description", channel.description());
        feed.put("language", site.language());
        if (site.logoUrl() != null) {
            feed.put("icon", site.absolute(site.logoUrl()));
        }
        feed.put("authors", List.of(Map.of("name", site.publicationName(), "url", site.absolute("/"))));
        return feed;
    }

    /**
     * A live blog's own feed: its entries as items, newest first, each linking to the entry on the page that holds
     * it, with a guid of its own that stays whatever happens to the article's slug or the entry's text.
     *
     * @param updated the newest change the feed shows (an entry's, or the article's)
     */
    String writeLive(Format format, Channel channel, String language, Instant updated, List<LiveBlogs.Entry> entries,
                     Site site) {
        return format == Format.JSON ? liveJsonFeed(channel, language, entries, site)
                : liveXmlFeed(format, channel, updated, entries, site);
    }

    static String entryGuid(Site site, long entryId) {
        return "tag:" + java.net.URI.create(site.base()).getHost() + ",2026:live-entry:" + entryId;
    }

    /** An entry's permalink: the live blog's page that holds it, opened at it. */
    static String entryUrl(Channel channel, LiveBlogs.Entry entry) {
        return channel.pagePath() + "?entry=" + entry.id() + "#" + entry.anchor();
    }

    /** An entry's title, else the start of its text: about a hundred characters, cut between words. */
    static String entryTitle(LiveBlogs.Entry entry) {
        if (!entry.title().isBlank()) {
            return entry.title();
        }
        String text = entry.bodyText() == null ? "" : entry.bodyText().strip().replaceAll("\\s+", " ");
        if (text.codePointCount(0, text.length()) <= ENTRY_TITLE_LENGTH) {
            return text;
        }
        String cut = text.substring(0, text.offsetByCodePoints(0, ENTRY_TITLE_LENGTH - 1));
        int space = cut.lastIndexOf(' ');
        return (space > ENTRY_TITLE_LENGTH / 2 ? cut.substring(0, space) : cut).strip() + "…";
    }

    private String liveXmlFeed(Format format, Channel channel, Instant updated, List<LiveBlogs.Entry> entries, Site site) {
        SyndFeed feed = xmlChannel(format, channel, updated, site);
        List<SyndEntry> items = new ArrayList<>();
        for (LiveBlogs.Entry entry : entries) {
            SyndEntry item = new SyndEntryImpl();
            item.setUri(entryGuid(site, entry.id()));
            item.setTitle(text(format, entryTitle(entry)));
            item.setLink(site.absolute(entryUrl(channel, entry)));
            item.setPublishedDate(date(entry.publishedAt()));
            item.setUpdatedDate(date(entry.updatedAt()));
            SyndContent summary = new SyndContentImpl();
            summary.setType("text");
            summary.setValue(text(format, org.masthead.text.PlainText.excerpt(entry.bodyText(), 50)));
            item.setDescription(summary);
            SyndContent content = new SyndContentImpl();
            content.setType("html");
            content.setValue(absoluteLinks(entry.bodyHtml(), site));
            item.setContents(List.of(content));
            if (format == Format.RSS) {
                item.setAuthor(String.join(", ", entry.bylines().stream().map(Byline::name).toList()));
            } else {
                List<SyndPerson> authors = new ArrayList<>();
                for (Byline byline : entry.bylines()) {
                    SyndPerson person = new SyndPersonImpl();
                    person.setName(byline.name());
                    person.setUri(site.absolute(byline.url()));
                    authors.add(person);
                }
                item.setAuthors(authors);
            }
            if (entry.keyEvent()) {
                item.setCategories(List.of(category("Key event")));
            }
            items.add(item);
        }
        feed.setEntries(items);
        return output(format, feed);
    }

    private String liveJsonFeed(Channel channel, String language, List<LiveBlogs.Entry> entries, Site site) {
        Map<String, Object> feed = jsonChannel(channel, site);
        List<Map<String, Object>> items = new ArrayList<>();
        for (LiveBlogs.Entry entry : entries) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", entryGuid(site, entry.id()));
            item.put("url", site.absolute(entryUrl(channel, entry)));
            item.put("title", entryTitle(entry));
            item.put("content_html", absoluteLinks(entry.bodyHtml(), site));
            item.put("summary", org.masthead.text.PlainText.excerpt(entry.bodyText(), 50));
            item.put("date_published", site.iso(entry.publishedAt()));
            item.put("date_modified", site.iso(entry.updatedAt()));
            item.put("authors", entry.bylines().stream()
                    .map(byline -> Map.of("name", byline.name(), "url", site.absolute(byline.url()))).toList());
            if (entry.keyEvent()) {
                item.put("tags", List.of("Key event"));
            }
            item.put("language", language);
            items.add(item);
        }
        feed.put("items", items);
        return json.writeValueAsString(feed);
    }

    /** Feed readers show items away from the site: site-relative links and images must name the site. */
    static String absoluteLinks(String html, Site site) {
        return html.replace("href=\"/", "href=\"" + site.base() + "/").replace("src=\"/", "src=\"" + site.base() + "/");
    }

    private static SyndCategory category(String name) {
        SyndCategory category = new SyndCategoryImpl();
        category.setName(name);
        return category;
    }

    private static Instant newest(List<FeedEntry> entries, Site site) {
        return entries.stream().map(FeedEntry::updatedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
    }

    private static Date date(Instant instant) {
        return Date.from(instant); // ROME's API; the instant itself comes from java.time
    }

}
