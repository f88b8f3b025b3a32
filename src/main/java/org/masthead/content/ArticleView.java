package org.masthead.content;

import java.time.Instant;
import java.util.List;

/**
 * Everything an article page (or a static page) shows of a published article.
 *
 * @param seo              what search engines and social networks show, where it differs from the article's own
 * @param socialImageUrl   the social networks' picture (its own, or the lead image), or null
 * @param twitterImageUrl  X/Twitter's picture, or null to use {@code socialImageUrl}
 */
public record ArticleView(long id, ArticleKind kind, String slug, String headline, String standfirst, SectionRef section,
                          List<Byline> bylines, Picture image, String bodyHtml, int readingMinutes,
                          List<TagRef> tags, String language, Instant publishedAt, Instant updatedAt,
                          List<Correction> corrections, String excerpt, Seo seo, String socialImageUrl,
                          String twitterImageUrl) {

    public static String urlOf(String slug) {
        return "/articles/" + slug;
    }

    public String url() {
        return kind == ArticleKind.PAGE ? "/" + slug : urlOf(slug);
    }

    ArticleView with(List<Byline> bylines, List<TagRef> tags, List<Correction> corrections) {
        return new ArticleView(id, kind, slug, headline, standfirst, section, List.copyOf(bylines), image, bodyHtml,
                readingMinutes, List.copyOf(tags), language, publishedAt, updatedAt, List.copyOf(corrections), excerpt, seo,
                socialImageUrl, twitterImageUrl);
    }

    /** A draft shown as it would appear: dated now, since it has no publication time yet. */
    ArticleView asIfPublished() {
        return publishedAt != null ? this : new ArticleView(id, kind, slug, headline.isBlank() ? "Untitled draft" : headline,
                standfirst, section, bylines, image, bodyHtml, readingMinutes, tags, language, updatedAt, updatedAt,
                corrections, excerpt, seo, socialImageUrl, twitterImageUrl);
    }

    /** The title search engines show: the search title when one is set. */
    public String searchTitle() {
        return seo.metaTitle().isBlank() ? headline : seo.metaTitle();
    }

    /** The description search engines show: the search description, else the standfirst, else the opening words. */
    public String searchDescription() {
        return !seo.metaDescription().isBlank() ? seo.metaDescription() : standfirst != null ? standfirst : excerpt;
    }

    public String socialTitle() {
        return seo.ogTitle().isBlank() ? headline : seo.ogTitle();
    }

    public String socialDescription() {
        return !seo.ogDescription().isBlank() ? seo.ogDescription() : searchDescription();
    }

    public String twitterTitle() {
        return seo.twitterTitle().isBlank() ? socialTitle() : seo.twitterTitle();
    }

    public String twitterDescription() {
        return seo.twitterDescription().isBlank() ? socialDescription() : seo.twitterDescription();
    }

    public boolean wasUpdated() {
        return updatedAt.isAfter(publishedAt);
    }

    public List<String> tagNames() {
        return tags.stream().map(TagRef::name).toList();
    }
}
