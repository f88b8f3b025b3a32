package org.masthead.editorial;

import java.util.ArrayList;
import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import jakarta.servlet.http.HttpServletRequest;
import org.masthead.body.BodyRenderer;
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

    private static final java.util.regex.Pattern WORDS = java.util.regex.Pattern.compile("\\s+|[\\p{L}\\p{N}'’-]+|[^\\s\\p{L}\\p{N}]");

    private final Publishing publishing;
    private final ArticleHistory history;
    private final StaffSession session;
    private final BodyRenderer renderer;

    RevisionController(Publishing publishing, ArticleHistory history, StaffSession session, BodyRenderer renderer) {
        this.publishing = publishing;
        this.history = history;
        this.session = session;
        this.renderer = renderer;
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
                diff(other == null ? List.of() : readable(other), readable(revision)), article.can().edit()));
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

    /** A revision as a reader would read it: its fields, then its body block by block (not its source). */
    private List<String> readable(Revision revision) {
        List<String> lines = new ArrayList<>();
        lines.add("Headline: " + revision.headline());
        lines.add("Slug: " + revision.slug());
        lines.add("Standfirst: " + (revision.standfirst() == null ? "" : revision.standfirst()));
        lines.add("Tags: " + String.join(", ", revision.tags()));
        if (revision.leadImage() != null) {
            lines.add("Lead image: #" + revision.leadImage().mediaId() + " alt \"" + revision.leadImage().alt() + "\", caption \""
                    + revision.leadImage().caption() + "\", credit \"" + revision.leadImage().credit() + "\"");
        }
        var seo = revision.seo();
        if (!seo.equals(org.masthead.content.Seo.NONE)) {
            lines.add("Search: " + seo.metaTitle() + " — " + seo.metaDescription());
            lines.add("Social: " + seo.ogTitle() + " — " + seo.ogDescription());
        }
        try {
            lines.addAll(renderer.readable(revision.bodySource(), revision.bodyFormat()));
        } catch (IllegalArgumentException unreadable) {
            lines.addAll(List.of(revision.bodySource().split("\n", -1)));
        }
        return lines;
    }

    /**
     * A diff from the older version to the newer, block by block; a block changed in place shows which words
     * were removed and added, so a one-word edit does not mark its whole paragraph.
     */
    static List<EditorPages.DiffLine> diff(List<String> older, List<String> newer) {
        Patch<String> patch = DiffUtils.diff(older, newer);
        List<EditorPages.DiffLine> lines = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            for (; position < delta.getSource().getPosition(); position++) {
                lines.add(new EditorPages.DiffLine("same", older.get(position)));
            }
            List<String> removed = delta.getSource().getLines();
            List<String> added = delta.getTarget().getLines();
            int paired = Math.min(removed.size(), added.size());
            for (int i = 0; i < paired; i++) {
                lines.add(new EditorPages.DiffLine("changed", added.get(i), words(removed.get(i), added.get(i))));
            }
            removed.subList(paired, removed.size()).forEach(line -> lines.add(new EditorPages.DiffLine("removed", line)));
            added.subList(paired, added.size()).forEach(line -> lines.add(new EditorPages.DiffLine("added", line)));
            position += delta.getSource().size();
        }
        for (; position < older.size(); position++) {
            lines.add(new EditorPages.DiffLine("same", older.get(position)));
        }
        return lines;
    }

    /** Word-level changes from one version of a block to the next, runs of the same kind merged. */
    static List<EditorPages.DiffSegment> words(String older, String newer) {
        List<String> before = tokens(older);
        List<String> after = tokens(newer);
        List<EditorPages.DiffSegment> segments = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(before, after).getDeltas()) {
            for (; position < delta.getSource().getPosition(); position++) {
                append(segments, "same", before.get(position));
            }
            delta.getSource().getLines().forEach(word -> append(segments, "removed", word));
            delta.getTarget().getLines().forEach(word -> append(segments, "added", word));
            position += delta.getSource().size();
        }
        for (; position < before.size(); position++) {
            append(segments, "same", before.get(position));
        }
        return segments;
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        java.util.regex.Matcher matcher = WORDS.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    private static void append(List<EditorPages.DiffSegment> segments, String kind, String text) {
        if (!segments.isEmpty() && segments.get(segments.size() - 1).kind().equals(kind)) {
            EditorPages.DiffSegment last = segments.remove(segments.size() - 1);
            segments.add(new EditorPages.DiffSegment(kind, last.text() + text));
        } else {
            segments.add(new EditorPages.DiffSegment(kind, text));
        }
    }
}
