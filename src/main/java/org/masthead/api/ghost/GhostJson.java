package org.masthead.api.ghost;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.masthead.content.ArticleKind;
import org.masthead.content.ArticleView;
import org.masthead.content.Tag;
import org.masthead.identity.StaffAccounts;
import org.masthead.identity.StaffMember;
import org.masthead.identity.StaffRole;
import org.masthead.media.MediaUrls;
import org.masthead.system.Site;
import org.masthead.system.SiteSettings;
import org.springframework.stereotype.Component;

/**
 * Masthead's articles, pages, bylines and tags in the shapes Ghost's APIs return, field for field (see
 * {@code docs/ghost-api.md}): the Content API's public view with {@code +00:00} dates, the Admin API's with
 * status, emails and roles and {@code Z} dates. Masthead adds {@code feature_image_credit} and {@code section} to
 * posts, {@code live} (and the entries in {@code html}) to live blogs, and {@code job_title} to authors.
 */
@Component
public class GhostJson {

    /** How to show a post: for which API, with which relations, body formats and (when asked) only which fields. */
    public record View(boolean admin, Set<String> include, Set<String> formats, Set<String> fields,
                       Function<PostRow, String> lexical) {

        public GhostDates dates() {
            return admin ? GhostDates.ADMIN : GhostDates.CONTENT;
        }

        boolean wantsFormat(String format) {
            if (fields.contains(format)) {
                return true;
            }
            return formats.isEmpty() ? (admin ? "lexical".equals(format) : "html".equals(format)) : formats.contains(format);
        }
    }

    private static final Map<StaffRole, String> ROLE_NAMES = Map.of(StaffRole.ADMINISTRATOR, "Administrator",
            StaffRole.EDITOR, "Editor", StaffRole.REPORTER, "Author", StaffRole.CONTRIBUTOR, "Contributor");
    private static final Map<StaffRole, String> ROLE_IDS = Map.of(StaffRole.ADMINISTRATOR, "5f0c1b2a0000000000000004",
            StaffRole.EDITOR, "5f0c1b2a0000000000000003", StaffRole.REPORTER, "5f0c1b2a0000000000000002",
            StaffRole.CONTRIBUTOR, "5f0c1b2a0000000000000001");
    private static final Map<StaffRole, String> ROLE_DESCRIPTIONS = Map.of(StaffRole.ADMINISTRATOR, "Administrators",
            StaffRole.EDITOR, "Editors", StaffRole.REPORTER, "Authors", StaffRole.CONTRIBUTOR, "Contributors");
    private static final int EXCERPT_LENGTH = 500;

    private final SiteSettings site;
    private final MediaUrls media;
    private final StaffAccounts staff;

    GhostJson(SiteSettings site, MediaUrls media, StaffAccounts staff) {
        this.site = site;
        this.media = media;
        this.staff = staff;
    }

    public Site site() {
        return site.current();
    }

    /** The staff account behind each byline, for the Admin API's emails and roles. */
    public Map<Long, StaffMember> staffByAuthor() {
        Map<Long, StaffMember> byAuthor = new LinkedHashMap<>();
        for (StaffMember member : staff.all()) {
            if (member.authorId() != null) {
                byAuthor.putIfAbsent(member.authorId(), member);
            }
        }
        return byAuthor;
    }

    public Map<String, Object> post(PostRow row, View view, Site site, Map<Long, StaffMember> staffByAuthor) {
        return post(row, view, site, staffByAuthor, null);
    }

    /**
     * @param live the post's live coverage, or null for an ordinary post: its entries follow the article in
     *             {@code html}, and Masthead's {@code live} object describes the coverage
     */
    public Map<String, Object> post(PostRow row, View view, Site site, Map<Long, StaffMember> staffByAuthor,
                                    LivePosts.Live live) {
        GhostDates dates = view.dates();
        Map<String, Object> post = new LinkedHashMap<>();
        post.put("id", row.publicId());
        post.put("uuid", row.uuid().toString());
        post.put("title", row.title().isBlank() && view.admin() ? "(Untitled)" : row.title());
        post.put("slug", row.slug());
        if (view.admin()) {
            post.put("mobiledoc", null);
            if (view.wantsFormat("lexical")) {
                post.put("lexical", view.lexical().apply(row));
            }
        }
        if (view.wantsFormat("html")) {
            String html = row.words() == 0 && row.images() == 0 ? null : row.html();
            post.put("html", live == null ? html : live.html(html, site));
        }
        if (view.wantsFormat("plaintext")) {
            post.put("plaintext", row.plaintext());
        }
        post.put("comment_id", row.publicId());
        post.put("feature_image", url(site, row.featureImageFile()));
        post.put("featured", row.featured());
        if (view.admin()) {
            post.put("status", row.ghostStatus());
        }
        post.put("visibility", "public");
        post.put("created_at", dates.format(row.createdAt()));
        post.put("updated_at", dates.format(row.updatedAt()));
        post.put("published_at", dates.format(row.ghostPublishedAt()));
        post.put("custom_excerpt", row.customExcerpt());
        post.put("codeinjection_head", null);
        post.put("codeinjection_foot", null);
        post.put("custom_template", null);
        post.put("canonical_url", blankToNull(row.canonicalUrl()));
        if (view.include().contains("tags")) {
            List<TagRow> tags = row.tags().stream().filter(tag -> view.admin() || !tag.isInternal()).toList();
            post.put("tags", tags.stream().map(tag -> tag(tag, view.admin(), site)).toList());
        }
        if (view.include().contains("tiers") || view.admin()) {
            post.put("tiers", List.of());
        }
        if (view.include().contains("authors")) {
            post.put("authors", row.authors().stream().map(author -> author(author, view.admin(), site, staffByAuthor)).toList());
        }
        if (view.include().contains("authors")) {
            post.put("primary_author", row.authors().isEmpty() ? null
                    : author(row.authors().get(0), view.admin(), site, staffByAuthor));
        }
        if (view.include().contains("tags")) {
            TagRow primary = row.tags().isEmpty() || row.tags().get(0).isInternal() ? null : row.tags().get(0);
            post.put("primary_tag", primary == null ? null : tag(primary, view.admin(), site));
        }
        post.put("url", site.absolute(row.kind() == ArticleKind.PAGE ? "/" + row.slug() : ArticleView.urlOf(row.slug())));
        post.put("excerpt", excerpt(row));
        post.put("reading_time", GhostReadingTime.minutes(row.words(), row.images() + (row.featureImageId() == null ? 0 : 1)));
        post.put("og_image", url(site, row.ogImageFile()));
        post.put("og_title", blankToNull(row.ogTitle()));
        post.put("og_description", blankToNull(row.ogDescription()));
        post.put("twitter_image", url(site, row.twitterImageFile()));
        post.put("twitter_title", blankToNull(row.twitterTitle()));
        post.put("twitter_description", blankToNull(row.twitterDescription()));
        post.put("meta_title", blankToNull(row.metaTitle()));
        post.put("meta_description", blankToNull(row.metaDescription()));
        post.put("email_subject", null);
        post.put("frontmatter", null);
        post.put("feature_image_alt", blankToNull(row.featureImageAlt()));
        post.put("feature_image_caption", blankToNull(row.featureImageCaption()));
        post.put("feature_image_credit", blankToNull(row.featureImageCredit()));
        post.put("section", row.sectionSlug() == null ? null : section(row, site));
        if (!view.admin()) {
            post.put("access", true); // no memberships yet: every reader may read every published post
            post.put("comments", false);
        }
        if (live != null) {
            post.put("live", live.json(dates));
        }
        if (row.kind() == ArticleKind.PAGE) {
            post.put("show_title_and_feature_image", true);
        }
        if (view.admin()) {
            post.put("email_segment", "all");
            post.put("email_only", false);
            post.put("newsletter", null);
            post.put("email", null);
        }
        return onlyFields(post, view);
    }

    /** With {@code fields}, only those fields of a tag, author or user (and its {@code count}). */
    public static Map<String, Object> onlyFields(Map<String, Object> item, Set<String> fields) {
        if (fields.isEmpty()) {
            return item;
        }
        Map<String, Object> chosen = new LinkedHashMap<>();
        item.forEach((key, value) -> {
            if (fields.contains(key) || key.equals("count")) {
                chosen.put(key, value);
            }
        });
        return chosen;
    }

    /** With {@code fields}, only those (and the relations asked for with {@code include}). */
    private static Map<String, Object> onlyFields(Map<String, Object> post, View view) {
        if (view.fields().isEmpty()) {
            return post;
        }
        Map<String, Object> chosen = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : post.entrySet()) {
            String key = field.getKey();
            boolean relation = List.of("tags", "primary_tag", "authors", "primary_author").contains(key);
            if (view.fields().contains(key) || relation) {
                chosen.put(key, field.getValue());
            }
        }
        return chosen;
    }

    private Map<String, Object> section(PostRow row, Site site) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("slug", row.sectionSlug());
        section.put("name", row.sectionName());
        section.put("url", site.absolute("/sections/" + row.sectionSlug()));
        return section;
    }

    public Map<String, Object> author(AuthorRow author, boolean admin, Site site, Map<Long, StaffMember> staffByAuthor) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", author.publicId());
        json.put("name", author.name());
        json.put("slug", author.slug());
        StaffMember member = staffByAuthor == null ? null : staffByAuthor.get(author.id());
        if (admin) {
            json.put("email", member == null ? null : member.email());
        }
        json.put("profile_image", url(site, author.avatarFile()));
        json.put("cover_image", null);
        json.put("bio", blankToNull(author.bio()));
        Map<String, String> social = SocialProfiles.of(author.links());
        json.put("website", social.get("website"));
        json.put("location", null);
        SocialProfiles.NETWORKS.forEach(network -> json.put(network, social.get(network)));
        if (admin) {
            json.put("accessibility", null);
            json.put("status", member == null ? "inactive" : member.enabled() ? "active" : "locked");
        }
        json.put("meta_title", null);
        json.put("meta_description", null);
        if (admin) {
            json.put("tour", null);
            json.put("last_seen", null);
            json.put("comment_notifications", false);
            json.put("free_member_signup_notification", false);
            json.put("paid_subscription_started_notification", false);
            json.put("paid_subscription_canceled_notification", false);
            json.put("mention_notifications", false);
            json.put("milestone_notifications", false);
            json.put("created_at", GhostDates.ADMIN.format(author.createdAt()));
            json.put("updated_at", GhostDates.ADMIN.format(author.updatedAt()));
            json.put("roles", member == null ? List.of(role(StaffRole.CONTRIBUTOR)) : List.of(role(member.role())));
        }
        json.put("job_title", blankToNull(author.jobTitle()));
        json.put("url", author.listed() ? site.absolute("/authors/" + author.slug()) : site.absolute("/404/"));
        if (author.postCount() != null) {
            json.put("count", Map.of("posts", author.postCount()));
        }
        return json;
    }

    private static Map<String, Object> role(StaffRole role) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", ROLE_IDS.get(role));
        json.put("name", ROLE_NAMES.get(role));
        json.put("description", ROLE_DESCRIPTIONS.get(role));
        json.put("created_at", GhostDates.ADMIN.format(Instant.EPOCH));
        json.put("updated_at", GhostDates.ADMIN.format(Instant.EPOCH));
        return json;
    }

    public Map<String, Object> tag(TagRow tag, boolean admin, Site site) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", tag.publicId());
        json.put("name", tag.name());
        json.put("slug", tag.slug());
        json.put("description", blankToNull(tag.description()));
        json.put("feature_image", null);
        json.put("visibility", tag.isInternal() ? "internal" : "public");
        json.put("og_image", null);
        json.put("og_title", null);
        json.put("og_description", null);
        json.put("twitter_image", null);
        json.put("twitter_title", null);
        json.put("twitter_description", null);
        json.put("meta_title", null);
        json.put("meta_description", null);
        json.put("codeinjection_head", null);
        json.put("codeinjection_foot", null);
        json.put("canonical_url", null);
        json.put("accent_color", null);
        if (admin) {
            json.put("created_at", GhostDates.ADMIN.format(tag.createdAt()));
            json.put("updated_at", GhostDates.ADMIN.format(tag.updatedAt()));
        }
        json.put("url", tag.isInternal() ? site.absolute("/404/") : site.absolute(Tag.urlOf(tag.slug())));
        if (tag.postCount() != null) {
            json.put("count", Map.of("posts", tag.postCount()));
        }
        return json;
    }

    /** Ghost's excerpt: the custom one, else the first 500 characters of the text. */
    private static String excerpt(PostRow row) {
        if (row.customExcerpt() != null && !row.customExcerpt().isBlank()) {
            return row.customExcerpt();
        }
        String text = row.plaintext();
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.codePointCount(0, text.length()) <= EXCERPT_LENGTH ? text
                : text.substring(0, text.offsetByCodePoints(0, EXCERPT_LENGTH));
    }

    public String url(Site site, String file) {
        return file == null ? null : site.absolute(media.url(file));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
