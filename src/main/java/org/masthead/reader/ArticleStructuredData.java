package org.masthead.reader;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.masthead.content.ArticleView;
import org.masthead.content.Picture;
import org.masthead.system.JsonLd;
import org.masthead.system.Layout.MetaTag;
import org.masthead.system.Site;

/**
 * What search engines and social networks read from an article page: schema.org NewsArticle with its
 * breadcrumb trail, and Open Graph / Twitter card tags.
 */
final class ArticleStructuredData {

    private ArticleStructuredData() {
    }

    static String newsArticle(ArticleView article, Site site) {
        return JsonLd.script(newsArticleNode(article, site));
    }

    /** A live blog is a LiveBlogPosting (Google's LIVE badge): the article's facts plus coverage times and entries. */
    static String liveBlogPosting(ArticleView article, org.masthead.live.LiveCoverage live, Site site) {
        return JsonLd.script(org.masthead.live.LiveStructuredData.liveBlogPosting(newsArticleNode(article, site), live,
                site, site.absolute(article.url())));
    }

    static Map<String, Object> newsArticleNode(ArticleView article, Site site) {
        Map<String, Object> node = JsonLd.node("NewsArticle");
        node.put("headline", article.headline());
        node.put("description", description(article));
        if (article.image() != null) {
            node.put("image", article.image().atLeast(1200).stream().map(source -> {
                Map<String, Object> image = JsonLd.thing("ImageObject");
                image.put("url", site.absolute(source.url()));
                image.put("width", source.width());
                image.put("height", Math.round((double) source.width() * article.image().height() / article.image().width()));
                image.put("caption", article.image().caption());
                image.put("creditText", article.image().credit());
                return image;
            }).toList());
        }
        node.put("datePublished", site.iso(article.publishedAt()));
        node.put("dateModified", site.iso(article.updatedAt()));
        node.put("author", article.bylines().stream().map(byline -> {
            Map<String, Object> person = JsonLd.thing("Person");
            person.put("name", byline.name());
            person.put("url", site.absolute(byline.url()));
            person.put("jobTitle", byline.jobTitle());
            return person;
        }).toList());
        node.put("publisher", publisher(site));
        node.put("articleSection", article.section().name());
        node.put("keywords", article.tagNames());
        node.put("inLanguage", article.language());
        node.put("isAccessibleForFree", true);
        node.put("mainEntityOfPage", site.absolute(article.url()));
        node.put("url", site.absolute(article.url()));
        node.put("correction", article.corrections().stream().map(correction -> {
            Map<String, Object> comment = JsonLd.thing("CorrectionComment");
            comment.put("text", correction.text());
            comment.put("datePublished", site.iso(correction.publishedAt()));
            return comment;
        }).toList());
        return node;
    }

    static String breadcrumbs(ArticleView article, Site site) {
        Map<String, Object> list = JsonLd.node("BreadcrumbList");
        list.put("itemListElement", List.of(crumb(1, site.name(), site.absolute("/")),
                crumb(2, article.section().name(), site.absolute(article.section().url())),
                crumb(3, article.headline(), site.absolute(article.url()))));
        return JsonLd.script(list);
    }

    static List<MetaTag> socialCards(ArticleView article, Site site) {
        List<MetaTag> tags = new ArrayList<>();
        tags.add(MetaTag.property("og:type", "article"));
        tags.add(MetaTag.property("og:title", article.socialTitle()));
        tags.add(MetaTag.property("og:description", article.socialDescription()));
        if (article.seo().ogImageId() != null && article.socialImageUrl() != null) {
            tags.add(MetaTag.property("og:image", site.absolute(article.socialImageUrl())));
            tags.add(MetaTag.name("twitter:image", site.absolute(article.twitterImageUrl() != null ? article.twitterImageUrl()
                    : article.socialImageUrl())));
        } else if (article.image() != null) {
            Picture.Source large = article.image().atLeast(1200).get(0);
            tags.add(MetaTag.property("og:image", site.absolute(large.url())));
            tags.add(MetaTag.property("og:image:width", String.valueOf(large.width())));
            tags.add(MetaTag.property("og:image:height",
                    String.valueOf(Math.round((double) large.width() * article.image().height() / article.image().width()))));
            tags.add(MetaTag.property("og:image:alt", article.image().alt()));
            tags.add(MetaTag.name("twitter:image", site.absolute(article.twitterImageUrl() != null ? article.twitterImageUrl()
                    : large.url())));
        } else if (article.twitterImageUrl() != null) {
            tags.add(MetaTag.name("twitter:image", site.absolute(article.twitterImageUrl())));
        }
        tags.add(MetaTag.property("article:published_time", site.iso(article.publishedAt())));
        tags.add(MetaTag.property("article:modified_time", site.iso(article.updatedAt())));
        if (article.section() != null) {
            tags.add(MetaTag.property("article:section", article.section().name()));
        }
        article.tagNames().forEach(tag -> tags.add(MetaTag.property("article:tag", tag)));
        article.bylines().forEach(byline -> tags.add(MetaTag.property("article:author", site.absolute(byline.url()))));
        tags.add(MetaTag.name("twitter:card", "summary_large_image"));
        tags.add(MetaTag.name("twitter:title", article.twitterTitle()));
        tags.add(MetaTag.name("twitter:description", article.twitterDescription()));
        return tags;
    }

    static Map<String, Object> publisher(Site site) {
        Map<String, Object> publisher = JsonLd.thing("NewsMediaOrganization");
        publisher.put("name", site.publicationName());
        publisher.put("url", site.absolute("/"));
        if (site.logoUrl() != null) {
            Map<String, Object> logo = JsonLd.thing("ImageObject");
            logo.put("url", site.absolute(site.logoUrl()));
            publisher.put("logo", logo);
        }
        return publisher;
    }

    private static String description(ArticleView article) {
        return article.searchDescription();
    }

    private static Map<String, Object> crumb(int position, String name, String url) {
        Map<String, Object> item = JsonLd.thing("ListItem");
        item.put("position", position);
        item.put("name", name);
        item.put("item", url);
        return item;
    }
}
