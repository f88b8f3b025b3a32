package org.masthead.editorial;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

import org.masthead.system.ContentSecurityPolicySources;
import org.springframework.stereotype.Component;

/**
 * The block editor's modules come from WebJars as plain ES modules with bare imports ("prosemirror-model"); the
 * page maps those names to files with an import map. Browsers only read an import map inline, so its hash joins
 * the Content-Security-Policy and nothing else inline may run.
 */
@Component
public class EditorScripts implements ContentSecurityPolicySources {

    private static final List<String> MODULES = List.of("prosemirror-model", "prosemirror-state", "prosemirror-transform",
            "prosemirror-view", "prosemirror-commands", "prosemirror-keymap", "prosemirror-history",
            "prosemirror-schema-list", "prosemirror-inputrules", "prosemirror-dropcursor", "prosemirror-gapcursor",
            "prosemirror-tables", "orderedmap", "rope-sequence");

    /** The import map, exactly as the page writes it (the hash covers these bytes). */
    public static final String IMPORT_MAP = importMap();

    private static String importMap() {
        StringBuilder map = new StringBuilder("{\"imports\":{");
        for (String module : MODULES) {
            map.append('"').append(module).append("\":\"/webjars/").append(module).append("/dist/index.js\",");
        }
        map.append("\"w3c-keyname\":\"/webjars/w3c-keyname/index.js\"}}");
        return map.toString();
    }

    @Override
    public List<String> scripts() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(IMPORT_MAP.getBytes(StandardCharsets.UTF_8));
            return List.of("'sha256-" + Base64.getEncoder().encodeToString(digest) + "'");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
