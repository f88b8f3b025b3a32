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

    DashboardController(EditorialList list, ArticleHistory history, StaffSession session) {
        this.list = list;
        this.history = history;
        this.session = session;
    }

    @GetMapping("/admin")
    ModelAndView dashboard(HttpServletRequest request) {
        StaffMember staff = session.current();
        Long own = staff.can(StaffRole.REPORTER) ? null : staff.id();
        return Pages.view("editorial/dashboard", new EditorPages.DashboardPage(session.frame(request, "Dashboard", "dashboard"),
                list.countByStatus(own),
                list.rows(EditorialList.Filter.all().createdBy(staff.id()), 8),
                list.rows(EditorialList.Filter.all().status(ArticleStatus.IN_REVIEW).createdBy(own), 8),
                list.rows(EditorialList.Filter.all().status(ArticleStatus.SCHEDULED).createdBy(own), 8),
                staff.displayName()));
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
