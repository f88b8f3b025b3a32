package org.masthead.reader;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.masthead.content.ArticleSummary;
import org.masthead.content.Cursor;
import org.masthead.content.PublishedArticles;
import org.masthead.content.Section;
import org.masthead.content.Sections;
import org.masthead.content.Slice;
import org.masthead.system.HttpCaching;
import org.masthead.system.Layouts;
import org.masthead.system.NotFoundException;
import org.masthead.system.Pages;
import org.masthead.system.SurrogateKey;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

@Controller
class SectionController {

    static final int PAGE_SIZE = 12;

    private final Sections sections;
    private final PublishedArticles articles;
    private final Layouts layouts;
    private final HttpCaching caching;

    SectionController(Sections sections, PublishedArticles articles, Layouts layouts, HttpCaching caching) {
        this.sections = sections;
        this.articles = articles;
        this.layouts = layouts;
        this.caching = caching;
    }

    @GetMapping("/sections/{slug}")
    ModelAndView show(@PathVariable String slug, @RequestParam(required = false) String before,
                      ServletWebRequest request) {
        Section section = sections.findBySlug(slug).orElseThrow(() -> new NotFoundException("No section " + slug));
        Cursor cursor = Cursor.parse(before);
        Slice<ArticleSummary> page = articles.inSection(section.id(), cursor, PAGE_SIZE);
        if (caching.isNotModified(request, LastChange.of(page.items()))) {
            return null;
        }
        String path = Cursor.pageUrl(section.url(), cursor);
        String description = section.description().isBlank() ? null : section.description();
        Set<SurrogateKey> keys = new LinkedHashSet<>(List.of(SurrogateKey.section(section.id()), SurrogateKey.SITE));
        keys.addAll(PublishedArticles.keysOf(page.items()));
        caching.tag(request, keys);
        return Pages.view("reader/section", new SectionPage(
                layouts.page(section.name(), description, path, "section:" + section.slug())
                        .withFeeds(section.name(), section.url() + "/feed"),
                section, page, cursor != null));
    }
}
