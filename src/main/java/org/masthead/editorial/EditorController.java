package org.masthead.editorial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.masthead.article.Article;
import org.masthead.article.ArticleConflictException;
import org.masthead.article.ArticleException;
import org.masthead.article.ArticleStatus;
import org.masthead.article.ArticleValidationException;
import org.masthead.article.ArticleView;
import org.masthead.article.Articles;
import org.masthead.article.Cursor;
import org.masthead.article.NewsroomFilter;
import org.masthead.author.Authors;
import org.masthead.identity.StaffMember;
import org.masthead.identity.StaffRole;
import org.masthead.identity.StaffSession;
import org.masthead.media.MediaException;
import org.masthead.media.MediaFile;
import org.masthead.media.MediaLibrary;
import org.masthead.section.Sections;
import org.masthead.system.Pages;
import org.masthead.system.Site;
import org.masthead.text.MarkdownRenderer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/** The newsroom's article screens: list, editor, preview, autosave. */
@Controller
class EditorController {

    private static final int PAGE_SIZE = 30;

    private final Newsroom newsroom;
    private final Articles articles;
    private final Revisions revisions;
    private final Sections sections;
    private final Authors authors;
    private final MediaLibrary media;
    private final MarkdownRenderer renderer;
    private final StaffSession session;
    private final org.masthead.system.SiteSettings siteSettings;

    EditorController(Newsroom newsroom, Articles articles, Revisions revisions, Sections sections, Authors authors,
                     MediaLibrary media, MarkdownRenderer renderer, StaffSession session, org.masthead.system.SiteSettings siteSettings) {
        this.newsroom = newsroom;
        this.articles = articles;
        this.revisions = revisions;
        this.sections = sections;
        this.authors = authors;
        this.media = media;
        this.renderer = renderer;
        this.session = session;
        this.siteSettings = siteSettings;
    }

    @GetMapping("/admin/articles")
    ModelAndView list(@RequestParam(required = false) String status, @RequestParam(required = false) Long section,
                      @RequestParam(required = false) Long author, @RequestParam(required = false) String q,
                      @RequestParam(required = false) String before, HttpServletRequest request) {
        StaffMember staff = session.current();
        ArticleStatus statusFilter = parseStatus(status);
        var rows = articles.newsroom(new NewsroomFilter(statusFilter, section, author, q,
                staff.can(StaffRole.REPORTER) ? null : staff.id(), Cursor.parse(before)), PAGE_SIZE);
        String next = rows.hasNext() ? "/admin/articles?" + query(status, section, author, q) + "before=" + rows.next() : null;
        return Pages.view("editorial/list", new EditorPages.ListPage(session.frame(request, "Articles", "articles"), rows,
                sections.all(), authors.all(), status == null ? "" : status, section, author, q == null ? "" : q, next));
    }

    @GetMapping("/admin/articles/new")
    ModelAndView newArticle(@RequestParam(required = false) Long media, HttpServletRequest request) {
        StaffMember staff = session.current();
        ArticleForm form = ArticleForm.empty();
        if (staff.authorId() != null) {
            form = form.withAuthors(List.of(staff.authorId()));
        }
        if (media != null) {
            MediaFile file = this.media.find(media).orElse(null);
            if (file != null) {
                form = form.withLeadImage(file.id(), file.alt(), file.caption(), file.credit());
            }
        }
        return editor(request, null, form, null, Map.of(), null, null);
    }

    @PostMapping("/admin/articles")
    ModelAndView create(@ModelAttribute ArticleForm form, @RequestParam(required = false) MultipartFile leadImageFile,
                        HttpServletRequest request) {
        StaffMember staff = session.current();
        Map<String, String> errors = new LinkedHashMap<>();
        form = prepare(form, leadImageFile, staff, errors);
        if (!errors.isEmpty() || form.action().equals("preview")) {
            return invalid(editor(request, null, form, null, errors, null, preview(form)), errors);
        }
        Article article;
        try {
            article = newsroom.create(staff, form.content(siteSettings.current().language()));
        } catch (ArticleValidationException e) {
            return invalid(editor(request, null, form, null, e.errors(), null, null), e.errors());
        } catch (ArticleException | IllegalArgumentException e) {
            Map<String, String> fieldError = fieldFor(e.getMessage());
            return invalid(editor(request, null, form, null, fieldError, null, null), fieldError);
        }
        return transition(request, article, form.withVersion(article.version()), staff);
    }

    @GetMapping("/admin/articles/{id}")
    ModelAndView edit(@PathVariable long id, @RequestParam(required = false) String done, HttpServletRequest request) {
        Article article = newsroom.view(session.current(), id);
        return editor(request, article, ArticleForm.of(article), null, Map.of(), notice(done), null);
    }

    @PostMapping("/admin/articles/{id}")
    ModelAndView update(@PathVariable long id, @ModelAttribute ArticleForm form,
                        @RequestParam(required = false) MultipartFile leadImageFile, HttpServletRequest request) {
        StaffMember staff = session.current();
        Article current = newsroom.view(staff, id);
        Map<String, String> errors = new LinkedHashMap<>();
        form = prepare(form, leadImageFile, staff, errors);
        if (!errors.isEmpty() || form.action().equals("preview")) {
            return invalid(editor(request, current, form, null, errors, null, preview(form)), errors);
        }
        int version = form.version() == null ? -1 : form.version();
        Article saved;
        try {
            saved = newsroom.save(staff, id, version, form.content(siteSettings.current().language()), false);
        } catch (ArticleConflictException e) {
            Article latest = newsroom.view(staff, id);
            ModelAndView view = editor(request, latest, form.withVersion(latest.version()), conflict(id), Map.of(),
                    null, null);
            view.setStatus(HttpStatus.CONFLICT);
            return view;
        } catch (ArticleValidationException e) {
            return invalid(editor(request, current, form, null, e.errors(), null, null), e.errors());
        } catch (ArticleException | IllegalArgumentException e) {
            Map<String, String> fieldError = fieldFor(e.getMessage());
            return invalid(editor(request, current, form, null, fieldError, null, null), fieldError);
        }
        return transition(request, saved, form.withVersion(saved.version()), staff);
    }

    /** After the content is saved, the workflow move the pressed button asked for. */
    private ModelAndView transition(HttpServletRequest request, Article saved, ArticleForm form, StaffMember staff) {
        long id = saved.id();
        try {
            switch (form.action()) {
                case "submit" -> newsroom.submit(staff, id, saved.version());
                case "publish" -> newsroom.publish(staff, id, saved.version());
                case "schedule" -> {
                    Instant at = form.scheduledInstant(siteSettings.current().timeZone());
                    if (at == null) {
                        throw new ArticleValidationException(Map.of("scheduledAt", "Enter the date and time to publish."));
                    }
                    newsroom.schedule(staff, id, saved.version(), at);
                }
                case "unpublish" -> newsroom.unpublish(staff, id, saved.version());
                case "draft" -> newsroom.returnToDraft(staff, id, saved.version());
                default -> { }
            }
        } catch (ArticleValidationException e) {
            Article latest = newsroom.view(staff, id);
            return invalid(editor(request, latest, form.withVersion(latest.version()), null, e.errors(),
                    "Your changes are saved, but the article could not be " + pastTense(form.action()) + " yet.", null),
                    e.errors());
        } catch (ArticleException e) {
            Article latest = newsroom.view(staff, id);
            Map<String, String> error = Map.of("form", e.getMessage());
            return invalid(editor(request, latest, form.withVersion(latest.version()), null, error, null, null), error);
        }
        return new ModelAndView("redirect:/admin/articles/" + id + "?done=" + form.action());
    }

    @PostMapping(path = "/admin/articles/{id}/autosave", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> autosave(@PathVariable long id, @ModelAttribute ArticleForm form) {
        StaffMember staff = session.current();
        int version = form.version() == null ? -1 : form.version();
        try {
            Article saved = newsroom.save(staff, id, version, form.content(siteSettings.current().language()), true);
            return ResponseEntity.ok(Map.of("version", saved.version(), "savedAt", siteSettings.current().time(saved.updatedAt()),
                    "message", "Draft saved at " + siteSettings.current().time(saved.updatedAt())));
        } catch (ArticleConflictException e) {
            EditorPages.Conflict conflict = conflict(id);
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of(
                    "message", "Not saved: " + conflict.savedBy() + " saved this article at " + siteSettings.current().time(conflict.savedAt())
                            + ". Reload to see their version before you continue.",
                    "theirVersion", conflict.theirVersionUrl()));
        } catch (ArticleException | IllegalArgumentException e) {
            return ResponseEntity.unprocessableEntity().body(Map.of("message", "Not saved: " + e.getMessage()));
        }
    }

    @PostMapping(path = "/admin/articles/preview", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String preview(@RequestParam(defaultValue = "") String bodyMarkdown) {
        return renderer.render(bodyMarkdown).html();
    }

    private String preview(ArticleForm form) {
        return form.action().equals("preview") ? renderer.render(form.bodyMarkdown()).html() : null;
    }

    private ArticleForm prepare(ArticleForm form, MultipartFile upload, StaffMember staff, Map<String, String> errors) {
        if (form.headline().isBlank()) {
            errors.put("headline", "Write a headline.");
        }
        if (form.sectionId() == null || sections.findById(form.sectionId()).isEmpty()) {
            errors.put("sectionId", "Choose a section.");
        }
        if (!form.guestByline().isBlank() && errors.isEmpty() && !form.action().equals("preview")) {
            // a guest profile is public: created only when the article itself is saved
            try {
                List<Long> ids = new ArrayList<>(form.authorIds());
                long guest = authors.findOrCreateGuest(form.guestByline()).id();
                if (!ids.contains(guest)) {
                    ids.add(guest);
                }
                form = form.withAuthors(ids);
            } catch (IllegalArgumentException e) {
                errors.put("guestByline", e.getMessage());
            }
        }
        if (upload != null && !upload.isEmpty()) {
            try {
                MediaFile file = media.upload(upload.getBytes(), upload.getOriginalFilename(), staff.id());
                form = form.withLeadImage(file.id(), file.alt(), file.caption(), file.credit());
            } catch (MediaException e) {
                errors.put("leadImageFile", e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return form;
    }

    private ModelAndView editor(HttpServletRequest request, Article article, ArticleForm form, EditorPages.Conflict conflict,
                                Map<String, String> errors, String notice, String previewHtml) {
        StaffMember staff = session.current();
        MediaFile leadImage = form.leadImageId() == null || Boolean.TRUE.equals(form.removeLeadImage()) ? null : media.find(form.leadImageId()).orElse(null);
        EditorPages.Permissions can = article == null
                ? new EditorPages.Permissions(true, true, staff.can(StaffRole.REPORTER), false, false, false)
                : new EditorPages.Permissions(EditorialPolicy.canEdit(staff, article),
                EditorialPolicy.canSubmit(staff, article),
                EditorialPolicy.canPublish(staff, article) && article.status() != ArticleStatus.PUBLISHED,
                EditorialPolicy.canPublish(staff, article) && article.status() == ArticleStatus.PUBLISHED,
                EditorialPolicy.canReturnToDraft(staff, article) && article.status() != ArticleStatus.DRAFT
                        && article.status() != ArticleStatus.PUBLISHED,
                EditorialPolicy.canCorrect(staff) && article.status() == ArticleStatus.PUBLISHED);
        String title = article == null ? "New article" : "Edit: " + article.content().headline();
        return Pages.view("editorial/editor", new EditorPages.EditorPage(session.frame(request, title, "articles"),
                article == null ? null : article.id(), form, article == null ? ArticleStatus.DRAFT : article.status(),
                sections.all(), authors.all(), leadImage, errors, notice, conflict, can, previewHtml,
                article != null && article.status() == ArticleStatus.PUBLISHED ? ArticleView.urlOf(article.slug()) : null,
                article == null ? null : article.scheduledAt(),
                article == null ? List.of() : articles.corrections(article.id())));
    }

    private EditorPages.Conflict conflict(long id) {
        return revisions.latest(id)
                .map(latest -> new EditorPages.Conflict(latest.staffName(), latest.createdAt(),
                        "/admin/articles/" + id + "/revisions/" + latest.number(),
                        "/admin/articles/" + id + "/revisions/" + latest.number() + "?compare=" + Math.max(1, latest.number() - 1)))
                .orElse(new EditorPages.Conflict("Someone", Instant.now(), "/admin/articles/" + id + "/revisions",
                        "/admin/articles/" + id + "/revisions"));
    }

    private static ModelAndView invalid(ModelAndView view, Map<String, String> errors) {
        if (view.getStatus() == null) {
            view.setStatus(errors.isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY);
        }
        return view;
    }

    private static Map<String, String> fieldFor(String message) {
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        String field = lower.contains("slug") ? "slug" : lower.contains("headline") ? "headline"
                : lower.contains("byline") ? "guestByline" : "form";
        return Map.of(field, message);
    }

    private static String notice(String done) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "save" -> "Saved.";
            case "submit" -> "Submitted for review. An editor will take it from here.";
            case "publish" -> "Published. Readers can see it now.";
            case "schedule" -> "Scheduled.";
            case "unpublish" -> "Unpublished. Readers no longer see it.";
            case "draft" -> "Returned to draft.";
            case "correction" -> "Correction published.";
            case "restore" -> "Revision restored.";
            default -> null;
        };
    }

    private static String pastTense(String action) {
        return switch (action) {
            case "submit" -> "submitted";
            case "schedule" -> "scheduled";
            case "unpublish" -> "unpublished";
            default -> "published";
        };
    }

    private static ArticleStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ArticleStatus.fromDb(status);
        } catch (IllegalArgumentException e) {
            throw new org.masthead.system.BadRequestException("Unknown status \"" + status + "\".");
        }
    }

    private static String query(String status, Long section, Long author, String q) {
        StringBuilder query = new StringBuilder();
        if (status != null && !status.isBlank()) {
            query.append("status=").append(status).append('&');
        }
        if (section != null) {
            query.append("section=").append(section).append('&');
        }
        if (author != null) {
            query.append("author=").append(author).append('&');
        }
        if (q != null && !q.isBlank()) {
            query.append("q=").append(java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8)).append('&');
        }
        return query.toString();
    }
}
