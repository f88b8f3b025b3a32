package org.masthead.api.admin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.masthead.api.ApiCaller;
import org.masthead.api.GhostEndpoint;
import org.masthead.api.GhostError;
import org.masthead.api.ghost.GhostJson;
import org.masthead.api.ghost.ListParams;
import org.masthead.api.ghost.PostFilters;
import org.masthead.api.ghost.PostReader;
import org.masthead.api.ghost.TagFilterIds;
import org.masthead.api.ghost.PostRow;
import org.masthead.api.integrations.Integration;
import org.masthead.api.nql.Nql;
import org.masthead.api.nql.NqlSql;
import org.masthead.body.BlocksToLexical;
import org.masthead.body.BodyRenderer;
import org.masthead.content.ArticleKind;
import org.masthead.identity.StaffMember;
import org.masthead.media.MediaLibrary;
import org.masthead.system.Site;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Ghost's Admin API for posts and pages: browse and read every status the integration may see, add, edit
 * (with Ghost's {@code updated_at} collision check) and delete — each write through the one write path.
 */
@RestController
@RequestMapping("/ghost/api/admin")
class AdminPostsController {

    private static final Map<String, String> ORDER = Map.of("published_at", "p.published_at",
            "updated_at", "p.updated_at", "created_at", "p.created_at", "title", "p.headline", "slug", "p.slug",
            "featured", "p.featured", "id", "p.public_id", "status", "p.status");
    private static final Set<String> ALWAYS_INCLUDED = Set.of("tags", "authors");

    private final AdminPosts admin;
    private final PostReader posts;
    private final TagFilterIds tagIds;
    private final GhostJson ghost;
    private final BodyRenderer renderer;
    private final MediaLibrary media;
    private final Clock clock;

    AdminPostsController(AdminPosts admin, PostReader posts, TagFilterIds tagIds, GhostJson ghost,
                         BodyRenderer renderer, MediaLibrary media,
                         Clock clock) {
        this.admin = admin;
        this.posts = posts;
        this.tagIds = tagIds;
        this.ghost = ghost;
        this.renderer = renderer;
        this.media = media;
        this.clock = clock;
    }

    @GetMapping({"/posts", "/posts/"})
    @GhostEndpoint(docName = "posts", method = "browse")
    Map<String, Object> browsePosts(HttpServletRequest request) {
        return browse(request, ArticleKind.ARTICLE, "posts", "p.updated_at desc, p.id desc");
    }

    @GetMapping({"/pages", "/pages/"})
    @GhostEndpoint(docName = "pages", method = "browse")
    Map<String, Object> browsePages(HttpServletRequest request) {
        return browse(request, ArticleKind.PAGE, "pages", "p.updated_at desc, p.id desc");
    }

    @GetMapping({"/posts/{id}", "/posts/{id}/"})
    @GhostEndpoint(docName = "posts", method = "read")
    Map<String, Object> readPost(@PathVariable String id, HttpServletRequest request) {
        return one("posts", admin.find(caller(request), ArticleKind.ARTICLE, validId(id)), request);
    }

    @GetMapping({"/posts/slug/{slug}", "/posts/slug/{slug}/"})
    @GhostEndpoint(docName = "posts", method = "read")
    Map<String, Object> readPostBySlug(@PathVariable String slug, HttpServletRequest request) {
        return one("posts", admin.findBySlug(caller(request), ArticleKind.ARTICLE, slug)
                .orElseThrow(() -> GhostError.notFound("Post not found.")), request);
    }

    @GetMapping({"/pages/{id}", "/pages/{id}/"})
    @GhostEndpoint(docName = "pages", method = "read")
    Map<String, Object> readPage(@PathVariable String id, HttpServletRequest request) {
        return one("pages", admin.find(caller(request), ArticleKind.PAGE, validId(id)), request);
    }

    @GetMapping({"/pages/slug/{slug}", "/pages/slug/{slug}/"})
    @GhostEndpoint(docName = "pages", method = "read")
    Map<String, Object> readPageBySlug(@PathVariable String slug, HttpServletRequest request) {
        return one("pages", admin.findBySlug(caller(request), ArticleKind.PAGE, slug)
                .orElseThrow(() -> GhostError.notFound("Page not found.")), request);
    }

    @PostMapping({"/posts", "/posts/"})
    @GhostEndpoint(docName = "posts", method = "add")
    ResponseEntity<Map<String, Object>> addPost(@RequestBody(required = false) JsonNode body,
                                                @RequestParam(required = false) String source, HttpServletRequest request) {
        PostRow row = admin.add(caller(request), ArticleKind.ARTICLE, PostInput.from(body, "posts"), "html".equals(source));
        return ResponseEntity.status(HttpStatus.CREATED).body(one("posts", row, request));
    }

    @PostMapping({"/pages", "/pages/"})
    @GhostEndpoint(docName = "pages", method = "add")
    ResponseEntity<Map<String, Object>> addPage(@RequestBody(required = false) JsonNode body,
                                                @RequestParam(required = false) String source, HttpServletRequest request) {
        PostRow row = admin.add(caller(request), ArticleKind.PAGE, PostInput.from(body, "pages"), "html".equals(source));
        return ResponseEntity.status(HttpStatus.CREATED).body(one("pages", row, request));
    }

    @PutMapping({"/posts/{id}", "/posts/{id}/"})
    @GhostEndpoint(docName = "posts", method = "edit")
    Map<String, Object> editPost(@PathVariable String id, @RequestBody(required = false) JsonNode body,
                                 @RequestParam(required = false) String source, HttpServletRequest request) {
        return one("posts", admin.edit(caller(request), ArticleKind.ARTICLE, validId(id), PostInput.from(body, "posts"),
                "html".equals(source)), request);
    }

    @PutMapping({"/pages/{id}", "/pages/{id}/"})
    @GhostEndpoint(docName = "pages", method = "edit")
    Map<String, Object> editPage(@PathVariable String id, @RequestBody(required = false) JsonNode body,
                                 @RequestParam(required = false) String source, HttpServletRequest request) {
        return one("pages", admin.edit(caller(request), ArticleKind.PAGE, validId(id), PostInput.from(body, "pages"),
                "html".equals(source)), request);
    }

    @DeleteMapping({"/posts/{id}", "/posts/{id}/"})
    @GhostEndpoint(docName = "posts", method = "destroy")
    ResponseEntity<Void> deletePost(@PathVariable String id, HttpServletRequest request) {
        admin.delete(caller(request), ArticleKind.ARTICLE, validId(id));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping({"/pages/{id}", "/pages/{id}/"})
    @GhostEndpoint(docName = "pages", method = "destroy")
    ResponseEntity<Void> deletePage(@PathVariable String id, HttpServletRequest request) {
        admin.delete(caller(request), ArticleKind.PAGE, validId(id));
        return ResponseEntity.noContent().build();
    }

    private Map<String, Object> browse(HttpServletRequest request, ArticleKind kind, String resource, String defaultOrder) {
        ListParams params = ListParams.of(request.getParameterMap());
        Integration integration = caller(request);
        PostReader.Page page = posts.browse(AdminPosts.scope(integration, kind),
                params.filter() == null || params.filter().isBlank() ? null
                        : NqlSql.compile(tagIds.resolve(Nql.parse(params.filter()), PostFilters.ADMIN), PostFilters.ADMIN, clock),
                params.orderSql(ORDER, defaultOrder, "p.id desc"), params.limit(), params.offset());
        GhostJson.View view = view(params);
        Site site = ghost.site();
        Map<Long, StaffMember> staff = ghost.staffByAuthor();
        List<Map<String, Object>> items = new ArrayList<>();
        for (PostRow row : page.rows()) {
            items.add(ghost.post(row, view, site, staff));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(resource, items);
        body.put("meta", params.pagination(page.total()));
        return body;
    }

    private Map<String, Object> one(String resource, PostRow row, HttpServletRequest request) {
        ListParams params = ListParams.of(request.getParameterMap());
        return Map.of(resource, List.of(ghost.post(row, view(params), ghost.site(), ghost.staffByAuthor())));
    }

    private GhostJson.View view(ListParams params) {
        Set<String> include = new LinkedHashSet<>(params.include());
        include.addAll(ALWAYS_INCLUDED);
        Site site = ghost.site();
        return new GhostJson.View(true, include, params.formats(), params.fields(),
                row -> BlocksToLexical.convert(renderer.toDocument(row.bodySource(), row.bodyFormat()),
                        mediaId -> media.find(mediaId).map(file -> site.absolute(file.url())).orElse(null)));
    }

    static Integration caller(HttpServletRequest request) {
        return ApiCaller.of(request);
    }

    static String validId(String id) {
        if (!id.matches("[a-f0-9]{24}")) {
            throw GhostError.validation("id", "Validation (matches) failed for id");
        }
        return id;
    }
}
