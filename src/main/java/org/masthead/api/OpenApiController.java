package org.masthead.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OpenAPI 3.1 description of the Content and Admin APIs, for client generators and API explorers. Public:
 * it is under the APIs' security chain, whose key and token checks act only on {@code /ghost/api/content/} and
 * {@code /ghost/api/admin/}. {@code OpenApiDescriptionTests} keeps it true to the routes and the answers.
 */
@RestController
class OpenApiController {

    static final String PATH = "/ghost/api/openapi.json";
    private static final String RESOURCE = "ghost-api/openapi.json";
    private static final MediaType JSON = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8);

    /** Read once: the document changes only with a release, and a missing one should stop the start. */
    private final byte[] document;

    OpenApiController() throws IOException {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            this.document = in.readAllBytes();
        }
    }

    @GetMapping(PATH)
    ResponseEntity<byte[]> description() {
        return ResponseEntity.ok()
                .contentType(JSON)
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=300")
                .body(document);
    }
}
