package org.masthead.editorial;

import jakarta.servlet.http.HttpServletRequest;
import org.masthead.content.ArticleHistory;
import org.masthead.content.ArticleStatus;
import org.masthead.identity.StaffMember;
import org.masthead.identity.StaffRole;
import org.masthead.identity.StaffSession;
import org.masthead.system.Pages;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The newsroom's front page, and the audit log for editors. */
@Controller
class DashboardController {

    private final EditorialList list;
    private final ArticleHistory history;
    private final StaffSession session;
    private final java.time.Clock clock;

    DashboardController(EditorialList list, ArticleHistory history, StaffSession session, java.time.Clock clock) {
        this.list = list;
        this.history = history;
        this.session = session;
        this.clock = clock;
    }

    @GetMapping("/admin")
    ModelAndView dashboard(HttpServletRequest request) {
        StaffMember staff = session.current();
        Long own = staff.can(StaffRole.REPORTER) ? null : staff.id();
        var frame = session.frame(request, "Dashboard", "dashboard");
        var recent = list.rows(EditorialList.Filter.all().createdBy(staff.id()), 8);
        var inReview = list.rows(EditorialList.Filter.all().status(ArticleStatus.IN_REVIEW).createdBy(own), 8);
        var scheduled = list.rows(EditorialList.Filter.all().status(ArticleStatus.SCHEDULED).createdBy(own), 8);
        java.time.ZoneId zone = frame.site().timeZone();
        java.time.ZonedDateTime today = clock.instant().atZone(zone).toLocalDate().atStartOfDay(zone);
        var scheduledToday = list.scheduledBetween(today.toInstant(), today.plusDays(1).toInstant(), own);
        var drafts = list.rows(EditorialList.Filter.all().status(ArticleStatus.DRAFT).createdBy(staff.id()), 20).items();
        java.util.Set<Long> ids = new java.util.HashSet<>();
        inReview.items().forEach(row -> ids.add(row.id()));
        drafts.forEach(row -> ids.add(row.id()));
        var notes = history.latestNotes(ids);
        var sentBack = drafts.stream().filter(row -> notes.containsKey(row.id())
                && notes.get(row.id()).kind() == org.masthead.content.ReviewNote.Kind.RETURNED).toList();
        return Pages.view("editorial/dashboard", new EditorPages.DashboardPage(frame, list.countByStatus(own), recent,
                inReview, scheduled, staff.displayName(), notes, scheduledToday, sentBack));
    }

    @GetMapping("/admin/audit")
    ModelAndView audit(@RequestParam(required = false) Long article, @RequestParam(required = false) Long before,
                       HttpServletRequest request) {
        int size = 50;
        var entries = history.audit(article, before, size + 1);
        String next = null;
        if (entries.size() > size) {
            entries = entries.subList(0, size);
            next = "/admin/audit?" + (article == null ? "" : "article=" + article + "&") + "before=" + entries.get(size - 1).id();
        }
        return Pages.view("editorial/audit", new EditorPages.AuditPage(session.frame(request, "Audit log", "audit"),
                entries, article, next));
    }
}
