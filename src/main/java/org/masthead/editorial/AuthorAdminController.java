package org.masthead.editorial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.masthead.content.Author;
import org.masthead.content.Authors;
import org.masthead.media.MediaException;
import org.masthead.media.MediaLibrary;
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

/** Editors keep the public author profiles: name, job title, bio, avatar, links. */
@Controller
class AuthorAdminController {

    private final Authors authors;
    private final MediaLibrary media;
    private final AdminContext admin;

    AuthorAdminController(Authors authors, MediaLibrary media, AdminContext admin) {
        this.authors = authors;
        this.media = media;
        this.admin = admin;
    }



    @GetMapping("/admin/authors")
    ModelAndView list(@RequestParam(required = false) String done, HttpServletRequest request) {
        return Pages.view("editorial/authors", new AuthorAdminPages.AuthorsPage(admin.frame(request, "Authors", "authors"), authors.all(),
                null, done == null ? null : "Saved."));
    }

    @PostMapping("/admin/authors")
    ModelAndView create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String jobTitle,
                        HttpServletRequest request) {
        try {
            if (authors.findBySlug(org.masthead.text.Slugs.slugify(name)).isPresent()) {
                throw new IllegalArgumentException("An author profile called \"" + name.strip() + "\" already exists.");
            }
            Author created = authors.create(name, jobTitle, "", null, List.of());
            return new ModelAndView("redirect:/admin/authors/" + created.id());
        } catch (IllegalArgumentException e) {
            ModelAndView view = Pages.view("editorial/authors", new AuthorAdminPages.AuthorsPage(admin.frame(request, "Authors", "authors"),
                    authors.all(), e.getMessage(), null));
            view.setStatus(HttpStatus.UNPROCESSABLE_ENTITY);
            return view;
        }
    }

    @GetMapping("/admin/authors/{id}")
    ModelAndView edit(@PathVariable long id, HttpServletRequest request) {
        return page(request, find(id), null);
    }

    @PostMapping("/admin/authors/{id}")
    ModelAndView update(@PathVariable long id, @RequestParam(defaultValue = "") String name,
                        @RequestParam(defaultValue = "") String jobTitle, @RequestParam(defaultValue = "") String bio,
                        @RequestParam(defaultValue = "") String links, @RequestParam(required = false) MultipartFile avatar,
                        HttpServletRequest request) {
        Author author = find(id);
        try {
            Long avatarId = null;
            if (avatar != null && !avatar.isEmpty()) {
                avatarId = media.upload(avatar.getBytes(), avatar.getOriginalFilename(), admin.staffId()).id();
            }
            authors.update(id, name, jobTitle, bio, avatarId, parseLinks(links));
            return new ModelAndView("redirect:/admin/authors?done");
        } catch (IllegalArgumentException | MediaException e) {
            ModelAndView view = page(request, author, e.getMessage());
            view.setStatus(HttpStatus.UNPROCESSABLE_ENTITY);
            return view;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One link a line, "Label | https://…" or just the address. */
    static List<Author.AuthorLink> parseLinks(String text) {
        List<Author.AuthorLink> links = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|", 2);
            links.add(parts.length == 2 ? new Author.AuthorLink(parts[0], parts[1]) : new Author.AuthorLink(null, parts[0]));
        }
        return links;
    }

    private Author find(long id) {
        return authors.findById(id).orElseThrow(() -> new org.masthead.system.NotFoundException("No author " + id));
    }

    private ModelAndView page(HttpServletRequest request, Author author, String error) {
        return Pages.view("editorial/author", new AuthorAdminPages.AuthorPage(admin.frame(request, author.name(), "authors"), author, error));
    }
}
