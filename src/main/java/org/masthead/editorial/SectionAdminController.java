package org.masthead.editorial;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.masthead.content.Section;
import org.masthead.content.Sections;
import org.masthead.system.AdminContext;
import org.masthead.system.AdminFrame;
import org.masthead.system.Pages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** Editors arrange the site's sections (the URL rule in security keeps everyone else out). */
@Controller
class SectionAdminController {

    private final Sections sections;
    private final AdminContext admin;

    SectionAdminController(Sections sections, AdminContext admin) {
        this.sections = sections;
        this.admin = admin;
    }


    @GetMapping("/admin/sections")
    ModelAndView list(@RequestParam(required = false) String done, HttpServletRequest request) {
        return page(request, null, done == null ? null : "Saved.");
    }

    @PostMapping("/admin/sections")
    ModelAndView create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String description,
                        @RequestParam(defaultValue = "0") int position, HttpServletRequest request) {
        try {
            sections.create(name, description, position);
            return new ModelAndView("redirect:/admin/sections?done");
        } catch (IllegalArgumentException e) {
            ModelAndView view = page(request, e.getMessage(), null);
            view.setStatus(HttpStatus.UNPROCESSABLE_ENTITY);
            return view;
        }
    }

    @PostMapping("/admin/sections/{id}")
    ModelAndView update(@PathVariable long id, @RequestParam(defaultValue = "") String name,
                        @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "0") int position,
                        HttpServletRequest request) {
        try {
            sections.update(id, name, description, position);
            return new ModelAndView("redirect:/admin/sections?done");
        } catch (IllegalArgumentException e) {
            ModelAndView view = page(request, e.getMessage(), null);
            view.setStatus(HttpStatus.UNPROCESSABLE_ENTITY);
            return view;
        }
    }

    private ModelAndView page(HttpServletRequest request, String error, String notice) {
        return Pages.view("editorial/sections", new SectionAdminPages.SectionsPage(admin.frame(request, "Sections", "sections"), sections.all(), error, notice));
    }
}
