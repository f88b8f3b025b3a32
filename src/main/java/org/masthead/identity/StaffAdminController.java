package org.masthead.identity;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.masthead.content.Author;
import org.masthead.content.Authors;
import org.masthead.system.AdminFrame;
import org.masthead.system.Pages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** Administrators manage staff accounts: create, change role and byline, disable, reset password. */
@Controller
class StaffAdminController {

    private final StaffAccounts accounts;
    private final Authors authors;
    private final StaffSession session;

    StaffAdminController(StaffAccounts accounts, Authors authors, StaffSession session) {
        this.accounts = accounts;
        this.authors = authors;
        this.session = session;
    }


    @GetMapping("/admin/staff")
    ModelAndView list(@RequestParam(required = false) String done, HttpServletRequest request) {
        return page(request, null, done == null ? null : "Saved.");
    }

    @PostMapping("/admin/staff")
    ModelAndView create(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String displayName,
                        @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "CONTRIBUTOR") StaffRole role,
                        @RequestParam(required = false) Long authorId, HttpServletRequest request) {
        try {
            accounts.create(email, displayName, password, role, authorId);
            return new ModelAndView("redirect:/admin/staff?done");
        } catch (StaffAccountException e) {
            return invalid(page(request, e.getMessage(), null));
        }
    }

    @PostMapping("/admin/staff/{id}")
    ModelAndView update(@PathVariable long id, @RequestParam StaffRole role, @RequestParam(required = false) Long authorId,
                        @RequestParam(defaultValue = "false") boolean enabled, @RequestParam(defaultValue = "") String password,
                        HttpServletRequest request) {
        if (id == session.current().id() && (role != StaffRole.ADMINISTRATOR || !enabled)) {
            return invalid(page(request, "You cannot remove your own Administrator role or disable your own account.", null));
        }
        try {
            accounts.update(id, role, authorId, enabled, password);
            return new ModelAndView("redirect:/admin/staff?done");
        } catch (StaffAccountException e) {
            return invalid(page(request, e.getMessage(), null));
        }
    }

    private ModelAndView page(HttpServletRequest request, String error, String notice) {
        return Pages.view("identity/staff", new StaffAdminPages.StaffPage(session.frame(request, "Staff", "staff"), accounts.all(),
                authors.all(), List.of(StaffRole.values()), error, notice));
    }

    private static ModelAndView invalid(ModelAndView view) {
        view.setStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        return view;
    }
}
