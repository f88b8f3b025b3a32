package org.masthead.editorial;

import java.util.ArrayList;
import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import jakarta.servlet.http.HttpServletRequest;
import org.masthead.content.Actor;
import org.masthead.content.ArticleHistory;
import org.masthead.content.Correction;
import org.masthead.content.EditableArticle;
import org.masthead.content.Publishing;
import org.masthead.content.Revision;
import org.masthead.identity.StaffSession;
import org.masthead.system.NotFoundException;
import org.masthead.system.Pages;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Revisions of an article (list, view, diff, restore) and its corrections. */
@Controller
class RevisionController {

    private final Publishing publishing;
    private final ArticleHistory history;
    private final StaffSession session;

    RevisionController(Publishing publishing, ArticleHistory history, StaffSession session) {
        this.publishing = publishing;
        this.history = history;
        this.session = session;
    }

    @GetMapping("/admin/articles/{id}/revisions")
    ModelAndView list(@PathVariable long id, HttpServletRequest request) {
        EditableArticle article = publishing.view(session.actor(), id);
        return Pages.view("editorial/revisions", new EditorPages.RevisionsPage(
                session.frame(request, "Revisions: " + article.content().headline(), "articles"), id,
                article.content().headline(), article.version(), history.revisions(id)));
    }

    @GetMapping("/admin/articles/{id}/revisions/{number}")
    ModelAndView show(@PathVariable long id, @PathVariable int number, @RequestParam(required = false) Integer compare,
                      HttpServletRequest request) {
        Actor actor = session.actor();
        EditableArticle article = publishing.view(actor, id);
        Revision revision = history.revision(id, number).orElseThrow(() -> new NotFoundException("No revision " + number));
        int otherNumber = compare != null ? compare : number - 1;
        Revision other = otherNumber >= 1 && otherNumber != number ? history.revision(id, otherNumber).orElse(null) : null;
        return Pages.view("editorial/revision", new EditorPages.RevisionPage(
                session.frame(request, "Revision " + number, "articles"), id, article.version(), revision, other,
                diff(other == null ? List.of() : other.lines(), revision.lines()), article.can().edit()));
    }

    @PostMapping("/admin/articles/{id}/revisions/{number}/restore")
    String restore(@PathVariable long id, @PathVariable int number, @RequestParam int version) {
        publishing.restore(session.actor(), new Publishing.Restore(id, version, number));
        return "redirect:/admin/articles/" + id + "?done=restore";
    }

    @PostMapping("/admin/articles/{id}/corrections")
    String correct(@PathVariable long id, @RequestParam(defaultValue = "CORRECTION") Correction.Kind kind,
                   @RequestParam(defaultValue = "") String text) {
        publishing.correct(session.actor(), new Publishing.Correct(id, kind, text));
        return "redirect:/admin/articles/" + id + "?done=correction";
    }

    /** A line diff from the older version to the newer: unchanged, removed and added lines in order. */
    static List<EditorPages.DiffLine> diff(List<String> older, List<String> newer) {
        Patch<String> patch = DiffUtils.diff(older, newer);
        List<EditorPages.DiffLine> lines = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            for (; position < delta.getSource().getPosition(); position++) {
                lines.add(new EditorPages.DiffLine("same", older.get(position)));
            }
            delta.getSource().getLines().forEach(line -> lines.add(new EditorPages.DiffLine("removed", line)));
            delta.getTarget().getLines().forEach(line -> lines.add(new EditorPages.DiffLine("added", line)));
            position += delta.getSource().size();
        }
        for (; position < older.size(); position++) {
            lines.add(new EditorPages.DiffLine("same", older.get(position)));
        }
        return lines;
    }
}
