package org.masthead.api.content;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.masthead.api.GhostEndpoint;
import org.masthead.api.GhostError;
import org.masthead.api.ghost.AuthorRow;
import org.masthead.api.ghost.GhostJson;
import org.masthead.api.ghost.ListParams;
import org.masthead.api.ghost.LivePosts;
import org.masthead.api.ghost.PostFilters;
import org.masthead.api.ghost.PostReader;
import org.masthead.api.ghost.TagFilterIds;
import org.masthead.api.ghost.PostRow;
import org.masthead.api.ghost.TagRow;
import org.masthead.api.ghost.TaxonomyReader;
import org.masthead.api.nql.FilterField;
import org.masthead.api.nql.Nql;
import org.masthead.api.nql.NqlSql;
import org.masthead.api.nql.SqlCondition;
import org.masthead.content.ArticleKind;
import org.masthead.system.Site;
import org.masthead.system.SurrogateKey;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ghost's Content API: published posts and pages, their authors and tags, and the site's settings, for any
 * client holding an integration's Content API key. Drafts, scheduled and withdrawn articles never appear, by
 * id, slug, filter or field: every query is scoped to what is published before the caller's filter applies.
 */
@RestController
@RequestMapping("/ghost/api/content")
class ContentApiController {

    static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[a-f0-9]{24}|1|me");
    private static final Map<String, String> POST_ORDER = Map.of("published_at", "p.published_at",
            "updated_at", "p.updated_at", "created_at", "p.created_at", "title", "p.headline", "slug", "p.slug",
            "featured", "p.featured", "id", "p.public_id");

    private final PostReader posts;
    private final TagFilterIds tagIds;
    private final TaxonomyReader taxonomy;
    private final GhostJson ghost;
    private final ContentResponses responses;
    private final SiteSettingsJson settings;
    private final LivePosts live;
    private final Clock clock;

    ContentApiController(PostReader posts, TagFilterIds tagIds, TaxonomyReader taxonomy, GhostJson ghost,
                         ContentResponses responses,
                         SiteSettingsJson settings, LivePosts live, Clock clock) {
        this.posts = posts;
        this.tagIds = tagIds;
        this.taxonomy = taxonomy;
        this.ghost = ghost;
        this.responses = responses;
        this.settings = settings;
        this.live = live;
        this.clock = clock;
    }

    @GetMapping({"/posts", "/posts/"})
    @GhostEndpoint(docName = "posts", method = "browse")
    ResponseEntity<byte[]> browsePosts(HttpServletRequest request) {
        return responses.serve(request, () -> browse(request, ArticleKind.ARTICLE, "posts", "p.published_at desc, p.id desc"));
    }

    @GetMapping({"/pages", "/pages/"})
    @GhostEndpoint(docName = "pages", method = "browse")
    ResponseEntity<byte[]> browsePages(HttpServletRequest request) {
        return responses.serve(request, () -> browse(request, ArticleKind.PAGE, "pages", "p.headline asc, p.id desc"));
    }

    @GetMapping({"/posts/{id}", "/posts/{id}/"})
    @GhostEndpoint(docName = "posts", method = "read")
    ResponseEntity<byte[]> readPost(@PathVariable String id, HttpServletRequest request) {
        return responses.serve(request, () -> read(request, ArticleKind.ARTICLE, "posts", "public_id", validId(id)));
    }

    @GetMapping({"/posts/slug/{slug}", "/posts/slug/{slug}/"})
    @GhostEndpoint(docName = "posts", method = "read")
    ResponseEntity<byte[]> readPostBySlug(@PathVariable String slug, HttpServletRequest request) {
        return responses.serve(request, () -> read(request, ArticleKind.ARTICLE, "posts", "slug", slug));
    }

    @GetMapping({"/pages/{id}", "/pages/{id}/"})
    @GhostEndpoint(docName = "pages", method = "read")
    ResponseEntity<byte[]> readPage(@PathVariable String id, HttpServletRequest request) {
        return responses.serve(request, () -> read(request, ArticleKind.PAGE, "pages", "public_id", validId(id)));
    }

    @GetMapping({"/pages/slug/{slug}", "/pages/slug/{slug}/"})
    @GhostEndpoint(docName = "pages", method = "read")
    ResponseEntity<byte[]> readPageBySlug(@PathVariable String slug, HttpServletRequest request) {
        return responses.serve(request, () -> read(request, ArticleKind.PAGE, "pages", "slug", slug));
    }

    @GetMapping({"/authors", "/authors/"})
    @GhostEndpoint(docName = "authors", method = "browse")
    ResponseEntity<byte[]> browseAuthors(HttpServletRequest request) {
        return responses.serve(request, () -> {
            ListParams params = ListParams.of(request.getParameterMap());
            TaxonomyReader.AuthorPage page = taxonomy.authors(true, filter(params, TaxonomyReader.AUTHOR_FIELDS),
                    params.orderSql(TaxonomyReader.AUTHOR_ORDER, "a.name asc, a.id asc", "a.id asc"), params.limit(),
                    params.offset(), params.include().contains("count.posts"));
            Site site = ghost.site();
            Set<SurrogateKey> keys = new LinkedHashSet<>(List.of(SurrogateKey.SITE, SurrogateKey.FEEDS));
            List<Map<String, Object>> authors = new ArrayList<>();
            for (AuthorRow author : page.rows()) {
                authors.add(fields(ghost.author(author, false, site, null), params));
                keys.add(SurrogateKey.author(author.id()));
            }
            return new ContentResponses.Computed(envelope("authors", authors, params.pagination(page.total())), keys);
        });
    }

    @GetMapping({"/authors/{id}", "/authors/{id}/"})
    @GhostEndpoint(docName = "authors", method = "read")
    ResponseEntity<byte[]> readAuthor(@PathVariable String id, HttpServletRequest request) {
        return responses.serve(request, () -> readAuthor(request, "public_id", validId(id)));
    }

    @GetMapping({"/authors/slug/{slug}", "/authors/slug/{slug}/"})
    @GhostEndpoint(docName = "authors", method = "read")
    ResponseEntity<byte[]> readAuthorBySlug(@PathVariable String slug, HttpServletRequest request) {
        return responses.serve(request, () -> readAuthor(request, "slug", slug));
    }

    @GetMapping({"/tags", "/tags/"})
    @GhostEndpoint(docName = "tags", method = "browse")
    ResponseEntity<byte[]> browseTags(HttpServletRequest request) {
        return responses.serve(request, () -> {
            ListParams params = ListParams.of(request.getParameterMap());
            TaxonomyReader.TagPage page = taxonomy.tags(false, filter(params, TaxonomyReader.TAG_FIELDS),
                    params.orderSql(TaxonomyReader.TAG_ORDER, "t.name asc, t.id asc", "t.id asc"), params.limit(),
                    params.offset(), params.include().contains("count.posts"));
            Site site = ghost.site();
            Set<SurrogateKey> keys = new LinkedHashSet<>(List.of(SurrogateKey.SITE, SurrogateKey.TAGS, SurrogateKey.FEEDS));
            List<Map<String, Object>> tags = new ArrayList<>();
            for (TagRow tag : page.rows()) {
                tags.add(fields(ghost.tag(tag, false, site), params));
                keys.add(SurrogateKey.tag(tag.slug()));
            }
            return new ContentResponses.Computed(envelope("tags", tags, params.pagination(page.total())), keys);
        });
    }

    @GetMapping({"/tags/{id}", "/tags/{id}/"})
    @GhostEndpoint(docName = "tags", method = "read")
    ResponseEntity<byte[]> readTag(@PathVariable String id, HttpServletRequest request) {
        return responses.serve(request, () -> readTag(request, "public_id", validId(id)));
    }

    @GetMapping({"/tags/slug/{slug}", "/tags/slug/{slug}/"})
    @GhostEndpoint(docName = "tags", method = "read")
    ResponseEntity<byte[]> readTagBySlug(@PathVariable String slug, HttpServletRequest request) {
        return responses.serve(request, () -> readTag(request, "slug", slug));
    }

    @GetMapping({"/settings", "/settings/"})
    @GhostEndpoint(docName = "settings", method = "browse")
    ResponseEntity<byte[]> settings(HttpServletRequest request) {
        return responses.serve(request, () -> new ContentResponses.Computed(
                Map.of("settings", settings.settings(), "meta", Map.of()), Set.of(SurrogateKey.SITE)));
    }

    /** Memberships do not exist yet: no tiers, no newsletters, no recommendations — in Ghost's list shape. */
    @GetMapping({"/tiers", "/tiers/"})
    @GhostEndpoint(docName = "tiers", method = "browse")
    ResponseEntity<byte[]> tiers(HttpServletRequest request) {
        return responses.serve(request, "public, max-age=600", () -> empty(request, "tiers"));
    }

    @GetMapping({"/newsletters", "/newsletters/"})
    @GhostEndpoint(docName = "newsletters", method = "browse")
    ResponseEntity<byte[]> newsletters(HttpServletRequest request) {
        return responses.serve(request, () -> empty(request, "newsletters"));
    }

    @GetMapping({"/recommendations", "/recommendations/"})
    @GhostEndpoint(docName = "recommendations", method = "browse")
    ResponseEntity<byte[]> recommendations(HttpServletRequest request) {
        return responses.serve(request, () -> empty(request, "recommendations"));
    }

    @GetMapping({"/offers/{id}", "/offers/{id}/"})
    @GhostEndpoint(docName = "offers", method = "read")
    ResponseEntity<byte[]> offer(@PathVariable String id) {
        validId(id);
        throw GhostError.notFound("Offer not found.");
    }

    private ContentResponses.Computed empty(HttpServletRequest request, String resource) {
        ListParams params = ListParams.of(request.getParameterMap());
        return new ContentResponses.Computed(envelope(resource, List.of(), params.pagination(0)), Set.of(SurrogateKey.SITE));
    }

    private ContentResponses.Computed browse(HttpServletRequest request, ArticleKind kind, String resource, String defaultOrder) {
        ListParams params = ListParams.of(request.getParameterMap());
        PostReader.Page page = posts.browse(PostReader.Scope.published(kind), filter(params, PostFilters.CONTENT),
                params.orderSql(POST_ORDER, defaultOrder, "p.id desc"), params.limit(), params.offset());
        GhostJson.View view = view(params);
        Site site = ghost.site();
        // a story published or withdrawn touches "feeds"; a page appearing or leaving touches "site" (the footer)
        Set<SurrogateKey> keys = new LinkedHashSet<>(kind == ArticleKind.ARTICLE
                ? List.of(SurrogateKey.SITE, SurrogateKey.FEEDS) : List.of(SurrogateKey.SITE));
        Map<Long, LivePosts.Live> liveBlogs = liveBlogs(kind, page.rows(), view);
        List<Map<String, Object>> items = new ArrayList<>();
        for (PostRow row : page.rows()) {
            items.add(ghost.post(row, view, site, null, liveBlogs.get(row.id())));
            keys.addAll(keysOf(row));
        }
        return new ContentResponses.Computed(envelope(resource, items, params.pagination(page.total())), keys);
    }

    private ContentResponses.Computed read(HttpServletRequest request, ArticleKind kind, String resource, String column,
                                           Object value) {
        ListParams params = ListParams.of(request.getParameterMap());
        PostRow row = posts.read(PostReader.Scope.published(kind), column, value)
                .orElseThrow(() -> GhostError.notFound((kind == ArticleKind.PAGE ? "Page" : "Post") + " not found."));
        Set<SurrogateKey> keys = new LinkedHashSet<>(List.of(SurrogateKey.SITE));
        keys.addAll(keysOf(row));
        GhostJson.View view = view(params);
        LivePosts.Live coverage = liveBlogs(kind, List.of(row), view).get(row.id());
        return new ContentResponses.Computed(Map.of(resource, List.of(ghost.post(row, view, ghost.site(), null, coverage))),
                keys);
    }

    /**
     * Which of these posts are live blogs, in one query, with their entries only when the answer shows html. (An
     * entry changes only its post's key, {@code article-42}, which every answer showing the post carries.)
     */
    private Map<Long, LivePosts.Live> liveBlogs(ArticleKind kind, List<PostRow> rows, GhostJson.View view) {
        if (kind != ArticleKind.ARTICLE || rows.isEmpty() || !LivePosts.wanted(view)) {
            return Map.of();
        }
        return live.of(rows.stream().map(PostRow::id).toList(), LivePosts.entriesWanted(view));
    }

    private ContentResponses.Computed readAuthor(HttpServletRequest request, String column, Object value) {
        ListParams params = ListParams.of(request.getParameterMap());
        AuthorRow author = taxonomy.author(true, column, value, params.include().contains("count.posts"))
                .orElseThrow(() -> GhostError.notFound("Author not found."));
        return new ContentResponses.Computed(Map.of("authors", List.of(fields(ghost.author(author, false, ghost.site(), null),
                params))), Set.of(SurrogateKey.SITE, SurrogateKey.FEEDS, SurrogateKey.author(author.id())));
    }

    private ContentResponses.Computed readTag(HttpServletRequest request, String column, Object value) {
        ListParams params = ListParams.of(request.getParameterMap());
        TagRow tag = taxonomy.tag(false, column, value, params.include().contains("count.posts"))
                .orElseThrow(() -> GhostError.notFound("Tag not found."));
        return new ContentResponses.Computed(Map.of("tags", List.of(fields(ghost.tag(tag, false, ghost.site()), params))),
                Set.of(SurrogateKey.SITE, SurrogateKey.FEEDS, SurrogateKey.TAGS, SurrogateKey.tag(tag.slug())));
    }

    private static Set<SurrogateKey> keysOf(PostRow row) {
        Set<SurrogateKey> keys = new LinkedHashSet<>();
        keys.add(SurrogateKey.article(row.id()));
        row.tags().forEach(tag -> keys.add(SurrogateKey.tag(tag.slug())));
        row.authors().forEach(author -> keys.add(SurrogateKey.author(author.id())));
        return keys;
    }

    private static GhostJson.View view(ListParams params) {
        return new GhostJson.View(false, params.include(), params.formats(), params.fields(), row -> null);
    }

    private SqlCondition filter(ListParams params, Map<String, FilterField> fields) {
        return params.filter() == null || params.filter().isBlank() ? null
                : NqlSql.compile(tagIds.resolve(Nql.parse(params.filter()), fields), fields, clock);
    }

    private static Map<String, Object> fields(Map<String, Object> item, ListParams params) {
        if (params.fields().isEmpty()) {
            return item;
        }
        Map<String, Object> chosen = new LinkedHashMap<>();
        item.forEach((key, value) -> {
            if (params.fields().contains(key) || key.equals("count")) {
                chosen.put(key, value);
            }
        });
        return chosen;
    }

    private static Map<String, Object> envelope(String resource, List<?> items, Map<String, Object> meta) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(resource, items);
        body.put("meta", meta);
        return body;
    }

    /** Ghost validates ids before looking anything up: a malformed one is a 422, not a 404. */
    static String validId(String id) {
        if (!ID.matcher(id).matches()) {
            throw GhostError.validation("id", "Validation (matches) failed for id");
        }
        return id;
    }
}
