package org.masthead.archive.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import org.masthead.archive.ImportJobs;
import org.masthead.archive.source.ArchiveFormatException;
import org.masthead.system.AdminContext;
import org.masthead.system.NotFoundException;
import org.masthead.system.Pages;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The newsroom's import screen (Administrators): upload a WordPress or Ghost export with an optional zip of its
 * pictures, check it with a dry run, start it, watch its progress, download its report.
 */
@Controller
class ImportController {

    private final ImportJobs jobs;
    private final AdminContext admin;
    private final java.time.Clock clock;

    ImportController(ImportJobs jobs, AdminContext admin, java.time.Clock clock) {
        this.jobs = jobs;
        this.admin = admin;
        this.clock = clock;
    }

    @GetMapping("/admin/imports")
    ModelAndView list(HttpServletRequest request) {
        return listPage(request, null);
    }

    @PostMapping("/admin/imports")
    ModelAndView upload(@RequestParam(name = "archive", required = false) MultipartFile archive,
                        @RequestParam(name = "media", required = false) MultipartFile media,
                        @RequestParam(name = "dryRun", defaultValue = "false") boolean dryRun,
                        HttpServletRequest request) throws IOException {
        if (archive == null || archive.isEmpty()) {
            return refused(request, "Choose the WordPress (WXR) or Ghost (JSON) export file to import.");
        }
        boolean hasMedia = media != null && !media.isEmpty();
        if (hasMedia && !isZip(media)) {
            return refused(request, "The pictures must come as a .zip file (wp-content/uploads or Ghost's content/images).");
        }
        try (InputStream file = archive.getInputStream(); InputStream zip = hasMedia ? media.getInputStream() : null) {
            ImportJobs.Job job = jobs.submit(archive.getOriginalFilename(), file, hasMedia ? media.getOriginalFilename() : null,
                    zip, dryRun, admin.frame(request, "", "").userName());
            return new ModelAndView("redirect:/admin/imports/" + job.id());
        } catch (ArchiveFormatException e) {
            return refused(request, e.getMessage());
        }
    }

    @GetMapping("/admin/imports/{id}")
    ModelAndView job(@PathVariable long id, HttpServletRequest request,
                     jakarta.servlet.http.HttpServletResponse response) {
        ImportJobs.Job job = find(id);
        if (!job.finished()) {
            response.setHeader("Refresh", "2"); // the progress bar moves without JavaScript
        }
        return Pages.view("archive/import", new ImportPages.JobPage(
                admin.frame(request, "Import " + id + " · Imports", "imports"), job, job.eta(clock.instant()), !job.finished()));
    }

    @PostMapping("/admin/imports/{id}/start")
    ModelAndView start(@PathVariable long id, HttpServletRequest request) {
        find(id);
        try {
            ImportJobs.Job started = jobs.startAfterDryRun(id, admin.frame(request, "", "").userName());
            return new ModelAndView("redirect:/admin/imports/" + started.id());
        } catch (IllegalArgumentException e) {
            return refused(request, e.getMessage());
        }
    }

    @GetMapping("/admin/imports/{id}/report.txt")
    ResponseEntity<String> report(@PathVariable long id) {
        ImportJobs.Job job = find(id);
        String text = job.report() != null ? job.report() : job.error() != null ? job.error() + "\n" : "The import has not finished.\n";
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("import-" + id + "-report.txt").build().toString())
                .body(text);
    }

    private ImportJobs.Job find(long id) {
        return jobs.find(id).orElseThrow(() -> new NotFoundException("No import " + id));
    }

    private ModelAndView listPage(HttpServletRequest request, String error) {
        return Pages.view("archive/imports", new ImportPages.ListPage(admin.frame(request, "Import and export", "imports"),
                jobs.recent(20), error));
    }

    private ModelAndView refused(HttpServletRequest request, String message) {
        ModelAndView page = listPage(request, message);
        page.setStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        return page;
    }

    private static boolean isZip(MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K';
        }
    }
}
