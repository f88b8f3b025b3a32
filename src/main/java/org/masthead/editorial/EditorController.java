package org.masthead.editorial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.masthead.body.BodyRenderer;
import org.masthead.content.Actor;
import org.masthead.content.ArticleConflictException;
import org.masthead.content.ArticleException;
import org.masthead.content.ArticleHistory;
import org.masthead.content.ArticleKind;
import org.masthead.content.ArticleStatus;
import org.masthead.content.ArticleValidationException;
import org.masthead.content.Authors;
import org.masthead.content.Cursor;
import org.masthead.content.EditableArticle;
import org.masthead.content.Previews;
import org.masthead.content.PublishedArticles;
import org.masthead.content.Publishing;
import org.masthead.content.RawHtmlRefusedException;
import org.masthead.content.Sections;
import org.masthead.identity.StaffMember;
import org.masthead.identity.StaffRole;
import org.masthead.identity.StaffSession;
import org.masthead.media.MediaException;
import org.masthead.media.MediaFile;
import org.masthead.media.MediaLibrary;
import org.masthead.media.MediaStoreException;
import org.masthead.system.BadRequestException;
import org.masthead.system.Pages;
import org.masthead.system.SiteSettings;
import org.masthead.text.PlainText;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The newsroom's article screens: the list and the editor. The form is turned into one command of the write path —
 * the save and the button's workflow move together — with the signed-in member as its actor. The editor's
 * background requests (autosave, uploads, embeds) are in {@link EditorAssistController}, previews and share links
 * in {@link PreviewController}.
 */
@Controller
class EditorController {

    private static final int PAGE_SIZE = 30;

    private final Publishing publishing;
    private final EditorialList list;
    private final ArticleHistory history;
    private final PublishedArticles published;
    private final Previews previews;
    private final Sections sections;
    private final Authors authors;
    private final MediaLibrary media;
    private final BodyRenderer renderer;
    private final StaffSession session;
    private final SiteSettings siteSettings;
    private final Clock clock;

    EditorController(Publishing publishing, EditorialList list, ArticleHistory history, PublishedArticles published,
                     Previews previews, Sections sections, Authors authors, MediaLibrary media, BodyRenderer renderer,
                     StaffSession session, SiteSettings siteSettings, Clock clock) {
        this.publishing = publishing;
        this.list = list;
        this.history = history;
        this.published = published;
        this.previews = previews;
        this.sections = sections;
        this.authors = authors;
        this.media = media;
        this.renderer = renderer;
        this.session = session;
        this.siteSettings = siteSettings;
        this.clock = clock;
    }

    @GetMapping("/admin/articles")
    ModelAndView list(@RequestParam(required = false) String status, @RequestParam(required = false) Long section,
                      @RequestParam(required = false) Long author, @RequestParam(required = false) String q,
                      @RequestParam(required = false) String kind, @RequestParam(required = false) String before,
                      HttpServletRequest request) {
        StaffMember staff = session.current();
        ArticleStatus statusFilter = parseStatus(status);
        ArticleKind kindFilter = "page".equals(kind) ? ArticleKind.PAGE : "article".equals(kind) ? ArticleKind.ARTICLE : null;
        var rows = list.rows(new EditorialList.Filter(kindFilter, statusFilter, section, author, q,
                staff.can(StaffRole.REPORTER) ? null : staff.id(), Cursor.parse(before)), PAGE_SIZE);
        String next = rows.hasNext() ? "/admin/articles?" + query(status, section, author, q, kind) + "before=" + rows.next() : null;
        return Pages.view("editorial/list", new EditorPages.ListPage(session.frame(request, "Articles", "articles"), rows,
                sections.all(), authors.all(), status == null ? "" : status, section, author, q == null ? "" : q, next));
    }

    @GetMapping("/admin/articles/new")
    ModelAndView newArticle(@RequestParam(required = false) Long media, @RequestParam(required = false) String kind,
                            HttpServletRequest request) {
        StaffMember staff = session.current();
        ArticleForm form = ArticleForm.empty("page".equals(kind) ? ArticleKind.PAGE : ArticleKind.ARTICLE);
        if (staff.authorId() != null && form.articleKind() == ArticleKind.ARTICLE) {
            form = form.withAuthors(List.of(staff.authorId()));
        }
        if (media != null) {
            MediaFile file = this.media.find(media).orElse(null);
            if (file != null) {
                form = form.withLeadImage(file.id(), file.alt(), file.caption(), file.credit());
            }
        }
        return editor(request, null, form, null, Map.of(), null);
    }

    @PostMapping("/admin/articles")
    ModelAndView create(@ModelAttribute ArticleForm form, @RequestParam(required = false) MultipartFile leadImageFile,
                        HttpServletRequest request) {
        Actor actor = session.actor();
        EditorAction action = EditorAction.parse(form.action()).orElse(null);
        if (action == null) {
            return unknownAction(request, null, form);
        }
        Prepared prepared = prepare(form, leadImageFile, actor);
        form = prepared.form();
        if (!prepared.errors().isEmpty()) {
            return prepared.refused(invalid(editor(request, null, form, null, prepared.errors(), null), prepared.errors()));
        }
        EditableArticle article;
        try {
            article = publishing.create(actor, new Publishing.Create(form.articleKind(),
                    form.content(siteSettings.current().language(), renderer), form.guestByline(), then(form, action)));
        } catch (ArticleValidationException e) {
            return invalid(editor(request, null, keepBody(form), null, e.errors(), null), e.errors());
        } catch (RawHtmlRefusedException e) {
            return refusedBody(editor(request, null, keepBody(form), null, Map.of("body", e.getMessage()), null));
        } catch (ArticleException | IllegalArgumentException e) {
            Map<String, String> fieldError = fieldFor(e.getMessage());
            return invalid(editor(request, null, keepBody(form), null, fieldError, null), fieldError);
        }
        return done(article.id(), action);
    }

    @GetMapping("/admin/articles/{id}")
    ModelAndView edit(@PathVariable long id, @RequestParam(required = false) String done, HttpServletRequest request) {
        EditableArticle article = publishing.view(session.actor(), id);
        return editor(request, article, ArticleForm.of(article, renderer, siteSettings.current().timeZone()), null, Map.of(), notice(done));
    }

    @PostMapping("/admin/articles/{id}")
    ModelAndView update(@PathVariable long id, @ModelAttribute ArticleForm form,
                        @RequestParam(required = false) MultipartFile leadImageFile, HttpServletRequest request) {
        Actor actor = session.actor();
        EditableArticle current = publishing.view(actor, id);
        EditorAction action = EditorAction.parse(form.action()).orElse(null);
        if (action == null) {
            return unknownAction(request, current, form);
        }
        Prepared prepared = prepare(form, leadImageFile, actor);
        form = prepared.form();
        if (!prepared.errors().isEmpty()) {
            return prepared.refused(invalid(editor(request, current, form, null, prepared.errors(), null), prepared.errors()));
        }
        int version = form.version() == null ? -1 : form.version();
        try {
            publishing.revise(actor, new Publishing.Revise(id, version, form.content(siteSettings.current().language(), renderer),
                    form.guestByline(), then(form, action)));
        } catch (ArticleConflictException e) {
            // their version is saved, ours stays in the form: both are kept, nothing is overwritten
            EditableArticle latest = publishing.view(actor, id);
            ModelAndView view = editor(request, latest, keepBody(form).withVersion(latest.version()), conflict(id), Map.of(), null);
            view.setStatus(HttpStatus.CONFLICT);
            return view;
        } catch (ArticleValidationException e) {
            return invalid(editor(request, current, keepBody(form), null, e.errors(), null), e.errors());
        } catch (RawHtmlRefusedException e) {
            return refusedBody(editor(request, current, keepBody(form), null, Map.of("body", e.getMessage()), null));
        } catch (ArticleException | IllegalArgumentException e) {
            Map<String, String> fieldError = fieldFor(e.getMessage());
            return invalid(editor(request, current, keepBody(form), null, fieldError, null), fieldError);
        }
        return done(id, action);
    }

    /** The body as the writer sent it, for the form shown again; as it was when it cannot even be read. */
    private ArticleForm keepBody(ArticleForm form) {
        try {
            return form.withBody(form.body(renderer), renderer);
        } catch (ArticleValidationException unreadable) {
            return form;
        }
    }

    /** The button's workflow move, applied in the same command as the save. */
    private Publishing.Then then(ArticleForm form, EditorAction action) {
        return switch (action) {
            case SUBMIT -> new Publishing.Then.SubmitForReview(form.note());
            case PUBLISH -> Publishing.Then.PUBLISH;
            case SCHEDULE -> {
                Instant at = form.scheduledInstant(siteSettings.current().timeZone());
                if (at == null) {
                    throw new ArticleValidationException(Map.of("scheduledAt", "Enter the date and time to publish."));
                }
                yield new Publishing.Then.Schedule(at);
            }
            case UNPUBLISH -> Publishing.Then.UNPUBLISH;
            case DRAFT -> new Publishing.Then.ReturnToDraft(form.note());
            default -> Publishing.Then.KEEP;
        };
    }

    private static ModelAndView done(long id, EditorAction action) {
        return new ModelAndView("redirect:/admin/articles/" + id + "?done=" + action.value());
    }

    /** A form whose button value is no newsroom action: 400, the form again, nothing written. */
    private ModelAndView unknownAction(HttpServletRequest request, EditableArticle current, ArticleForm form) {
        Map<String, String> error = Map.of("form", "“" + PlainText.line(form.action())
                + "” is not a newsroom action. Use the buttons of the publish panel.");
        ModelAndView view = editor(request, current, keepBody(form).withAction("save"), null, error, null);
        view.setStatus(HttpStatus.BAD_REQUEST);
        return view;
    }

    /**
     * The form after its upload: errors per field, and whether the server is at fault (a full or read-only media
     * disk), which is answered with 503 instead of 422.
     */
    private record Prepared(ArticleForm form, Map<String, String> errors, boolean serverFault) {

        ModelAndView refused(ModelAndView view) {
            if (serverFault) {
                view.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
            }
            return view;
        }
    }

    /**
     * Stores a lead image uploaded with the form (without JavaScript) first; the form then refers to it by id. It
     * stays in the library only if the save succeeds and keeps it; a refusal becomes a field message.
     */
    private Prepared prepare(ArticleForm form, MultipartFile upload, Actor actor) {
        if (upload == null || upload.isEmpty()) {
            return new Prepared(form, Map.of(), false);
        }
        try {
            MediaFile file = media.uploadForArticle(upload.getBytes(), upload.getOriginalFilename(), actor.staffId());
            return new Prepared(form.withLeadImage(file.id(), file.alt(), file.caption(), file.credit()), Map.of(), false);
        } catch (MediaException e) {
            return new Prepared(form, Map.of("leadImageFile", e.getMessage()), e instanceof MediaStoreException);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ModelAndView editor(HttpServletRequest request, EditableArticle article, ArticleForm form,
                                EditorPages.Conflict conflict, Map<String, String> errors, String notice) {
        Actor actor = session.actor();
        MediaFile leadImage = form.leadImageId() == null || Boolean.TRUE.equals(form.removeLeadImage()) ? null
                : media.find(form.leadImageId()).orElse(null);
        MediaFile ogImage = form.ogImageId() == null ? null : media.find(form.ogImageId()).orElse(null);
        MediaFile twitterImage = form.twitterImageId() == null ? null : media.find(form.twitterImageId()).orElse(null);
        var can = article == null ? publishing.forNewArticle(actor) : article.can();
        String title = article == null ? (form.articleKind() == ArticleKind.PAGE ? "New page" : "New article")
                : "Edit: " + (article.content().headline().isBlank() ? "Untitled draft" : article.content().headline());
        var review = article == null ? EditorPages.Review.NONE : review(article);
        return Pages.view("editorial/editor", new EditorPages.EditorPage(session.frame(request, title, "articles"),
                article == null ? null : article.id(), form, article == null ? ArticleStatus.DRAFT : article.status(),
                sections.all(), authors.all(), leadImage, ogImage, twitterImage, errors, notice, conflict, can,
                article != null && article.status() == ArticleStatus.PUBLISHED ? article.publicUrl() : null,
                article == null ? null : article.scheduledAt(),
                article == null ? List.of() : published.corrections(article.id()), review,
                article == null || !actor.can(Actor.Role.EDITOR) ? List.of() : previews.links(article.id()),
                actor.can(Actor.Role.EDITOR), clock.instant(), article == null ? null : article.body().words(),
                article == null ? null : article.readingMinutes(), session.current().id()));
    }

    /** The notes that travelled with the story, and where to see what changed since an editor last sent it back. */
    private EditorPages.Review review(EditableArticle article) {
        var notes = history.notes(article.id());
        String changes = notes.stream().filter(note -> note.kind() == org.masthead.content.ReviewNote.Kind.RETURNED).findFirst()
                .flatMap(returned -> history.revisions(article.id()).stream()
                        .filter(revision -> !revision.createdAt().isAfter(returned.at())).findFirst())
                .flatMap(reviewed -> history.latestRevision(article.id())
                        .filter(latest -> latest.number() > reviewed.number())
                        .map(latest -> "/admin/articles/" + article.id() + "/revisions/" + latest.number() + "?compare="
                                + reviewed.number()))
                .orElse(null);
        return new EditorPages.Review(notes, changes);
    }

    private EditorPages.Conflict conflict(long id) {
        return history.latestRevision(id)
                .map(latest -> new EditorPages.Conflict(latest.actorName(), latest.createdAt(),
                        "/admin/articles/" + id + "/revisions/" + latest.number(),
                        "/admin/articles/" + id + "/revisions/" + latest.number() + "?compare=" + Math.max(1, latest.number() - 1)))
                .orElse(new EditorPages.Conflict("Someone", clock.instant(), "/admin/articles/" + id + "/revisions",
                        "/admin/articles/" + id + "/revisions"));
    }

    private static ModelAndView refusedBody(ModelAndView view) {
        view.setStatus(HttpStatus.FORBIDDEN);
        return view;
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
            case "draft" -> "Sent back to the writer as a draft.";
            case "correction" -> "Correction published.";
            case "restore" -> "Revision restored.";
            case "shared" -> "Preview link created. Copy it from “Share a preview”.";
            case "revoked" -> "Preview link revoked: it no longer opens the draft.";
            default -> null;
        };
    }

    private static ArticleStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ArticleStatus.fromDb(status);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Unknown status \"" + status + "\".");
        }
    }

    private static String query(String status, Long section, Long author, String q, String kind) {
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
        if ("page".equals(kind) || "article".equals(kind)) {
            query.append("kind=").append(kind).append('&');
        }
        return query.toString();
    }
}
