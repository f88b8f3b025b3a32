package org.masthead.api.admin;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.masthead.api.GhostError;
import tools.jackson.databind.JsonNode;

/**
 * One post (or page) as an Admin API client sent it, in Ghost's field names. A field the client left out is
 * absent here too, so an edit changes only what was sent (relations sent are replaced, as in Ghost).
 */
record PostInput(JsonNode json) {

    /** Ghost fields Masthead has no place for; a value other than empty would be lost, so it is refused. */
    private static final Set<String> REFUSED_WHEN_SET = Set.of("codeinjection_head", "codeinjection_foot", "mobiledoc");

    /** The one object under the resource's root key: {@code {"posts": [{…}]}}. */
    static PostInput from(JsonNode body, String resource) {
        if (body == null || !body.isObject() || !body.has(resource)) {
            throw GhostError.validation(resource, "No root key ('" + resource + "') provided.");
        }
        JsonNode items = body.get(resource);
        if (!items.isArray() || items.size() != 1 || !items.get(0).isObject()) {
            throw GhostError.validation(resource, "Send exactly one " + resource.replaceAll("s$", "")
                    + " as {\"" + resource + "\": [{…}]}.");
        }
        PostInput input = new PostInput(items.get(0));
        for (String field : REFUSED_WHEN_SET) {
            if (input.has(field) && !input.text(field).isEmpty()) {
                throw GhostError.validation(field, switch (field) {
                    case "mobiledoc" -> "Mobiledoc is not supported: send lexical, or html with ?source=html.";
                    default -> "Code injection is not supported: it would run unchecked on readers' pages.";
                });
            }
        }
        if (input.has("visibility") && !input.text("visibility").isEmpty() && !"public".equals(input.text("visibility"))) {
            throw GhostError.validation("visibility", "Memberships are not available yet: visibility must be \"public\".");
        }
        return input;
    }

    boolean has(String field) {
        return json.has(field);
    }

    /** The text of a field; null and absent are empty. */
    String text(String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isValueNode()) {
            throw GhostError.validation(field, "\"" + field + "\" must be a string.");
        }
        return value.asString();
    }

    /** Whether the field was sent as null (to clear it). */
    boolean isNull(String field) {
        return json.has(field) && json.get(field).isNull();
    }

    boolean bool(String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw GhostError.validation(field, "\"" + field + "\" must be true or false.");
        }
        return value.asBoolean();
    }

    /** A relation as sent: strings or objects, in order. */
    List<JsonNode> list(String field) {
        JsonNode value = json.get(field);
        List<JsonNode> items = new ArrayList<>();
        if (value == null || value.isNull()) {
            return items;
        }
        if (!value.isArray()) {
            throw GhostError.validation(field, "\"" + field + "\" must be a list.");
        }
        value.forEach(items::add);
        return items;
    }

    /** A date as Ghost clients send it (ISO 8601; without an offset it is UTC); null when absent or null. */
    Instant instant(String field) {
        String value = text(field);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw GhostError.validation(field, "\"" + field + "\" must be a date such as 2026-12-01T09:30:00.000Z.");
            }
        }
    }
}
