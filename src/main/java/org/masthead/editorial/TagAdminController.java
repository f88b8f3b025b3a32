package org.masthead.editorial;

import jakarta.servlet.http.HttpServletRequest;
import org.masthead.content.Tags;
import org.masthead.system.AdminContext;
import org.masthead.system.Pages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** Editors name, describe and delete tags (the URL rule in security keeps everyone else out). */
@Controller
class TagAdminController {

    private final Tags tags;
    private final AdminContext admin;
    private final org.masthead.identity.StaffSession staff;

    TagAdminController(Tags tags, AdminContext admin, org.masthead.identity.StaffSession staff) {
        this.tags = tags;
        this.admin = admin;
        this.staff = staff;
    }

    @GetMapping("/admin/tags")
    ModelAndView list(@RequestParam(required = false) String done, HttpServletRequest request) {
        return page(request, null, done == null ? null : "Saved.");
    }

    @PostMapping("/admin/tags")
    ModelAndView create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String slug,
                        @RequestParam(defaultValue = "") String description, HttpServletRequest request) {
        try {
            tags.create(staff.actor(), name, slug, description);
            return new ModelAndView("redirect:/admin/tags?done");
        } catch (IllegalArgumentException e) {
            return refused(request, e.getMessage());
        }
    }

    @PostMapping("/admin/tags/{id}")
    ModelAndView update(@PathVariable long id, @RequestParam(defaultValue = "") String name,
                        @RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "") String description,
                        HttpServletRequest request) {
        try {
            tags.update(staff.actor(), id, name, slug, description);
            return new ModelAndView("redirect:/admin/tags?done");
        } catch (IllegalArgumentException e) {
            return refused(request, e.getMessage());
        }
    }

    @PostMapping("/admin/tags/{id}/delete")
    ModelAndView delete(@PathVariable long id, HttpServletRequest request) {
        try {
            tags.delete(staff.actor(), id);
            return new ModelAndView("redirect:/admin/tags?done");
        } catch (IllegalArgumentException e) {
            return refused(request, e.getMessage());
        }
    }

    private ModelAndView refused(HttpServletRequest request, String message) {
        ModelAndView view = page(request, message, null);
        view.setStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        return view;
    }

    private ModelAndView page(HttpServletRequest request, String error, String notice) {
        return Pages.view("editorial/tags", new TagAdminPage(admin.frame(request, "Tags", "tags"), tags.all(), error, notice));
    }
}
