package org.masthead.system;

import java.io.IOException;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The 503 page, written without touching the database (site identity and navigation come from memory), for
 * when the database is known to be down and a page has no stale copy to fall back on.
 */
@Component
class UnavailablePage {

    private final TemplateEngine templates;
    private final Layouts layouts;

    UnavailablePage(TemplateEngine templates, Layouts layouts) {
        this.templates = templates;
        this.layouts = layouts;
    }

    void write(String path, boolean head, HttpServletResponse response) throws IOException {
        Utf8ByteOutput output = new Utf8ByteOutput();
        templates.render("system/error.jte", new ErrorPage(layouts.page("Back shortly", null, path, null), 503,
                "Back shortly", ReaderErrors.UNAVAILABLE_MESSAGE), output);
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, ReaderErrors.RETRY_AFTER_SECONDS);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(output.getContentLength());
        if (!head) {
            output.writeTo(response.getOutputStream());
        }
    }
}
