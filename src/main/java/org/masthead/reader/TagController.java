package org.masthead.reader;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.masthead.content.ArticleSummary;
import org.masthead.content.Cursor;
import org.masthead.content.PublishedArticles;
import org.masthead.content.Slice;
import org.masthead.content.Tag;
import org.masthead.content.Tags;
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
class TagController {

    static final int PAGE_SIZE = 12;

    private final Tags tags;
    private final PublishedArticles articles;
    private final Layouts layouts;
    private final HttpCaching caching;

    TagController(Tags tags, PublishedArticles articles, Layouts layouts, HttpCaching caching) {
        this.tags = tags;
        this.articles = articles;
        this.layouts = layouts;
        this.caching = caching;
    }

    @GetMapping("/tags/{slug}")
    ModelAndView show(@PathVariable String slug, @RequestParam(required = false) String before,
                      ServletWebRequest request) {
        Tag tag = tags.findBySlug(slug).filter(found -> !found.isInternal())
                .orElseThrow(() -> new NotFoundException("No tag " + slug));
        Cursor cursor = Cursor.parse(before);
        Slice<ArticleSummary> page = articles.withTag(tag.id(), cursor, PAGE_SIZE);
        if (page.isEmpty() && cursor == null) {
            throw new NotFoundException("No published story carries the tag " + slug); // a tag on drafts only is not public
        }
        if (caching.isNotModified(request, LastChange.of(page.items()))) {
            return null;
        }
        String path = Cursor.pageUrl(tag.url(), cursor);
        Set<SurrogateKey> keys = new LinkedHashSet<>(List.of(SurrogateKey.tag(tag.slug()), SurrogateKey.SITE));
        keys.addAll(PublishedArticles.keysOf(page.items()));
        caching.tag(request, keys);
        String description = tag.description().isBlank() ? "Stories about " + tag.name() + "." : tag.description();
        return Pages.view("reader/tag", new TagPage(layouts.page(tag.name(), description, path, null)
                .withFeeds(tag.name(), tag.url() + "/feed"), tag, page, cursor != null));
    }
}
