package org.masthead.api.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.masthead.api.GhostApi;
import org.masthead.api.GhostEndpoint;
import org.masthead.api.GhostError;
import org.masthead.api.ghost.AuthorRow;
import org.masthead.api.ghost.GhostJson;
import org.masthead.api.ghost.ListParams;
import org.masthead.api.ghost.TagRow;
import org.masthead.api.ghost.TaxonomyReader;
import org.masthead.api.integrations.Integration;
import org.masthead.api.nql.FilterField;
import org.masthead.api.nql.Nql;
import org.masthead.api.nql.NqlSql;
import org.masthead.api.nql.SqlCondition;
import org.masthead.content.Tag;
import org.masthead.content.Tags;
import org.masthead.identity.StaffAccounts;
import org.masthead.identity.StaffMember;
import org.masthead.media.MediaFile;
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
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

/**
 * The Admin API's other resources: tags (browse, read, add, edit, delete — Editors' work, so the integration
 * needs the Editor role to change them), users (the byline profiles, with the staff account's email and role),
 * the site, and image uploads (checked and stored like the newsroom's).
 */
@RestController
@RequestMapping("/ghost/api/admin")
class AdminResourcesController {

    private final TaxonomyReader taxonomy;
    private final Tags tags;
    private final GhostJson ghost;
    private final MediaLibrary media;
    private final StaffAccounts staff;
    private final Clock clock;

    AdminResourcesController(TaxonomyReader taxonomy, Tags tags, GhostJson ghost, MediaLibrary media, StaffAccounts staff,
                             Clock clock) {
        this.taxonomy = taxonomy;
        this.tags = tags;
        this.ghost = ghost;
        this.media = media;
        this.staff = staff;
        this.clock = clock;
    }

    @GetMapping({"/tags", "/tags/"})
    @GhostEndpoint(docName = "tags", method = "browse")
    Map<String, Object> browseTags(HttpServletRequest request) {
        ListParams params = ListParams.of(request.getParameterMap());
        TaxonomyReader.TagPage page = taxonomy.tags(true, filter(params, TaxonomyReader.TAG_FIELDS),
                params.orderSql(TaxonomyReader.TAG_ORDER, "t.name asc, t.id asc", "t.id asc"), params.limit(),
                params.offset(), params.include().contains("count.posts"));
        Site site = ghost.site();
        List<Map<String, Object>> items = new ArrayList<>();
        page.rows().forEach(tag -> items.add(GhostJson.onlyFields(ghost.tag(tag, true, site), params.fields())));
        return envelope("tags", items, params.pagination(page.total()));
    }

    @GetMapping({"/tags/{id}", "/tags/{id}/"})
    @GhostEndpoint(docName = "tags", method = "read")
    Map<String, Object> readTag(@PathVariable String id, HttpServletRequest request) {
        return Map.of("tags", List.of(ghost.tag(tag(AdminPostsController.validId(id), request), true, ghost.site())));
    }

    @GetMapping({"/tags/slug/{slug}", "/tags/slug/{slug}/"})
    @GhostEndpoint(docName = "tags", method = "read")
    Map<String, Object> readTagBySlug(@PathVariable String slug, HttpServletRequest request) {
        TagRow tag = taxonomy.tag(true, "slug", slug, ListParams.of(request.getParameterMap()).include().contains("count.posts"))
                .orElseThrow(() -> GhostError.notFound("Tag not found."));
        return Map.of("tags", List.of(ghost.tag(tag, true, ghost.site())));
    }

    @PostMapping({"/tags", "/tags/"})
    @GhostEndpoint(docName = "tags", method = "add")
    ResponseEntity<Map<String, Object>> addTag(@RequestBody(required = false) JsonNode body, HttpServletRequest request) {
        PostInput input = PostInput.from(body, "tags");
        Tag created = tags.create(caller(request).actor(), input.text("name"), input.text("slug"), input.text("description"));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("tags", List.of(ghost.tag(
                taxonomy.tag(true, "id", created.id(), false).orElseThrow(), true, ghost.site()))));
    }

    @PutMapping({"/tags/{id}", "/tags/{id}/"})
    @GhostEndpoint(docName = "tags", method = "edit")
    Map<String, Object> editTag(@PathVariable String id, @RequestBody(required = false) JsonNode body,
                                HttpServletRequest request) {
        PostInput input = PostInput.from(body, "tags");
        TagRow current = tag(AdminPostsController.validId(id), request);
        tags.update(caller(request).actor(), current.id(), input.has("name") ? input.text("name") : current.name(),
                input.has("slug") ? input.text("slug") : current.slug(),
                input.has("description") ? input.text("description") : current.description());
        return Map.of("tags", List.of(ghost.tag(taxonomy.tag(true, "id", current.id(), false).orElseThrow(), true,
                ghost.site())));
    }

    @DeleteMapping({"/tags/{id}", "/tags/{id}/"})
    @GhostEndpoint(docName = "tags", method = "destroy")
    ResponseEntity<Void> deleteTag(@PathVariable String id, HttpServletRequest request) {
        TagRow current = tag(AdminPostsController.validId(id), request);
        tags.delete(caller(request).actor(), current.id());
        return ResponseEntity.noContent().build();
    }

    @GetMapping({"/users", "/users/"})
    @GhostEndpoint(docName = "users", method = "browse")
    Map<String, Object> browseUsers(HttpServletRequest request) {
        ListParams params = ListParams.of(request.getParameterMap());
        TaxonomyReader.AuthorPage page = taxonomy.authors(false, filter(params, TaxonomyReader.AUTHOR_FIELDS),
                params.orderSql(TaxonomyReader.AUTHOR_ORDER, "a.name asc, a.id asc", "a.id asc"), params.limit(),
                params.offset(), params.include().contains("count.posts"));
        Site site = ghost.site();
        Map<Long, StaffMember> byAuthor = ghost.staffByAuthor();
        List<Map<String, Object>> items = new ArrayList<>();
        page.rows().forEach(author -> items.add(GhostJson.onlyFields(ghost.author(author, true, site, byAuthor), params.fields())));
        return envelope("users", items, params.pagination(page.total()));
    }

    @GetMapping({"/users/{id}", "/users/{id}/"})
    @GhostEndpoint(docName = "users", method = "read")
    Map<String, Object> readUser(@PathVariable String id, HttpServletRequest request) {
        return user(taxonomy.author(false, "public_id", AdminPostsController.validId(id), counts(request)));
    }

    @GetMapping({"/users/slug/{slug}", "/users/slug/{slug}/"})
    @GhostEndpoint(docName = "users", method = "read")
    Map<String, Object> readUserBySlug(@PathVariable String slug, HttpServletRequest request) {
        return user(taxonomy.author(false, "slug", slug, counts(request)));
    }

    @GetMapping({"/users/email/{email}", "/users/email/{email}/"})
    @GhostEndpoint(docName = "users", method = "read")
    Map<String, Object> readUserByEmail(@PathVariable String email, HttpServletRequest request) {
        return user(staff.findByEmail(email).filter(member -> member.authorId() != null)
                .flatMap(member -> taxonomy.author(false, "id", member.authorId(), counts(request))));
    }

    /** Open to any client, as in Ghost: what a client checks before it signs in. */
    @GetMapping({"/site", "/site/"})
    @GhostEndpoint(docName = "site", method = "read")
    Map<String, Object> site() {
        Site site = ghost.site();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("title", site.name());
        json.put("description", site.tagline());
        json.put("logo", site.logoUrl() == null ? null : site.absolute(site.logoUrl()));
        json.put("icon", null);
        json.put("accent_color", null);
        json.put("locale", site.language());
        json.put("url", site.base() + "/");
        json.put("version", GhostApi.VERSION);
        json.put("allow_external_signup", false);
        return Map.of("site", json);
    }

    @PostMapping({"/images/upload", "/images/upload/"})
    @GhostEndpoint(docName = "images", method = "upload")
    ResponseEntity<Map<String, Object>> uploadImage(@RequestParam(required = false) MultipartFile file,
                                                    @RequestParam(defaultValue = "image") String purpose,
                                                    @RequestParam(required = false) String ref) {
        if (file == null || file.isEmpty()) {
            throw GhostError.validation("file", "Please select an image: send it as the \"file\" field of a multipart form.");
        }
        if (!List.of("image", "profile_image", "icon").contains(purpose)) {
            throw GhostError.validation("purpose", "Validation (isIn) failed for purpose: use image, profile_image or icon.");
        }
        MediaFile stored;
        try {
            // kept once a post uses it, like a picture dropped into the newsroom editor
            stored = media.uploadForArticle(file.getBytes(), file.getOriginalFilename(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!"image".equals(purpose) && stored.width() != stored.height()) {
            throw GhostError.validation("file", ("icon".equals(purpose) ? "An icon" : "A profile image") + " must be square; this image is "
                    + stored.width() + "×" + stored.height() + ".");
        }
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("url", ghost.site().absolute(stored.url()));
        image.put("ref", ref == null ? null : ref);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("images", List.of(image)));
    }

    private Map<String, Object> user(java.util.Optional<AuthorRow> author) {
        AuthorRow found = author.orElseThrow(() -> GhostError.notFound("User not found."));
        return Map.of("users", List.of(ghost.author(found, true, ghost.site(), ghost.staffByAuthor())));
    }

    private static boolean counts(HttpServletRequest request) {
        return ListParams.of(request.getParameterMap()).include().contains("count.posts");
    }

    private TagRow tag(String publicId, HttpServletRequest request) {
        return taxonomy.tag(true, "public_id", publicId, counts(request))
                .orElseThrow(() -> GhostError.notFound("Tag not found."));
    }

    private SqlCondition filter(ListParams params, Map<String, FilterField> fields) {
        return params.filter() == null || params.filter().isBlank() ? null
                : NqlSql.compile(Nql.parse(params.filter()), fields, clock);
    }

    private static Integration caller(HttpServletRequest request) {
        return AdminPostsController.caller(request);
    }

    private static Map<String, Object> envelope(String resource, List<?> items, Map<String, Object> meta) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(resource, items);
        body.put("meta", meta);
        return body;
    }
}
