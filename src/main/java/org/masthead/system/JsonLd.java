package org.masthead.system;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** schema.org structured data, serialized for a {@code <script type="application/ld+json">} element. */
public final class JsonLd {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonLd() {
    }

    /** A node with {@code @context} and {@code @type} first; nulls and empty strings are left out. */
    public static Map<String, Object> node(String type) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("@context", "https://schema.org");
        node.put("@type", type);
        return node;
    }

    public static Map<String, Object> thing(String type) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("@type", type);
        return node;
    }

    /**
     * JSON safe inside a script element: "</" and HTML-significant characters are escaped so no headline or
     * name can close the element or open another.
     */
    public static String script(Map<String, Object> document) {
        return JSON.writeValueAsString(prune(document))
                .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    @SuppressWarnings("unchecked")
    private static Object prune(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> kept = new LinkedHashMap<>();
            map.forEach((key, item) -> {
                Object pruned = prune(item);
                if (pruned != null && !(pruned instanceof String text && text.isEmpty())
                        && !(pruned instanceof java.util.Collection<?> list && list.isEmpty())) {
                    kept.put((String) key, pruned);
                }
            });
            return kept;
        }
        if (value instanceof java.util.List<?> list) {
            return list.stream().map(JsonLd::prune).filter(java.util.Objects::nonNull).toList();
        }
        return value;
    }
}
