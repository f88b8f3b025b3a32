package org.masthead.archive.ghost;

import static org.masthead.archive.ghost.GhostJson.nonBlank;
import static org.masthead.archive.ghost.GhostJson.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.masthead.archive.source.SourceAuthor;
import org.masthead.archive.source.SourceTerm;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Everything in a Ghost export but the posts, held in memory while the posts stream past: people, tags, sections
 * (Masthead's extension), which post has which of them in which order, search and social fields, site settings, and
 * how many rows the tables nobody imports hold. Built by reading the whole file once, which also proves it complete
 * before any post is imported.
 */
final class GhostExportIndex {

    /** A post's tag or author, in the order Ghost shows them (sort_order 0 is the primary one). */
    record Link(String targetId, int sortOrder, int position) {
        static final Comparator<Link> ORDER = Comparator.comparingInt(Link::sortOrder).thenComparingInt(Link::position);
    }

    /** A posts_meta row (Ghost 3+): search and social fields, and the feature image's alt text and caption. */
    record PostsMeta(String metaTitle, String metaDescription, String ogTitle, String ogDescription, String ogImage,
                     String twitterTitle, String twitterDescription, String twitterImage, String featureImageAlt,
                     String featureImageCaption) {
    }

    /** Ghost's own bookkeeping, and secrets: nothing an editor would miss, so not worth a line in the report. */
    private static final Set<String> BOOKKEEPING = Set.of("migrations", "migrations_lock", "permissions",
            "permissions_roles", "permissions_users", "permissions_apps", "roles", "roles_users", "settings", "brute",
            "sessions", "tokens", "accesstokens", "refreshtokens", "clients", "client_trusted_domains", "actions",
            "api_keys", "integrations", "webhooks", "invites", "apps", "app_fields", "app_settings", "jobs",
            "custom_theme_settings", "mobiledoc_revisions", "post_revisions", "email_spam_complaint_events");

    String siteTitle;
    String siteUrl;
    final Map<String, SourceAuthor> users = new LinkedHashMap<>();
    final Map<String, SourceTerm> tags = new LinkedHashMap<>();
    final Map<String, SourceTerm> sections = new LinkedHashMap<>();
    final Map<String, PostsMeta> postsMeta = new HashMap<>();
    final Map<String, Integer> commentCounts = new HashMap<>();
    /** Tables read for nothing, by name, with their row counts, for the report. */
    final Map<String, Integer> skippedTables = new LinkedHashMap<>();
    private final Map<String, List<Link>> postTags = new HashMap<>();
    private final Map<String, List<Link>> postAuthors = new HashMap<>();
    /** The {@code author_id} column of exports older than posts_authors (Ghost 1.22), by post id. */
    private final Map<String, String> postAuthorColumn = new HashMap<>();
    private final Set<String> postIds = new HashSet<>();
    int posts;

    private GhostExportIndex() {
    }

    static GhostExportIndex read(JsonParser parser) {
        GhostExportIndex index = new GhostExportIndex();
        GhostExportLayout.walk(parser, index::table);
        return index;
    }

    /** Ordered tag ids of a post. */
    List<String> tagIds(String postId) {
        return ordered(postTags.get(postId));
    }

    /** Ordered author ids of a post: from posts_authors, or the post's own author_id in exports older than it. */
    List<String> authorIds(String postId, String authorColumn) {
        List<Link> links = postAuthors.get(postId);
        if (links != null && !links.isEmpty()) {
            return ordered(links);
        }
        return authorColumn == null ? List.of() : List.of(authorColumn);
    }

    /** The users who sign at least one post, in the order of the users table. */
    List<SourceAuthor> bylineUsers() {
        Set<String> signing = new LinkedHashSet<>();
        for (String postId : postIds) {
            signing.addAll(authorIds(postId, postAuthorColumn.get(postId)));
        }
        return users.entrySet().stream().filter(user -> signing.contains(user.getKey())).map(Map.Entry::getValue).toList();
    }

    private static List<String> ordered(List<Link> links) {
        if (links == null) {
            return List.of();
        }
        return links.stream().sorted(Link.ORDER).map(Link::targetId).toList();
    }

    private void table(String name, JsonParser parser) {
        switch (name) {
            case "posts" -> GhostExportLayout.forEachRow(parser, this::post);
            case "users" -> rows(parser, this::user);
            case "tags" -> rows(parser, this::tag);
            case "masthead_sections" -> rows(parser, this::section);
            case "posts_tags" -> rows(parser, row -> link(row, "tag_id", postTags));
            case "posts_authors" -> rows(parser, row -> link(row, "author_id", postAuthors));
            case "posts_meta" -> rows(parser, this::postsMeta);
            case "settings" -> rows(parser, this::setting);
            case "comments" -> rows(parser, row -> {
                String postId = text(row, "post_id");
                if (postId != null) {
                    commentCounts.merge(postId, 1, Integer::sum);
                }
            });
            default -> {
                int count = count(parser);
                if (count > 0 && !BOOKKEEPING.contains(name)) {
                    skippedTables.merge(name, count, Integer::sum);
                }
            }
        }
    }

    /**
     * A post, read field by field so its bodies are skipped unread: only its id and author_id are needed now. The
     * parser still reads every character, so a truncated or broken post fails here, before anything is imported.
     */
    private void post(JsonParser parser) {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        String id = null;
        String authorId = null;
        while (GhostExportLayout.next(parser) == JsonToken.PROPERTY_NAME) {
            String field = parser.currentName();
            JsonToken value = GhostExportLayout.next(parser);
            if (field.equals("id") && value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                id = parser.getString();
            } else if (field.equals("author_id") && value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                authorId = parser.getString();
            } else {
                parser.skipChildren();
            }
        }
        posts++;
        if (id != null) {
            postIds.add(id);
            if (authorId != null) {
                postAuthorColumn.put(id, authorId);
            }
        }
    }

    private void user(JsonNode row) {
        String id = text(row, "id");
        if (id != null) {
            users.put(id, new SourceAuthor("ghost-user:" + id, text(row, "slug"), text(row, "name"), email(row),
                    text(row, "bio"), text(row, "website"),
                    nonBlank(row, "profile_image") != null ? text(row, "profile_image") : text(row, "image"), // 0.x: image
                    text(row, "masthead_job_title")));
        }
    }

    /**
     * A user's email, but not a placeholder at the reserved {@code .invalid} domain (RFC 2606), which Masthead's export
     * writes for bylines that have none because Ghost requires one.
     */
    private static String email(JsonNode row) {
        String email = nonBlank(row, "email");
        return email == null || email.strip().toLowerCase(java.util.Locale.ROOT).endsWith(".invalid") ? null : email;
    }

    private void tag(JsonNode row) {
        String id = text(row, "id");
        if (id != null) {
            String name = text(row, "name");
            boolean internal = "internal".equals(text(row, "visibility")) || (name != null && name.startsWith("#"));
            tags.put(id, new SourceTerm("ghost-tag:" + id, text(row, "slug"), name, text(row, "description"), internal));
        }
    }

    private void section(JsonNode row) {
        String id = text(row, "id");
        if (id != null) {
            sections.put(id, new SourceTerm("masthead-section:" + id, text(row, "slug"), text(row, "name"),
                    text(row, "description"), false));
        }
    }

    private void link(JsonNode row, String targetColumn, Map<String, List<Link>> links) {
        String postId = text(row, "post_id");
        String targetId = text(row, targetColumn);
        if (postId != null && targetId != null) {
            List<Link> ofPost = links.computeIfAbsent(postId, id -> new ArrayList<>(2));
            // exports older than sort_order (Ghost 1.x) list a post's tags in order
            ofPost.add(new Link(targetId, row.path("sort_order").asInt(0), ofPost.size()));
        }
    }

    private void postsMeta(JsonNode row) {
        String postId = text(row, "post_id");
        if (postId != null) {
            postsMeta.put(postId, new PostsMeta(nonBlank(row, "meta_title"), nonBlank(row, "meta_description"),
                    nonBlank(row, "og_title"), nonBlank(row, "og_description"), nonBlank(row, "og_image"),
                    nonBlank(row, "twitter_title"), nonBlank(row, "twitter_description"), nonBlank(row, "twitter_image"),
                    nonBlank(row, "feature_image_alt"), nonBlank(row, "feature_image_caption")));
        }
    }

    private void setting(JsonNode row) {
        switch (String.valueOf(text(row, "key"))) {
            case "title" -> siteTitle = nonBlank(row, "value");
            case "url" -> siteUrl = nonBlank(row, "value");
            default -> {
                // the rest configures Ghost itself
            }
        }
    }

    /** Each row of a small table as a tree; rows that are not objects are passed over. */
    private static void rows(JsonParser parser, java.util.function.Consumer<JsonNode> row) {
        GhostExportLayout.forEachRow(parser, rowParser -> {
            JsonNode node = rowParser.readValueAsTree();
            if (node != null && node.isObject()) {
                row.accept(node);
            }
        });
    }

    private static int count(JsonParser parser) {
        int[] rows = {0};
        GhostExportLayout.forEachRow(parser, rowParser -> {
            rowParser.skipChildren();
            rows[0]++;
        });
        return rows[0];
    }
}
