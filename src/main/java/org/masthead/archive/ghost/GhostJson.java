package org.masthead.archive.ghost;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON parser a Ghost export needs, and null-safe reading of the loosely typed values Ghost writes. */
final class GhostJson {

    /**
     * A post's html, mobiledoc or lexical is one JSON string; a long post with pasted images inlined as data URLs
     * outgrows Jackson's default limit (20 M characters) long before the memory runs short.
     */
    private static final int LONGEST_STRING = 200_000_000;

    static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(LONGEST_STRING).build())
            .build()).build();

    /** Shared and never changed: what a missing list reads as. */
    static final JsonNode EMPTY_ARRAY = MAPPER.createArrayNode();

    private GhostJson() {
    }

    /** A field as text: null when absent or null, numbers and booleans as written, objects and arrays as JSON. */
    static String text(JsonNode row, String field) {
        JsonNode value = row.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        return value.isContainer() ? value.toString() : value.asString();
    }

    /** A field as text with blank values as null, for optional fields Ghost fills with "" as often as with null. */
    static String nonBlank(JsonNode row, String field) {
        String value = text(row, field);
        return value == null || value.isBlank() ? null : value;
    }

    /** Ghost's booleans: true/false, 1/0 (MySQL exports) or their strings. */
    static boolean flag(JsonNode row, String field) {
        JsonNode value = row.path(field);
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.asInt() != 0;
        }
        String text = value.isString() ? value.stringValue().strip() : "";
        return text.equalsIgnoreCase("true") || text.equals("1");
    }
}
