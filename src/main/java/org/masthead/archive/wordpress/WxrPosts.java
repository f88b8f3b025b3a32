package org.masthead.archive.wordpress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.masthead.archive.source.SourceAuthor;
import org.masthead.archive.source.SourceImage;
import org.masthead.archive.source.SourcePost;
import org.masthead.archive.source.SourcePost.Kind;
import org.masthead.archive.source.SourcePost.Meta;
import org.masthead.archive.source.SourcePost.SourceBody;
import org.masthead.archive.source.SourcePost.Status;
import org.masthead.archive.source.SourceTerm;

/** Maps one WordPress post or page item to a {@link SourcePost}, with what the first pass learnt about the file. */
final class WxrPosts {

    private final WxrIndex index;

    WxrPosts(WxrIndex index) {
        this.index = index;
    }

    SourcePost post(WxrItem item, Kind kind) {
        List<String> warnings = new ArrayList<>();
        long id = item.id();
        String title = WordPressText.title(item.raw("title"));
        Instant postDate = firstOf(WordPressText.mysqlDate(item.field("wp:post_date_gmt")),
                WordPressText.mysqlDate(item.field("wp:post_date")));
        Instant modified = firstOf(WordPressText.mysqlDate(item.field("wp:post_modified_gmt")),
                WordPressText.mysqlDate(item.field("wp:post_modified")));
        Status status;
        Instant publishedAt = null;
        switch (item.status()) {
            case "publish" -> {
                status = Status.PUBLISHED;
                publishedAt = postDate;
                if (publishedAt == null) {
                    publishedAt = firstOf(WordPressText.rssDate(item.field("pubDate")), modified);
                    warnings.add(publishedAt == null ? "The export gives no publication date."
                            : "The export gives no publication date; the " + (WordPressText.rssDate(item.field("pubDate")) != null
                            ? "feed date" : "last modification date") + " is used.");
                }
            }
            case "future" -> {
                status = postDate == null ? Status.DRAFT : Status.SCHEDULED;
                publishedAt = postDate;
                if (postDate == null) {
                    warnings.add("Scheduled in WordPress without a date; imported as a draft.");
                }
            }
            case "pending" -> status = Status.IN_REVIEW;
            case "draft" -> status = Status.DRAFT;
            case "private" -> {
                status = Status.DRAFT;
                warnings.add("Private in WordPress; imported as a draft.");
            }
            default -> {
                status = Status.DRAFT;
                warnings.add("Status \"" + item.status() + "\" in WordPress; imported as a draft.");
            }
        }
        if (!item.field("wp:post_password").isEmpty()) {
            // a password kept it from the public; publishing it without one is the editors' decision
            status = Status.DRAFT;
            warnings.add("Password-protected in WordPress; imported as a draft.");
        }
        GutenbergHtml.Result body = GutenbergHtml.convert(item.raw("content:encoded"), id, index, item.meta().get("footnotes"));
        warnings.addAll(body.warnings());
        Terms terms = terms(item);
        return new SourcePost("wp-post:" + id, null, null, kind, status, slug(item), title, SourceBody.html(body.html()),
                WordPressText.plainText(item.raw("excerpt:encoded")), publishedAt, firstOf(postDate, publishedAt), modified,
                bylines(item),
                terms.tags(), kind == Kind.ARTICLE ? terms.section() : null, featureImage(item, warnings),
                item.field("wp:is_sticky").equals("1"), meta(item), index.language(), oldPaths(item, kind), item.comments(),
                warnings);
    }

    private static String slug(WxrItem item) {
        String slug = WordPressText.decodeSlug(item.field("wp:post_name"));
        return slug == null || slug.isBlank() ? null : slug;
    }

    /**
     * Co-Authors Plus bylines ({@code <category domain="author" nicename="cap-jdoe">}) in the file's order, else
     * the post's author ({@code dc:creator}, a login). Each is the channel's author when it is one of them.
     */
    private List<SourceAuthor> bylines(WxrItem item) {
        Map<String, SourceAuthor> bylines = new LinkedHashMap<>();
        for (WxrItem.Term term : item.terms()) {
            if (!term.domain().equals("author")) {
                continue;
            }
            String name = WordPressText.name(term.name());
            String slug = WordPressText.decodeSlug(term.nicename()).replaceFirst("^cap-", "");
            if (slug.isBlank()) {
                slug = WordPressText.nicename(name);
            }
            if (slug.isBlank() || bylines.containsKey(slug)) {
                continue;
            }
            String byline = slug;
            bylines.put(slug, index.author(slug).or(() -> index.author(name))
                    .orElseGet(() -> SourceAuthor.named("wp-author:" + byline, byline, name)));
        }
        if (bylines.isEmpty()) {
            String login = WordPressText.name(item.field("dc:creator"));
            if (!login.isEmpty()) {
                bylines.put(login, index.author(login)
                        .orElseGet(() -> SourceAuthor.named("wp-author:" + login, WordPressText.nicename(login), login)));
            }
        }
        return List.copyOf(bylines.values());
    }

    private record Terms(SourceTerm section, List<SourceTerm> tags) {
    }

    /**
     * The section is the top-level ancestor of the first category; every other category — the first one's own
     * child level included — becomes a tag, then come the post's tags.
     */
    private Terms terms(WxrItem item) {
        SourceTerm section = null;
        Map<String, SourceTerm> tags = new LinkedHashMap<>();
        List<SourceTerm> postTags = new ArrayList<>();
        for (WxrItem.Term term : item.terms()) {
            String slug = WxrIndex.slug(term.nicename(), term.name());
            if (slug.isEmpty()) {
                continue;
            }
            if (term.domain().equals("category")) {
                if (section == null) {
                    section = index.section(index.root(slug));
                }
                if (!slug.equals(section.slug()) && !slug.equals("uncategorized")) {
                    tags.putIfAbsent("wp-tag:" + slug, index.categoryAsTag(slug, WordPressText.name(term.name())));
                }
            } else if (term.domain().equals("post_tag") || term.domain().equals("tag")) { // "tag": WXR 1.0
                postTags.add(index.tag(slug, WordPressText.name(term.name())));
            }
        }
        for (SourceTerm tag : postTags) {
            tags.putIfAbsent(tag.key(), tag);
        }
        return new Terms(section, List.copyOf(tags.values()));
    }

    private SourceImage featureImage(WxrItem item, List<String> warnings) {
        String thumbnail = item.meta().getOrDefault("_thumbnail_id", "").strip();
        long id = WxrItem.number(thumbnail);
        if (id <= 0) {
            return null;
        }
        Optional<WxrAttachment> attachment = index.byId(id).filter(found -> found.url() != null && !found.url().isBlank());
        if (attachment.isEmpty()) {
            warnings.add("Featured image " + id + " is not in the file.");
            return null;
        }
        return new SourceImage(attachment.get().url(), attachment.get().alt(), attachment.get().caption(), null);
    }

    /** Yoast SEO's overrides; a value holding Yoast variables (%%title%%) is a template, not a text, and is left out. */
    private static Meta meta(WxrItem item) {
        Map<String, String> meta = item.meta();
        Meta result = new Meta(yoast(meta, "title"), yoast(meta, "metadesc"), yoast(meta, "opengraph-title"),
                yoast(meta, "opengraph-description"), yoast(meta, "opengraph-image"), yoast(meta, "twitter-title"),
                yoast(meta, "twitter-description"), yoast(meta, "twitter-image"), yoast(meta, "canonical"));
        return result.equals(Meta.NONE) ? Meta.NONE : result;
    }

    private static String yoast(Map<String, String> meta, String field) {
        String value = WordPressText.name(meta.get("_yoast_wpseo_" + field));
        return value.isBlank() || value.contains("%%") ? null : value;
    }

    /**
     * Where the post answered on the old site: its permalink relative to the blog's address, and WordPress's
     * ever-working {@code /?p=ID} (pages: {@code /?page_id=ID}).
     */
    private List<String> oldPaths(WxrItem item, Kind kind) {
        Set<String> paths = new LinkedHashSet<>();
        String permalink = relative(item.field("link"));
        if (permalink != null) {
            paths.add(permalink);
        }
        paths.add((kind == Kind.PAGE ? "/?page_id=" : "/?p=") + item.id());
        return List.copyOf(paths);
    }

    private String relative(String link) {
        String address = link.replaceAll("#.*$", "").strip();
        if (address.isEmpty()) {
            return null;
        }
        String path = null;
        if (address.startsWith("/") && !address.startsWith("//")) {
            path = address;
        } else {
            for (String base : index.baseUrls()) {
                String bare = withoutScheme(base);
                String candidate = withoutScheme(address);
                if (candidate.startsWith(bare) && (candidate.length() == bare.length()
                        || "/?".indexOf(candidate.charAt(bare.length())) >= 0)) {
                    path = candidate.substring(bare.length());
                    path = path.startsWith("/") ? path : "/" + path;
                    break;
                }
            }
        }
        return path == null || path.equals("/") || !path.startsWith("/") ? null : path;
    }

    private static String withoutScheme(String url) {
        return url.replaceFirst("(?i)^https?://", "").replaceFirst("(?i)^www\\.", "");
    }

    @SafeVarargs
    private static <T> T firstOf(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
