package org.masthead.api.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.masthead.api.ApiCaller;
import org.masthead.api.GhostEndpoint;
import org.masthead.api.GhostError;
import org.masthead.api.integrations.Integration;
import org.masthead.archive.ArchiveImporter;
import org.masthead.archive.GhostExport;
import org.masthead.archive.ImportReport;
import org.masthead.archive.source.ArchiveFormatException;
import org.masthead.content.Actor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Ghost's {@code /db/} endpoint: {@code POST} imports a Ghost JSON export or a WordPress WXR file sent as
 * {@code importfile} (synchronously, as Ghost does, answering {@code {"db":[],"problems":[…]}}); {@code GET}
 * answers the whole site as a Ghost export. Both need an integration with the Editor role.
 */
@RestController
@RequestMapping("/ghost/api/admin")
class AdminDatabaseController {

    private final ArchiveImporter importer;
    private final GhostExport export;

    AdminDatabaseController(ArchiveImporter importer, GhostExport export) {
        this.importer = importer;
        this.export = export;
    }

    @PostMapping({"/db", "/db/"})
    @GhostEndpoint(docName = "db", method = "importContent")
    Map<String, Object> importContent(@RequestParam(name = "importfile", required = false) MultipartFile file,
                                      HttpServletRequest request) {
        Integration caller = requireEditor(request);
        if (file == null || file.isEmpty()) {
            throw GhostError.validation("importfile", "Please select a file to import: send it as the \"importfile\" field.");
        }
        Path stored = keep(file);
        try {
            ImportReport report = importer.run(new ArchiveImporter.Request(stored, null, false,
                    "Admin API (" + caller.name() + ")"), progress -> { });
            List<Map<String, Object>> problems = new ArrayList<>();
            for (String line : report.lines()) {
                Map<String, Object> problem = new LinkedHashMap<>();
                problem.put("message", line);
                problem.put("help", "Import");
                problems.add(problem);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("db", List.of());
            body.put("problems", problems);
            return body;
        } catch (ArchiveFormatException e) {
            throw GhostError.validation("importfile", e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(stored);
            } catch (IOException ignored) {
                // a temporary file: the operating system's cleanup takes it
            }
        }
    }

    @GetMapping({"/db", "/db/"})
    @GhostEndpoint(docName = "db", method = "exportContent")
    void exportContent(HttpServletRequest request, HttpServletResponse response) throws IOException {
        requireEditor(request);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"masthead-export.json\"");
        export.write(response.getOutputStream());
    }

    private static Integration requireEditor(HttpServletRequest request) {
        Integration caller = ApiCaller.of(request);
        if (!caller.role().includes(Actor.Role.EDITOR)) {
            throw GhostError.noPermission("Importing and exporting the whole site needs an integration with the Editor role.");
        }
        return caller;
    }

    private static Path keep(MultipartFile file) {
        try (InputStream in = file.getInputStream()) {
            Path stored = Files.createTempFile("masthead-db-import", ".archive");
            Files.copy(in, stored, StandardCopyOption.REPLACE_EXISTING);
            return stored;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
