package org.masthead.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ghost's error envelope, {@code {"errors":[{message, context, type, details, property, help, code, id,
 * ghostErrorCode}]}}, with the headers Ghost sends on errors (never cached, except a 404 that anyone may
 * revalidate).
 */
public final class GhostErrors {

    static final String NO_STORE = "no-cache, private, no-store, must-revalidate, max-stale=0, post-check=0, pre-check=0";
    static final String NO_CACHE_DYNAMIC = "no-cache, max-age=0, must-revalidate, proxy-revalidate";
    private static final Map<String, String> ACTIONS = Map.of("browse", "list", "read", "read", "add", "save",
            "edit", "edit", "destroy", "delete");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GhostErrors() {
    }

    /** The envelope; with an endpoint, the message is reworded as Ghost's error handler does and the original moves to context. */
    public static Map<String, Object> body(GhostError error, GhostEndpoint endpoint) {
        String message = error.getMessage();
        String context = error.context();
        String action = action(endpoint);
        if (action != null) {
            context = context == null ? message : message + " " + context;
            String reworded = error.type().userMessage(action);
            message = reworded == null ? message : reworded;
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("message", message);
        entry.put("context", context);
        entry.put("type", error.type().name());
        entry.put("details", error.details());
        entry.put("property", error.property());
        entry.put("help", error.help());
        entry.put("code", error.code());
        entry.put("id", UUID.randomUUID().toString());
        entry.put("ghostErrorCode", null);
        return Map.of("errors", java.util.List.of(entry));
    }

    /** Writes the error from a filter, before any controller ran. */
    public static void write(HttpServletResponse response, GhostError error, boolean get) throws IOException {
        response.resetBuffer();
        response.setStatus(error.type().status());
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", cacheControl(error, get));
        response.getOutputStream().write(JSON.writeValueAsBytes(body(error, null)));
        response.flushBuffer();
    }

    static String cacheControl(GhostError error, boolean get) {
        return error.type().status() == 404 && get ? NO_CACHE_DYNAMIC : NO_STORE;
    }

    private static String action(GhostEndpoint endpoint) {
        if (endpoint == null) {
            return null;
        }
        if ("images".equals(endpoint.docName()) && "upload".equals(endpoint.method())) {
            return "upload image";
        }
        String verb = ACTIONS.get(endpoint.method());
        if (verb == null) {
            return null;
        }
        String resource = endpoint.method().equals("browse") ? endpoint.docName() : endpoint.docName().replaceAll("s$", "");
        return verb + " " + resource;
    }
}
