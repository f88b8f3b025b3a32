package org.masthead.editorial;

import java.time.Duration;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.masthead.content.EditableArticle;
import org.masthead.content.Previews;
import org.masthead.content.Publishing;
import org.masthead.identity.StaffSession;
import org.masthead.reader.ArticlePreviews;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * A story exactly as readers will see it, for the newsroom (anyone who may open it) and, through a share-preview
 * link an Editor makes, for someone without an account.
 */
@Controller
class PreviewController {

    private final Publishing publishing;
    private final Previews previews;
    private final ArticlePreviews pages;
    private final StaffSession session;

    PreviewController(Publishing publishing, Previews previews, ArticlePreviews pages, StaffSession session) {
        this.publishing = publishing;
        this.previews = previews;
        this.pages = pages;
        this.session = session;
    }

    @GetMapping("/admin/articles/{id}/preview")
    ModelAndView preview(@PathVariable long id, HttpServletResponse response) {
        EditableArticle article = publishing.view(session.actor(), id); // may this member open it at all?
        return pages.render(id, "Preview — " + article.status().label().toLowerCase(java.util.Locale.ROOT)
                + ". This is how the story will look to readers.", response);
    }

    /** A new share link, valid for {@code days} (1 to 30). */
    @PostMapping("/admin/articles/{id}/preview-links")
    String share(@PathVariable long id, @RequestParam(defaultValue = "7") int days) {
        publishing.view(session.actor(), id);
        previews.share(session.actor(), id, Duration.ofDays(Math.max(1, Math.min(30, days))));
        return "redirect:/admin/articles/" + id + "?done=shared#share";
    }

    @PostMapping("/admin/articles/{id}/preview-links/{link}/revoke")
    String revoke(@PathVariable long id, @PathVariable UUID link) {
        previews.revoke(session.actor(), id, link);
        return "redirect:/admin/articles/" + id + "?done=revoked#share";
    }
}
