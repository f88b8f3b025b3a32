package org.masthead.editorial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.masthead.body.BodyRenderer;
import org.masthead.body.EmbedProviders;
import org.masthead.content.ArticleConflictException;
import org.masthead.content.ArticleException;
import org.masthead.content.ArticleHistory;
import org.masthead.content.ArticleValidationException;
import org.masthead.content.EditableArticle;
import org.masthead.content.Publishing;
import org.masthead.identity.StaffSession;
import org.masthead.media.MediaException;
import org.masthead.media.MediaFile;
import org.masthead.media.MediaLibrary;
import org.masthead.media.MediaStoreException;
import org.masthead.system.SiteSettings;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the article editor asks for in the background: autosave (the first one creates the draft), pictures
 * uploaded into the body, the media library to pick from, and whether a pasted address can be embedded. Answers
 * are JSON; a refusal says why in {@code message}.
 */
@RestController
class EditorAssistController {

    private static final int LIBRARY_PAGE = 40;

    private final Publishing publishing;
    private final ArticleHistory history;
    private final MediaLibrary media;
    private final BodyRenderer renderer;
    private final StaffSession session;
    private final SiteSettings siteSettings;

    EditorAssistController(Publishing publishing, ArticleHistory history, MediaLibrary media, BodyRenderer renderer,
                           StaffSession session, SiteSettings siteSettings) {
        this.publishing = publishing;
        this.history = history;
        this.media = media;
        this.renderer = renderer;
        this.session = session;
        this.siteSettings = siteSettings;
    }

    /** The first autosave of a new article: creates the draft, and tells the page where it now lives. */
    @PostMapping(path = "/admin/articles/autosave", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> createDraft(@ModelAttribute ArticleForm form) {
        try {
            EditableArticle draft = publishing.create(session.actor(), new Publishing.Create(form.articleKind(),
                    form.content(siteSettings.current().language(), renderer), form.guestByline(), Publishing.Then.KEEP));
            Map<String, Object> saved = saved(draft);
            saved.put("id", draft.id());
            saved.put("editUrl", "/admin/articles/" + draft.id());
            saved.put("autosaveUrl", "/admin/articles/" + draft.id() + "/autosave");
            saved.put("previewUrl", "/admin/articles/" + draft.id() + "/preview");
            return ResponseEntity.status(HttpStatus.CREATED).body(saved);
        } catch (ArticleValidationException e) {
            return ResponseEntity.unprocessableEntity().body(Map.of("message", "Not saved: " + String.join(" ", e.errors().values()),
                    "errors", e.errors()));
        } catch (ArticleException | IllegalArgumentException e) {
            return ResponseEntity.unprocessableEntity().body(Map.of("message", "Not saved: " + e.getMessage()));
        }
    }

    @PostMapping(path = "/admin/articles/{id}/autosave", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> autosave(@PathVariable long id, @ModelAttribute ArticleForm form) {
        int version = form.version() == null ? -1 : form.version();
        try {
            EditableArticle saved = publishing.autosave(session.actor(),
                    new Publishing.Autosave(id, version, form.content(siteSettings.current().language(), renderer)));
            return ResponseEntity.ok(saved(saved));
        } catch (ArticleConflictException e) {
            var latest = history.latestRevision(id);
            String who = latest.map(revision -> revision.actorName()).orElse("Someone");
            String when = latest.map(revision -> siteSettings.current().time(revision.createdAt())).orElse("");
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of(
                    "message", "Not saved: " + who + " saved this article" + (when.isEmpty() ? "" : " at " + when)
                            + ". Your text is kept in this browser; press Save to see both versions.",
                    "theirVersion", latest.map(revision -> "/admin/articles/" + id + "/revisions/" + revision.number()).orElse("")));
        } catch (ArticleValidationException e) {
            return ResponseEntity.unprocessableEntity().body(Map.of("message", "Not saved: " + String.join(" ", e.errors().values()),
                    "errors", e.errors()));
        } catch (ArticleException | IllegalArgumentException e) {
            return ResponseEntity.unprocessableEntity().body(Map.of("message", "Not saved: " + e.getMessage()));
        }
    }

    /** A refusal the writer can act on ("raw HTML blocks are an Editor's call"), as JSON the editor can show. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, Object>> refused(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("message", "Not saved: " + e.getMessage()));
    }

    private Map<String, Object> saved(EditableArticle article) {
        String time = siteSettings.current().time(article.updatedAt());
        Map<String, Object> saved = new LinkedHashMap<>();
        saved.put("version", article.version());
        saved.put("savedAt", time);
        saved.put("message", "Saved " + time);
        saved.put("words", article.body().words());
        saved.put("readingMinutes", article.readingMinutes());
        return saved;
    }

    /**
     * A picture dropped or pasted into the body, or chosen as lead or social image: checked and stored like any
     * upload, kept in the library once an article is saved with it (else swept away after a day).
     */
    @PostMapping(path = "/admin/articles/uploads", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> upload(@RequestParam(required = false) MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return ResponseEntity.badRequest().body(Map.of("message", "Choose an image file to upload."));
        }
        try {
            MediaFile stored = media.uploadForArticle(file.getBytes(), file.getOriginalFilename(), session.actor().staffId());
            return ResponseEntity.status(HttpStatus.CREATED).body(picture(stored));
        } catch (MediaStoreException e) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("message", e.getMessage()));
        } catch (MediaException e) {
            return ResponseEntity.unprocessableEntity().body(Map.of("message", e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Library pictures to pick from, newest first, matching every word of {@code q} in their description. */
    @GetMapping(path = "/admin/articles/library.json", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> library(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) Long before) {
        List<MediaFile> files = media.search(q, before, LIBRARY_PAGE + 1);
        List<Map<String, Object>> items = files.stream().limit(LIBRARY_PAGE).map(this::picture).toList();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", items);
        page.put("next", files.size() > LIBRARY_PAGE ? "/admin/articles/library.json?q="
                + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8) + "&before=" + files.get(LIBRARY_PAGE - 1).id() : null);
        return page;
    }

    private Map<String, Object> picture(MediaFile file) {
        List<MediaLibrary.Variant> variants = media.variants(file.id());
        Map<String, Object> picture = new LinkedHashMap<>();
        picture.put("id", file.id());
        picture.put("url", file.url());
        picture.put("thumbnailUrl", variants.isEmpty() ? file.url() : variants.get(0).url());
        picture.put("width", file.width());
        picture.put("height", file.height());
        picture.put("alt", file.alt());
        picture.put("caption", file.caption());
        picture.put("credit", file.credit());
        return picture;
    }

    /** Whether an address can be embedded, and from which provider: the one list in {@link EmbedProviders}. */
    @GetMapping(path = "/admin/articles/embeds", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> embed(@RequestParam(defaultValue = "") String url) {
        return EmbedProviders.match(url).<ResponseEntity<Map<String, Object>>>map(embed -> ResponseEntity.ok(Map.of(
                        "url", embed.url(), "provider", embed.provider(), "providerName", embed.providerName(), "title", "")))
                .orElseGet(() -> ResponseEntity.unprocessableEntity().body(Map.of("message",
                        "Masthead can embed posts and players from " + String.join(", ", EmbedProviders.names())
                                + ". Paste the address of the post or video itself.")));
    }
}
