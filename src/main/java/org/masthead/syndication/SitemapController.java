package org.masthead.syndication;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import jakarta.servlet.http.HttpServletResponse;
import org.masthead.system.HttpCaching;
import org.masthead.system.NotFoundException;
import org.masthead.system.Site;
import org.masthead.system.SiteSettings;
import org.masthead.system.SurrogateKey;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * sitemaps.org sitemaps: an index, one child per month of publication (at most 50,000 URLs each, with the
 * image extension for lead images), sections, authors, and a Google News sitemap of the last 48 hours. Article
 * rows are streamed from the database straight into the XML writer.
 */
@Controller
class SitemapController {

    static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String IMAGE = "http://www.google.com/schemas/sitemap-image/1.1";
    static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";
    private static final Duration NEWS_WINDOW = Duration.ofHours(48);

    private final Syndication syndication;
    private final SiteSettings settings;
    private final HttpCaching caching;
    private final Clock clock;

    SitemapController(Syndication syndication, SiteSettings settings, HttpCaching caching, Clock clock) {
        this.syndication = syndication;
        this.settings = settings;
        this.caching = caching;
        this.clock = clock;
    }

    @GetMapping("/sitemap.xml")
    void index(ServletWebRequest request, HttpServletResponse response) throws IOException, XMLStreamException {
        Site site = settings.current();
        List<Syndication.SitemapMonth> months = syndication.sitemapMonths();
        Instant newest = months.stream().map(Syndication.SitemapMonth::lastModified).max(Instant::compareTo).orElse(null);
        caching.tag(request, List.of(SurrogateKey.SITEMAPS));
        if (caching.isNotModified(request, newest)) {
            return;
        }
        write(response, xml -> {
            xml.writeStartElement("sitemapindex");
            xml.writeDefaultNamespace(SITEMAP);
            child(xml, site.absolute("/sitemaps/sections.xml"), newest, site);
            child(xml, site.absolute("/sitemaps/authors.xml"), newest, site);
            child(xml, site.absolute("/sitemaps/news.xml"), newest, site);
            for (Syndication.SitemapMonth month : months) {
                child(xml, site.absolute("/sitemaps/articles-" + month.month() + (month.page() > 1 ? "-p" + month.page() : "") + ".xml"),
                        month.lastModified(), site);
            }
            xml.writeEndElement();
        });
    }

    @GetMapping("/sitemaps/articles-{month:\\d{4}-\\d{2}}.xml")
    void month(@PathVariable String month, ServletWebRequest request, HttpServletResponse response) throws Exception {
        monthPage(month, 1, request, response);
    }

    @GetMapping("/sitemaps/articles-{month:\\d{4}-\\d{2}}-p{page:\\d{1,4}}.xml")
    void monthPage(@PathVariable String month, @PathVariable int page, ServletWebRequest request,
                   HttpServletResponse response) throws IOException, XMLStreamException {
        YearMonth yearMonth;
        try {
            yearMonth = YearMonth.parse(month);
        } catch (java.time.format.DateTimeParseException e) {
            throw new NotFoundException("No sitemap for " + month);
        }
        Syndication.SitemapMonth known = syndication.sitemapMonths().stream()
                .filter(candidate -> candidate.month().equals(yearMonth) && candidate.page() == page).findFirst()
                .orElseThrow(() -> new NotFoundException("No sitemap for " + month + " page " + page));
        caching.tag(request, List.of(SurrogateKey.SITEMAPS));
        if (caching.isNotModified(request, known.lastModified())) {
            return;
        }
        Site site = settings.current();
        write(response, xml -> {
            xml.writeStartElement("urlset");
            xml.writeDefaultNamespace(SITEMAP);
            xml.writeNamespace("image", IMAGE);
            syndication.streamMonth(yearMonth, page, entry -> {
                try {
                    xml.writeStartElement("url");
                    element(xml, "loc", site.absolute("/articles/" + entry.slug()));
                    element(xml, "lastmod", site.iso(entry.updatedAt()));
                    if (entry.imageUrl() != null) {
                        xml.writeStartElement(IMAGE, "image");
                        xml.writeStartElement(IMAGE, "loc");
                        xml.writeCharacters(site.absolute(entry.imageUrl()));
                        xml.writeEndElement();
                        xml.writeEndElement();
                    }
                    xml.writeEndElement();
                } catch (XMLStreamException e) {
                    throw new IllegalStateException(e);
                }
            });
            xml.writeEndElement();
        });
    }

    @GetMapping("/sitemaps/sections.xml")
    void sections(ServletWebRequest request, HttpServletResponse response) throws IOException, XMLStreamException {
        pages(request, response, syndication.sections(), "/sections/");
    }

    @GetMapping("/sitemaps/authors.xml")
    void authors(ServletWebRequest request, HttpServletResponse response) throws IOException, XMLStreamException {
        pages(request, response, syndication.authors(), "/authors/");
    }

    @GetMapping("/sitemaps/news.xml")
    void news(ServletWebRequest request, HttpServletResponse response) throws IOException, XMLStreamException {
        Site site = settings.current();
        List<FeedEntry> recent = syndication.publishedSince(clock.instant().minus(NEWS_WINDOW));
        caching.tag(request, List.of(SurrogateKey.SITEMAPS, SurrogateKey.NEWS_FEED));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=60, s-maxage=60");
        write(response, xml -> {
            xml.writeStartElement("urlset");
            xml.writeDefaultNamespace(SITEMAP);
            xml.writeNamespace("news", NEWS);
            for (FeedEntry entry : recent) {
                xml.writeStartElement("url");
                element(xml, "loc", site.absolute(entry.url()));
                xml.writeStartElement(NEWS, "news");
                xml.writeStartElement(NEWS, "publication");
                xml.writeStartElement(NEWS, "name");
                xml.writeCharacters(site.publicationName());
                xml.writeEndElement();
                xml.writeStartElement(NEWS, "language");
                xml.writeCharacters(newsLanguage(entry.language()));
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeStartElement(NEWS, "publication_date");
                xml.writeCharacters(site.iso(entry.publishedAt()));
                xml.writeEndElement();
                xml.writeStartElement(NEWS, "title");
                xml.writeCharacters(entry.headline());
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    @GetMapping(path = "/robots.txt", produces = "text/plain;charset=UTF-8")
    @ResponseBody
    String robots(ServletWebRequest request) {
        Site site = settings.current();
        caching.isNotModified(request, null);
        return """
                User-agent: *
                Disallow: /admin
                Disallow: /api/
                Disallow: /actuator/
                Allow: /

                Sitemap: %s
                Sitemap: %s
                """.formatted(site.absolute("/sitemap.xml"), site.absolute("/sitemaps/news.xml"));
    }

    /** ISO 639 as Google News wants it: the primary subtag, except zh-cn and zh-tw. */
    static String newsLanguage(String language) {
        String lower = language.toLowerCase(java.util.Locale.ROOT);
        return lower.equals("zh-cn") || lower.equals("zh-tw") ? lower : lower.split("-")[0];
    }

    private void pages(ServletWebRequest request, HttpServletResponse response, List<Syndication.Listed> pages, String prefix)
            throws IOException, XMLStreamException {
        Site site = settings.current();
        caching.tag(request, List.of(SurrogateKey.SITEMAPS));
        caching.isNotModified(request, null);
        write(response, xml -> {
            xml.writeStartElement("urlset");
            xml.writeDefaultNamespace(SITEMAP);
            for (Syndication.Listed page : pages) {
                xml.writeStartElement("url");
                element(xml, "loc", site.absolute(prefix + page.slug()));
                if (page.lastModified() != null) {
                    element(xml, "lastmod", site.iso(page.lastModified()));
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    interface XmlBody {
        void write(XMLStreamWriter xml) throws XMLStreamException, IOException;
    }

    /** Woodstox's writer, made once (the factory is safe to share): the JDK's escapes a character at a time. */
    private static final XMLOutputFactory OUTPUT = outputFactory();

    private static XMLOutputFactory outputFactory() {
        XMLOutputFactory factory = new com.ctc.wstx.stax.WstxOutputFactory();
        factory.setProperty(com.ctc.wstx.api.WstxOutputProperties.P_USE_DOUBLE_QUOTES_IN_XML_DECL, true);
        return factory;
    }

    private static void write(HttpServletResponse response, XmlBody body) throws IOException, XMLStreamException {
        response.setContentType("application/xml;charset=UTF-8");
        // the JDK's writer hands over a few bytes at a time, and each write passes the response's wrappers (Spring
        // Security counts the bytes of every one): buffered, a month of 1,000 URLs writes in a fraction of the time
        OutputStream out = new java.io.BufferedOutputStream(response.getOutputStream(), 32 * 1024);
        XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
        xml.writeStartDocument("UTF-8", "1.0");
        xml.setDefaultNamespace(SITEMAP);
        xml.setPrefix("image", IMAGE);
        xml.setPrefix("news", NEWS);
        body.write(xml);
        xml.writeEndDocument();
        xml.flush();
        xml.close();
        out.flush();
    }

    private static void child(XMLStreamWriter xml, String loc, Instant lastModified, Site site) throws XMLStreamException {
        xml.writeStartElement("sitemap");
        element(xml, "loc", loc);
        if (lastModified != null) {
            element(xml, "lastmod", site.iso(lastModified));
        }
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(SITEMAP, name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
