package org.masthead.author;

import org.masthead.article.ArticleSummary;
import org.masthead.article.Articles;
import org.masthead.article.Cursor;
import org.masthead.article.LastChange;
import org.masthead.article.Slice;
import org.masthead.system.HttpCaching;
import org.masthead.system.Layouts;
import org.masthead.system.NotFoundException;
import org.masthead.system.Pages;
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
    private final Articles articles;
    private final Layouts layouts;
    private final HttpCaching caching;

    AuthorController(Authors authors, Articles articles, Layouts layouts, HttpCaching caching) {
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
        Slice<ArticleSummary> page = articles.latestByAuthor(author.id(), cursor, PAGE_SIZE);
        if (caching.isNotModified(request, LastChange.of(page.items()))) {
            return null;
        }
        String path = Cursor.pageUrl(author.url(), cursor);
        String description = author.jobTitle().isBlank() ? author.name() : author.name() + ", " + author.jobTitle();
        caching.tag(request, java.util.List.of("author-" + author.id()));
        org.masthead.system.Site site = layouts.site();
        java.util.Map<String, Object> person = org.masthead.system.JsonLd.thing("Person");
        person.put("name", author.name());
        person.put("jobTitle", author.jobTitle());
        person.put("description", author.bio());
        person.put("url", site.absolute(author.url()));
        person.put("image", author.avatarUrl() == null ? null : site.absolute(author.avatarUrl()));
        person.put("sameAs", author.links().stream().map(Author.AuthorLink::url).toList());
        java.util.Map<String, Object> profile = org.masthead.system.JsonLd.node("ProfilePage");
        profile.put("url", site.absolute(author.url()));
        profile.put("mainEntity", person);
        return Pages.view("author/show", new AuthorPage(layouts.page(author.name(), description, path, null)
                        .withFeeds(author.name(), author.url() + "/feed")
                        .withMeta(java.util.List.of(org.masthead.system.Layout.MetaTag.property("og:type", "profile")))
                        .withJsonLd(org.masthead.system.JsonLd.script(profile)),
                author, page, cursor != null));
    }
}
