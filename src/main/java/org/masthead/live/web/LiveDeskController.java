package org.masthead.live.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.masthead.body.BodyDocument;
import org.masthead.body.BodyFormat;
import org.masthead.body.BodyNode;
import org.masthead.content.Actor;
import org.masthead.content.ArticleException;
import org.masthead.content.ArticleValidationException;
import org.masthead.content.Authors;
import org.masthead.content.EditableArticle;
import org.masthead.content.LiveBlogs;
import org.masthead.content.Publishing;
import org.masthead.identity.StaffSession;
import org.masthead.system.NotFoundException;
import org.masthead.system.Pages;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The live desk: where reporters cover a story as it happens — a compose box on top (Ctrl+Enter posts), the stream
 * below with edit, delete, pin and key-event controls, entries waiting for an editor, and the coverage's start and
 * end. Every action is a plain form, so it works without JavaScript; with it, other reporters' entries appear as
 * they are posted.
 */
@Controller
class LiveDeskController {

    private static final int STREAM = 50;

    private final LiveBlogs liveBlogs;
    private final Publishing publishing;
    private final Authors authors;
    private final StaffSession session;
    private final org.masthead.body.BodyRenderer renderer;
    private final org.masthead.media.MediaLibrary media;

    LiveDeskController(LiveBlogs liveBlogs, Publishing publishing, Authors authors, StaffSession session,
                       org.masthead.body.BodyRenderer renderer, org.masthead.media.MediaLibrary media) {
        this.liveBlogs = liveBlogs;
        this.publishing = publishing;
        this.authors = authors;
        this.session = session;
        this.renderer = renderer;
        this.media = media;
    }

    @GetMapping("/admin/live/{articleId}")
    ModelAndView desk(@PathVariable long articleId, @RequestParam(required = false) String done, HttpServletRequest request) {
        return page(articleId, request, null, done == null ? null : NOTICES.getOrDefault(done, null), null);
    }

    /** The stream part of the desk alone, which the page fetches again when another reporter posts. */
    @GetMapping("/admin/live/{articleId}/stream")
    ModelAndView stream(@PathVariable long articleId, HttpServletRequest request) {
        ModelAndView page = page(articleId, request, null, null, null);
        page.setViewName("live/desk-stream");
        return page;
    }

    @PostMapping("/admin/live/{articleId}/start")
    ModelAndView start(@PathVariable long articleId, HttpServletRequest request) {
        return act(articleId, request, "started", () -> liveBlogs.start(session.actor(), articleId));
    }

    @PostMapping("/admin/live/{articleId}/end")
    ModelAndView end(@PathVariable long articleId, HttpServletRequest request) {
        return act(articleId, request, "ended", () -> liveBlogs.end(session.actor(), articleId));
    }

    @PostMapping("/admin/live/{articleId}/contributors")
    ModelAndView contributors(@PathVariable long articleId, @RequestParam(defaultValue = "false") boolean open,
                              HttpServletRequest request) {
        return act(articleId, request, "saved", () -> liveBlogs.openToContributors(session.actor(), articleId, open));
    }

    @PostMapping("/admin/live/{articleId}/entries")
    ModelAndView add(@PathVariable long articleId, EntryForm form,
                     @RequestParam(name = "picture", required = false) org.springframework.web.multipart.MultipartFile picture,
                     HttpServletRequest request) {
        try {
            LiveBlogs.Entry entry = liveBlogs.add(session.actor(), articleId, withBlocks(form, picture));
            return new ModelAndView("redirect:/admin/live/" + articleId + "?done=" + (entry.isPublished() ? "posted" : "waiting"));
        } catch (ArticleValidationException e) {
            return refused(articleId, request, String.join(" ", e.errors().values()), form);
        } catch (ArticleException | AccessDeniedException | org.masthead.media.MediaException e) {
            return refused(articleId, request, e.getMessage(), form);
        } catch (java.io.IOException e) {
            return refused(articleId, request, "The picture could not be read; try again.", form);
        }
    }

    /**
     * The entry as blocks when it has a quote with its speaker, a picture with its credit or an embed (the text above them is
     * Markdown, turned into blocks too), else the Markdown as it is.
     */
    private LiveBlogs.EntryContent withBlocks(EntryForm form, org.springframework.web.multipart.MultipartFile picture)
            throws java.io.IOException {
        boolean quote = form.quote() != null && !form.quote().isBlank();
        boolean hasPicture = picture != null && !picture.isEmpty();
        String embed = form.embed() == null ? "" : form.embed().strip();
        if (!embed.isEmpty() && org.masthead.body.EmbedProviders.match(embed).isEmpty()) {
            throw new ArticleException("Embeds come from the listed providers (YouTube, Vimeo, X, Instagram…); "
                    + "put any other address in the text as a link.");
        }
        if (!quote && !hasPicture && embed.isEmpty()) {
            return form.content();
        }
        List<BodyNode> blocks = new java.util.ArrayList<>(renderer.fromMarkdown(form.body() == null ? "" : form.body()).blocks());
        if (quote) {
            List<BodyNode> parts = new java.util.ArrayList<>(List.of(BodyNode.block("paragraph", List.of(BodyNode.text(form.quote().strip())))));
            if (form.quoteBy() != null && !form.quoteBy().isBlank()) {
                parts.add(BodyNode.block("attribution", List.of(BodyNode.text(form.quoteBy().strip()))));
            }
            blocks.add(BodyNode.block("quote", parts));
        }
        if (hasPicture) {
            org.masthead.media.MediaFile stored = media.uploadForArticle(picture.getBytes(), picture.getOriginalFilename(),
                    session.staffId());
            Map<String, Object> attrs = new java.util.LinkedHashMap<>();
            attrs.put("mediaId", stored.id());
            attrs.put("alt", nullToEmpty(form.pictureAlt()).strip());
            attrs.put("caption", nullToEmpty(form.pictureCaption()).strip());
            attrs.put("credit", nullToEmpty(form.pictureCredit()).strip());
            blocks.add(BodyNode.block("image", attrs, List.of()));
        }
        if (!embed.isEmpty()) {
            blocks.add(BodyNode.block("embed", Map.of("url", embed), List.of()));
        }
        return new LiveBlogs.EntryContent(form.title(), new BodyDocument(blocks).toJson(), BodyFormat.BLOCKS,
                Boolean.TRUE.equals(form.keyEvent()), Boolean.TRUE.equals(form.pinned()), form.authorIds());
    }

    /** An entry written in blocks (a quote, a picture) keeps its body here; its title, flags and bylines change. */
    @PostMapping("/admin/live/{articleId}/entries/{entryId}")
    ModelAndView edit(@PathVariable long articleId, @PathVariable long entryId, EntryForm form,
                      @RequestParam int version, HttpServletRequest request) {
        return act(articleId, request, "updated", () -> {
            LiveBlogs.Entry entry = entry(articleId, entryId);
            LiveBlogs.EntryContent content = entry.bodyFormat() == BodyFormat.BLOCKS
                    ? new LiveBlogs.EntryContent(form.title(), entry.bodySource(), BodyFormat.BLOCKS,
                    Boolean.TRUE.equals(form.keyEvent()), Boolean.TRUE.equals(form.pinned()), form.authorIds())
                    : form.content();
            return liveBlogs.edit(session.actor(), entry.id(), version, content);
        });
    }

    @PostMapping("/admin/live/{articleId}/entries/{entryId}/delete")
    ModelAndView delete(@PathVariable long articleId, @PathVariable long entryId, HttpServletRequest request) {
        return act(articleId, request, "deleted", () -> {
            liveBlogs.delete(session.actor(), entry(articleId, entryId).id());
            return null;
        });
    }

    @PostMapping("/admin/live/{articleId}/entries/{entryId}/approve")
    ModelAndView approve(@PathVariable long articleId, @PathVariable long entryId, HttpServletRequest request) {
        return act(articleId, request, "posted", () -> liveBlogs.approve(session.actor(), entry(articleId, entryId).id()));
    }

    /** Pin or unpin, mark or unmark as a key event: the entry as it is, with one flag turned. */
    @PostMapping("/admin/live/{articleId}/entries/{entryId}/flags")
    ModelAndView flags(@PathVariable long articleId, @PathVariable long entryId,
                       @RequestParam(required = false) Boolean pinned, @RequestParam(required = false) Boolean keyEvent,
                       HttpServletRequest request) {
        return act(articleId, request, "updated", () -> {
            LiveBlogs.Entry entry = entry(articleId, entryId);
            return liveBlogs.edit(session.actor(), entryId, entry.version(), new LiveBlogs.EntryContent(entry.title(),
                    entry.bodySource(), entry.bodyFormat(), keyEvent != null ? keyEvent : entry.keyEvent(),
                    pinned != null ? pinned : entry.pinned(), entry.bylines().stream().map(b -> b.authorId()).toList()));
        });
    }

    /**
     * @param authorIds "post as": the bylines, in order; none means the reporter's own
     */
    record EntryForm(String title, String body, Boolean keyEvent, Boolean pinned, List<Long> authorIds, String quote,
                     String quoteBy, String pictureAlt, String pictureCaption, String pictureCredit, String embed) {

        /** An unticked box sends nothing. */
        LiveBlogs.EntryContent content() {
            return new LiveBlogs.EntryContent(title, body, BodyFormat.MARKDOWN, Boolean.TRUE.equals(keyEvent),
                    Boolean.TRUE.equals(pinned), authorIds);
        }
    }

    private static final Map<String, String> NOTICES = Map.of("posted", "Posted.", "waiting",
            "Sent to an editor: it appears once approved.", "updated", "Updated.", "deleted", "Deleted.",
            "started", "Live coverage started.", "ended", "Live coverage ended; the page stays as an archive.",
            "saved", "Saved.");

    private ModelAndView act(long articleId, HttpServletRequest request, String done, java.util.function.Supplier<?> action) {
        try {
            action.get();
            return new ModelAndView("redirect:/admin/live/" + articleId + "?done=" + done);
        } catch (ArticleValidationException e) {
            return refused(articleId, request, String.join(" ", e.errors().values()), null);
        } catch (ArticleException | AccessDeniedException e) {
            return refused(articleId, request, e.getMessage(), null);
        }
    }

    private LiveBlogs.Entry entry(long articleId, long entryId) {
        return liveBlogs.entry(entryId).filter(entry -> entry.articleId() == articleId)
                .orElseThrow(() -> new NotFoundException("No live entry " + entryId));
    }

    private ModelAndView refused(long articleId, HttpServletRequest request, String error, EntryForm form) {
        ModelAndView page = page(articleId, request, error, null, form);
        page.setStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        return page;
    }

    private ModelAndView page(long articleId, HttpServletRequest request, String error, String notice, EntryForm form) {
        Actor actor = session.actor();
        LiveBlogs.LiveBlog blog = liveBlogs.find(articleId).orElse(null);
        EditableArticle article;
        try {
            article = publishing.view(actor, articleId);
        } catch (AccessDeniedException notTheirs) {
            if (blog == null) {
                throw notTheirs;
            }
            // a live blog's desk is open to every reporter of the newsroom, contributors included (their entries
            // wait for an editor): they see its headline here, not its draft in the editor
            article = publishing.view(Actor.system("Live desk"), articleId);
        }
        List<LiveBlogs.Entry> entries = blog == null ? List.of() : liveBlogs.page(articleId, null, STREAM);
        List<LiveBlogs.Entry> pending = blog == null ? List.of() : liveBlogs.pending(articleId);
        return Pages.view("live/desk", new LiveDeskPage(session.frame(request, "Live desk · " + article.content().headline(),
                "articles"), article, blog, entries, pending, authors.all(), actor.authorId(), actor.can(Actor.Role.EDITOR),
                actor.staffId(), actor.can(Actor.Role.REPORTER), error, notice,
                form == null ? "" : nullToEmpty(form.title()), form == null ? "" : nullToEmpty(form.body())));
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
