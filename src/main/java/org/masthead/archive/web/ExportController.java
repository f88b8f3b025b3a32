package org.masthead.archive.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.servlet.http.HttpServletResponse;
import org.masthead.archive.GhostExport;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The newsroom's export downloads (Administrators): the Ghost-format JSON and the zip of the pictures. */
@Controller
class ExportController {

    private final GhostExport export;
    private final Clock clock;

    ExportController(GhostExport export, Clock clock) {
        this.export = export;
        this.clock = clock;
    }

    @GetMapping("/admin/exports/site.json")
    void json(HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Disposition", "attachment; filename=\"masthead-" + today() + ".json\"");
        export.write(response.getOutputStream());
    }

    @GetMapping("/admin/exports/media.zip")
    void media(HttpServletResponse response) throws IOException {
        response.setContentType("application/zip");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Disposition", "attachment; filename=\"masthead-" + today() + "-media.zip\"");
        export.writeMedia(response.getOutputStream());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
