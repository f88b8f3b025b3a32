package org.masthead.reader;

import jakarta.servlet.http.HttpServletResponse;
import org.masthead.content.Previews;
import org.masthead.system.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/** A draft opened from a share-preview link, by someone without an account. */
@Controller
class SharedPreviewController {

    private final Previews previews;
    private final ArticlePreviews pages;

    SharedPreviewController(Previews previews, ArticlePreviews pages) {
        this.previews = previews;
        this.pages = pages;
    }

    @GetMapping("/preview/{token}")
    ModelAndView show(@PathVariable String token, HttpServletResponse response) {
        long articleId = previews.articleFor(token).orElseThrow(() ->
                new NotFoundException("This preview link is not valid: it may have expired or been revoked."));
        return pages.render(articleId, "Preview shared by the newsroom — this story is not published. Please do not share "
                + "this link.", response);
    }
}
