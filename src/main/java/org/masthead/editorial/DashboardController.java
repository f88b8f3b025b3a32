package org.masthead.editorial;

import jakarta.servlet.http.HttpServletRequest;
import org.masthead.article.ArticleStatus;
import org.masthead.article.Articles;
import org.masthead.article.NewsroomFilter;
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

    private final Articles articles;
    private final AuditLog audit;
    private final StaffSession session;

    DashboardController(Articles articles, AuditLog audit, StaffSession session) {
        this.articles = articles;
        this.audit = audit;
        this.session = session;
    }

    @GetMapping("/admin")
    ModelAndView dashboard(HttpServletRequest request) {
        StaffMember staff = session.current();
        Long own = staff.can(StaffRole.REPORTER) ? null : staff.id();
        return Pages.view("editorial/dashboard", new EditorPages.DashboardPage(session.frame(request, "Dashboard", "dashboard"),
                articles.countByStatus(own),
                articles.newsroom(new NewsroomFilter(null, null, null, null, staff.id(), null), 8),
                articles.newsroom(new NewsroomFilter(ArticleStatus.IN_REVIEW, null, null, null, own, null), 8),
                articles.newsroom(new NewsroomFilter(ArticleStatus.SCHEDULED, null, null, null, own, null), 8),
                staff.displayName()));
    }

    @GetMapping("/admin/audit")
    ModelAndView audit(@RequestParam(required = false) Long article, @RequestParam(required = false) Long before,
                       HttpServletRequest request) {
        int size = 50;
        var entries = audit.page(article, before, size + 1);
        String next = null;
        if (entries.size() > size) {
            entries = entries.subList(0, size);
            next = "/admin/audit?" + (article == null ? "" : "article=" + article + "&") + "before=" + entries.get(size - 1).id();
        }
        return Pages.view("editorial/audit", new EditorPages.AuditPage(session.frame(request, "Audit log", "audit"),
                entries, article, next));
    }
}
