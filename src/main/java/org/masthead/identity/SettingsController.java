package org.masthead.identity;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.servlet.http.HttpServletRequest;
import org.masthead.media.MediaException;
import org.masthead.media.MediaLibrary;
import org.masthead.system.AdminFrame;
import org.masthead.system.Pages;
import org.masthead.system.SiteSettings;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/** Administrators set how the site presents itself: title, description, language, logo, News name, time zone. */
@Controller
class SettingsController {

    private final SiteSettings settings;
    private final MediaLibrary media;
    private final StaffSession session;

    SettingsController(SiteSettings settings, MediaLibrary media, StaffSession session) {
        this.settings = settings;
        this.media = media;
        this.session = session;
    }


    @GetMapping("/admin/settings")
    ModelAndView form(@RequestParam(required = false) String done, HttpServletRequest request) {
        return page(request, settings.editable(), null, done == null ? null : "Saved. Pages show the change within seconds.");
    }

    @PostMapping("/admin/settings")
    ModelAndView save(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String tagline,
                      @RequestParam(defaultValue = "") String language, @RequestParam(defaultValue = "") String publicationName,
                      @RequestParam(defaultValue = "") String timeZone,
                      @RequestParam(required = false) MultipartFile logo, HttpServletRequest request) {
        Long logoId = settings.editable().logoMediaId();
        SiteSettings.Editable values = new SiteSettings.Editable(name, tagline, language, logoId, publicationName, timeZone);
        try {
            if (logo != null && !logo.isEmpty()) {
                logoId = media.upload(logo.getBytes(), logo.getOriginalFilename(), session.staffId()).id();
            }
            settings.save(new SiteSettings.Editable(name, tagline, language, logoId, publicationName, timeZone));
            return new ModelAndView("redirect:/admin/settings?done");
        } catch (IllegalArgumentException | MediaException e) {
            ModelAndView view = page(request, values, e.getMessage(), null);
            view.setStatus(HttpStatus.UNPROCESSABLE_ENTITY);
            return view;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ModelAndView page(HttpServletRequest request, SiteSettings.Editable values, String error, String notice) {
        return Pages.view("identity/settings", new StaffAdminPages.SettingsPage(session.frame(request, "Site settings", "settings"), values,
                settings.current().logoUrl(), error, notice));
    }
}
