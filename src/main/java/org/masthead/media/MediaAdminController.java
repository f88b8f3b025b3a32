package org.masthead.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.masthead.system.AdminContext;
import org.masthead.system.AdminFrame;
import org.masthead.system.Pages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/** The media library: browse, upload, describe, and reuse images. */
@Controller
class MediaAdminController {

    private static final int PAGE_SIZE = 24;

    private final MediaLibrary library;
    private final AdminContext admin;

    MediaAdminController(MediaLibrary library, AdminContext admin) {
        this.library = library;
        this.admin = admin;
    }


    @GetMapping("/admin/media")
    ModelAndView library(@RequestParam(required = false) Long before, @RequestParam(required = false) String done,
                         HttpServletRequest request) {
        return page(request, before, null, "uploaded".equals(done) ? "Image uploaded." : "saved".equals(done) ? "Saved." : null);
    }

    @PostMapping("/admin/media")
    ModelAndView upload(@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "") String alt,
                        @RequestParam(defaultValue = "") String caption, @RequestParam(defaultValue = "") String credit,
                        HttpServletRequest request) {
        try {
            if (file == null || file.isEmpty()) {
                throw new MediaException("Choose an image file to upload.");
            }
            library.upload(file.getBytes(), file.getOriginalFilename(), admin.staffId(),
                    new MediaLibrary.Description(alt, caption, credit), admin.isEditor());
            return new ModelAndView("redirect:/admin/media?done=uploaded");
        } catch (MediaException e) {
            ModelAndView view = page(request, null, e.getMessage(), null);
            // a full or read-only disk is the server's trouble, not the uploader's
            view.setStatus(e instanceof MediaStoreException ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.UNPROCESSABLE_ENTITY);
            return view;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PostMapping("/admin/media/{id}")
    ModelAndView describe(@PathVariable long id, @RequestParam(defaultValue = "") String alt,
                          @RequestParam(defaultValue = "") String caption, @RequestParam(defaultValue = "") String credit,
                          HttpServletRequest request) {
        try {
            library.describe(id, alt, caption, credit);
            return new ModelAndView("redirect:/admin/media?done=saved");
        } catch (MediaException e) {
            ModelAndView view = page(request, null, e.getMessage(), null);
            view.setStatus(HttpStatus.UNPROCESSABLE_ENTITY);
            return view;
        }
    }

    private ModelAndView page(HttpServletRequest request, Long before, String error, String notice) {
        List<MediaFile> files = library.page(before, PAGE_SIZE + 1);
        String next = null;
        if (files.size() > PAGE_SIZE) {
            files = files.subList(0, PAGE_SIZE);
            next = "/admin/media?before=" + files.get(PAGE_SIZE - 1).id();
        }
        return Pages.view("media/library", new MediaAdminPages.LibraryPage(admin.frame(request, "Media library", "media"), files, next, error, notice));
    }
}
