package org.masthead.archive.ghost;

import static org.masthead.archive.ghost.GhostJson.nonBlank;
import static org.masthead.archive.ghost.GhostJson.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.masthead.archive.ghost.GhostExportIndex.PostsMeta;
import org.masthead.archive.source.SourceAuthor;
import org.masthead.archive.source.SourceImage;
import org.masthead.archive.source.SourcePost;
import org.masthead.archive.source.SourcePost.Kind;
import org.masthead.archive.source.SourcePost.Meta;
import org.masthead.archive.source.SourcePost.SourceBody;
import org.masthead.archive.source.SourcePost.Status;
import org.masthead.archive.source.SourceTerm;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One row of Ghost's posts table, joined with what the index holds about it, as a {@link SourcePost}. Columns of every
 * Ghost version are read: {@code type} or the older {@code page} flag, posts_meta or the older meta columns on the
 * post, html or else mobiledoc or else lexical; and Masthead's own columns when a Masthead export wrote them.
 */
final class GhostPostMapper {

    private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-fA-F]{24}");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final GhostExportIndex index;

    GhostPostMapper(GhostExportIndex index) {
        this.index = index;
    }

    /** The key a post is known by in this archive: its Ghost id, which every relation table uses too. */
    static String key(JsonNode post) {
        String id = text(post, "id");
        String uuid = text(post, "uuid");
        return "ghost-post:" + (id != null ? id : uuid != null ? uuid : "slug:" + text(post, "slug"));
    }

    SourcePost map(JsonNode post) {
        List<String> warnings = new ArrayList<>();
        noteWhatIsDropped(post, warnings);
        String id = text(post, "id");
        String uuid = text(post, "uuid");
        String slug = nonBlank(post, "slug");
        String ghostStatus = Objects.toString(text(post, "status"), "").strip().toLowerCase(Locale.ROOT);
        Kind kind = kind(post, warnings);
        Status status = status(ghostStatus, text(post, "masthead_status"), warnings);
        SourceBody body = body(post, warnings);
        Instant publishedAt = GhostDates.instant(post, "published_at", warnings);
        Instant createdAt = GhostDates.instant(post, "created_at", warnings);
        Instant updatedAt = GhostDates.instant(post, "updated_at", warnings);
        List<SourceAuthor> authors = authors(id, post, warnings);
        List<SourceTerm> tags = tags(id, warnings);
        SourceTerm section = section(post, warnings);
        List<String> oldPaths = oldPaths(post, slug, ghostStatus, warnings);
        return new SourcePost(key(post), id != null && OBJECT_ID.matcher(id).matches() ? id : null,
                uuid != null && UUID.matcher(uuid).matches() ? uuid : null, kind, status, slug, text(post, "title"), body,
                text(post, "custom_excerpt"), publishedAt, createdAt, updatedAt, authors, tags, section,
                featureImage(id, post), GhostJson.flag(post, "featured"), meta(id, post), nonBlank(post, "locale"),
                oldPaths, index.commentCounts.getOrDefault(id, 0), warnings);
    }

    private static Kind kind(JsonNode post, List<String> warnings) {
        String type = nonBlank(post, "type");
        if (type == null) {
            return GhostJson.flag(post, "page") ? Kind.PAGE : Kind.ARTICLE; // Ghost before 3.0: page true/false
        }
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "page" -> Kind.PAGE;
            case "post" -> Kind.ARTICLE;
            default -> {
                warnings.add("its type \"" + type + "\" is not one Ghost knows: imported as an article");
                yield Kind.ARTICLE;
            }
        };
    }

    /** Ghost's status, or the finer one a Masthead export keeps beside it (Ghost knows no "in review"). */
    private static Status status(String status, String mastheadStatus, List<String> warnings) {
        if (mastheadStatus != null) {
            switch (mastheadStatus.strip().toLowerCase(Locale.ROOT)) {
                case "in_review" -> {
                    return Status.IN_REVIEW;
                }
                case "published" -> {
                    return Status.PUBLISHED;
                }
                case "scheduled" -> {
                    return Status.SCHEDULED;
                }
                case "draft", "unpublished" -> {
                    return Status.DRAFT; // an unpublished article comes back as a draft: it has no public address
                }
                default -> {
                    // not Masthead's: Ghost's own status decides
                }
            }
        }
        return switch (status) {
            case "published", "sent" -> Status.PUBLISHED; // "sent": a newsletter that went out by email (Ghost 5+)
            case "scheduled" -> Status.SCHEDULED;
            case "draft" -> Status.DRAFT;
            default -> {
                warnings.add(status.isEmpty() ? "it has no status: imported as a draft"
                        : "its status \"" + status + "\" is not one Ghost knows: imported as a draft");
                yield Status.DRAFT;
            }
        };
    }

    /**
     * Masthead's own source when a Masthead export wrote it (so a round trip keeps the body exactly), else Ghost's
     * html, else its mobiledoc rendered, else its Lexical JSON as it is, else the Markdown of Ghost 0.x.
     */
    private static SourceBody body(JsonNode post, List<String> warnings) {
        String mastheadSource = text(post, "masthead_body_source");
        if (mastheadSource != null) {
            String format = Objects.toString(text(post, "masthead_body_format"), "").strip().toLowerCase(Locale.ROOT);
            switch (format) {
                case "markdown" -> {
                    return new SourceBody(mastheadSource, SourceBody.Format.MARKDOWN);
                }
                case "blocks" -> {
                    return new SourceBody(mastheadSource, SourceBody.Format.BLOCKS);
                }
                case "html" -> {
                    return SourceBody.html(mastheadSource);
                }
                default -> warnings.add("its Masthead body format \"" + format + "\" is unknown: Ghost's body was used");
            }
        }
        String html = nonBlank(post, "html");
        if (html != null) {
            return SourceBody.html(html);
        }
        MobiledocHtml.Rendered mobiledoc = mobiledoc(post.path("mobiledoc"));
        if (mobiledoc != null && !mobiledoc.html().isBlank()) {
            warnings.addAll(mobiledoc.warnings());
            return SourceBody.html(mobiledoc.html());
        }
        JsonNode lexical = post.path("lexical");
        if (lexical.isObject() || (lexical.isString() && !lexical.stringValue().isBlank())) {
            String json = lexical.isObject() ? lexical.toString() : lexical.stringValue();
            return new SourceBody(json, SourceBody.Format.LEXICAL);
        }
        String markdown = nonBlank(post, "markdown");
        if (markdown != null) {
            return new SourceBody(markdown, SourceBody.Format.MARKDOWN);
        }
        if (mobiledoc != null) {
            warnings.addAll(mobiledoc.warnings());
        }
        return SourceBody.html("");
    }

    private static MobiledocHtml.Rendered mobiledoc(JsonNode mobiledoc) {
        if (mobiledoc.isObject()) {
            return MobiledocHtml.renderWithWarnings(mobiledoc);
        }
        if (mobiledoc.isString() && !mobiledoc.stringValue().isBlank()) {
            return MobiledocHtml.renderWithWarnings(mobiledoc.stringValue());
        }
        return null;
    }

    private List<SourceAuthor> authors(String postId, JsonNode post, List<String> warnings) {
        List<SourceAuthor> authors = new ArrayList<>();
        for (String userId : index.authorIds(postId, text(post, "author_id"))) {
            SourceAuthor author = index.users.get(userId);
            if (author == null) {
                warnings.add("its author " + userId + " is not in the export: kept as a byline without a profile");
                author = SourceAuthor.named("ghost-user:" + userId, null, null);
            }
            if (!authors.contains(author)) {
                authors.add(author);
            }
        }
        return authors;
    }

    private List<SourceTerm> tags(String postId, List<String> warnings) {
        List<SourceTerm> tags = new ArrayList<>();
        for (String tagId : index.tagIds(postId)) {
            SourceTerm tag = index.tags.get(tagId);
            if (tag == null) {
                warnings.add("its tag " + tagId + " is not in the export, so it was left out");
            } else if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        return tags;
    }

    private SourceTerm section(JsonNode post, List<String> warnings) {
        String sectionId = text(post, "masthead_section_id");
        if (sectionId == null) {
            return null;
        }
        SourceTerm section = index.sections.get(sectionId);
        if (section == null) {
            warnings.add("its section " + sectionId + " is not in the export: it goes to the default section");
        }
        return section;
    }

    /** The feature image with its alt text and caption (posts_meta since Ghost 4.x) and credit (Masthead's). */
    private SourceImage featureImage(String postId, JsonNode post) {
        String url = nonBlank(post, "feature_image") != null ? text(post, "feature_image") : nonBlank(post, "image");
        if (url == null) {
            return null;
        }
        PostsMeta meta = index.postsMeta.get(postId);
        String alt = meta != null && meta.featureImageAlt() != null ? meta.featureImageAlt()
                : nonBlank(post, "feature_image_alt");
        String caption = meta != null && meta.featureImageCaption() != null ? meta.featureImageCaption()
                : nonBlank(post, "feature_image_caption");
        return new SourceImage(url, alt, caption, text(post, "masthead_feature_image_credit"));
    }

    /** Search and social fields from posts_meta (Ghost 3+), else from the post's own columns (Ghost 1 and 2). */
    private Meta meta(String postId, JsonNode post) {
        PostsMeta meta = index.postsMeta.get(postId);
        Meta merged = new Meta(
                either(meta == null ? null : meta.metaTitle(), post, "meta_title"),
                either(meta == null ? null : meta.metaDescription(), post, "meta_description"),
                either(meta == null ? null : meta.ogTitle(), post, "og_title"),
                either(meta == null ? null : meta.ogDescription(), post, "og_description"),
                either(meta == null ? null : meta.ogImage(), post, "og_image"),
                either(meta == null ? null : meta.twitterTitle(), post, "twitter_title"),
                either(meta == null ? null : meta.twitterDescription(), post, "twitter_description"),
                either(meta == null ? null : meta.twitterImage(), post, "twitter_image"),
                nonBlank(post, "canonical_url"));
        return merged.equals(Meta.NONE) ? Meta.NONE : merged;
    }

    private static String either(String fromPostsMeta, JsonNode post, String column) {
        return fromPostsMeta != null ? fromPostsMeta : nonBlank(post, column);
    }

    /**
     * Where the post answered on the Ghost site: {@code /slug/} under Ghost's default routes, for posts and pages that
     * were public (a draft or an email-only post had no address); and those a Masthead export listed.
     */
    private static List<String> oldPaths(JsonNode post, String slug, String status, List<String> warnings) {
        Set<String> paths = new LinkedHashSet<>();
        if (slug != null && status.equals("published")) {
            paths.add("/" + slug + "/");
        }
        JsonNode listed = post.path("masthead_old_paths");
        if (listed.isString()) {
            try {
                listed = GhostJson.MAPPER.readTree(listed.stringValue());
            } catch (JacksonException e) {
                warnings.add("its masthead_old_paths is not a JSON list, so its old addresses were left out");
                return List.copyOf(paths);
            }
        }
        for (JsonNode path : listed) {
            String value = path.isString() ? path.stringValue().strip() : "";
            if (value.startsWith("/")) {
                paths.add(value);
            } else {
                warnings.add("its old address \"" + path.asString("") + "\" is not site-relative, so it was left out");
            }
        }
        // a Masthead export's earlier slugs: their addresses on the old Masthead keep redirecting on the new one
        for (JsonNode old : post.path("masthead_slug_history")) {
            String value = old.isString() ? old.stringValue().strip() : "";
            if (value.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                paths.add("/articles/" + value);
            }
        }
        return List.copyOf(paths);
    }

    /** Ghost features Masthead does not have, named in the report so nobody is surprised by their absence. */
    private static void noteWhatIsDropped(JsonNode post, List<String> warnings) {
        String visibility = nonBlank(post, "visibility");
        if (visibility != null && !visibility.equals("public")) {
            warnings.add("it was for " + visibility + " members only in Ghost: it is public now");
        }
        if (nonBlank(post, "codeinjection_head") != null || nonBlank(post, "codeinjection_foot") != null) {
            warnings.add("its code injection (scripts and styles for this post) was left out");
        }
    }
}
