package org.masthead.archive;

import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A block body as it leaves the site: library ids mean nothing in another library, so every image node's
 * {@code mediaId} becomes {@code src}, the picture's absolute URL (the importer maps that back to a picture).
 */
final class ExportedBlocks {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ExportedBlocks() {
    }

    /** The parsed document, or null when it cannot be read (then it is exported as stored). */
    static JsonNode parse(String source) {
        try {
            JsonNode document = JSON.readTree(source);
            return document != null && document.isObject() ? document : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** The library pictures the document's images use. */
    static void collectMediaIds(JsonNode node, Set<Long> ids) {
        Long id = mediaId(node);
        if (id != null) {
            ids.add(id);
        }
        for (JsonNode child : node.path("content")) {
            collectMediaIds(child, ids);
        }
    }

    /**
     * The document with each image's {@code mediaId} replaced by {@code src}; a picture no longer in the library
     * keeps the address stored with it. Site-relative addresses become absolute.
     *
     * @param files the stored file of each picture id
     */
    static String withAddresses(JsonNode document, Map<Long, String> files, ExportAddresses addresses) {
        rewrite(document, files, addresses);
        return JSON.writeValueAsString(document);
    }

    private static void rewrite(JsonNode node, Map<Long, String> files, ExportAddresses addresses) {
        if (isImage(node) && node.path("attrs").isObject()) {
            ObjectNode attrs = (ObjectNode) node.path("attrs");
            Long id = mediaId(node);
            String src = id == null ? null : addresses.picture(files.get(id));
            if (src == null) {
                JsonNode stored = attrs.path("src");
                src = stored.isString() ? addresses.absoluteAddress(stored.stringValue()) : null;
            }
            attrs.remove("mediaId");
            if (src != null) {
                attrs.put("src", src);
            }
        }
        for (JsonNode child : node.path("content")) {
            rewrite(child, files, addresses);
        }
    }

    private static boolean isImage(JsonNode node) {
        return node.isObject() && "image".equals(node.path("type").asString(""));
    }

    private static Long mediaId(JsonNode node) {
        if (!isImage(node)) {
            return null;
        }
        JsonNode id = node.path("attrs").path("mediaId");
        if (id.isIntegralNumber()) {
            return id.longValue();
        }
        return id.isString() && id.stringValue().matches("\\d{1,18}") ? Long.parseLong(id.stringValue()) : null;
    }
}
