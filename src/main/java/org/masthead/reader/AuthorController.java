package org.masthead.reader;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.masthead.content.ArticleSummary;
import org.masthead.content.Author;
import org.masthead.content.Authors;
import org.masthead.content.Cursor;
import org.masthead.content.PublishedArticles;
import org.masthead.content.Slice;
import org.masthead.system.HttpCaching;
import org.masthead.system.JsonLd;
import org.masthead.system.Layout;
import org.masthead.system.Layouts;
import org.masthead.system.NotFoundException;
import org.masthead.system.Pages;
import org.masthead.system.Site;
import org.masthead.system.SurrogateKey;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

@Controller
class AuthorController {

    static final int PAGE_SIZE = 12;

    private final Authors authors;
    private final PublishedArticles articles;
    private final Layouts layouts;
    private final HttpCaching caching;

    AuthorController(Authors authors, PublishedArticles articles, Layouts layouts, HttpCaching caching) {
        this.authors = authors;
        this.articles = articles;
        this.layouts = layouts;
        this.caching = caching;
    }

    @GetMapping("/authors/{slug}")
    ModelAndView show(@PathVariable String slug, @RequestParam(required = false) String before,
                      ServletWebRequest request) {
        Author author = authors.findPublicBySlug(slug).orElseThrow(() -> new NotFoundException("No author " + slug));
        Cursor cursor = Cursor.parse(before);
        Slice<ArticleSummary> page = articles.byAuthor(author.id(), cursor, PAGE_SIZE);
        if (caching.isNotModified(request, LastChange.of(page.items()))) {
            return null;
        }
        String path = Cursor.pageUrl(author.url(), cursor);
        String description = author.jobTitle().isBlank() ? author.name() : author.name() + ", " + author.jobTitle();
        Set<SurrogateKey> keys = new LinkedHashSet<>(List.of(SurrogateKey.author(author.id()), SurrogateKey.SITE));
        keys.addAll(PublishedArticles.keysOf(page.items()));
        caching.tag(request, keys);
        Site site = layouts.site();
        Map<String, Object> person = JsonLd.thing("Person");
        person.put("name", author.name());
        person.put("jobTitle", author.jobTitle());
        person.put("description", author.bio());
        person.put("url", site.absolute(author.url()));
        person.put("image", author.avatarUrl() == null ? null : site.absolute(author.avatarUrl()));
        person.put("sameAs", author.links().stream().map(Author.AuthorLink::url).toList());
        Map<String, Object> profile = JsonLd.node("ProfilePage");
        profile.put("url", site.absolute(author.url()));
        profile.put("mainEntity", person);
        return Pages.view("reader/author", new AuthorPage(layouts.page(author.name(), description, path, null)
                        .withFeeds(author.name(), author.url() + "/feed")
                        .withMeta(List.of(Layout.MetaTag.property("og:type", "profile")))
                        .withJsonLd(JsonLd.script(profile)),
                author, page, cursor != null));
    }
}
