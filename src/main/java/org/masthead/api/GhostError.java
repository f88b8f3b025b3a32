package org.masthead.api;

import java.util.Map;

/**
 * An error as Ghost's APIs report it: a type that fixes the HTTP status, a message, and the optional context,
 * code, property and details Ghost clients read ({@code errors[0].type} becomes the JS client's error name).
 * Thrown anywhere in the API; {@link GhostErrors} writes it in Ghost's envelope.
 */
public final class GhostError extends RuntimeException {

    /** Ghost's error types with their status and the phrase its error handler starts a user message with. */
    public enum Type {
        BadRequestError(400, "Request not understood error"),
        UnauthorizedError(401, "Authorisation error"),
        NoPermissionError(403, "Permission error"),
        NotFoundError(404, "Resource not found error"),
        MethodNotAllowedError(405, "Method not allowed"),
        RequestNotAcceptableError(406, null),
        UpdateCollisionError(409, null),
        RequestEntityTooLargeError(413, "Request too large"),
        UnsupportedMediaTypeError(415, "Unsupported media error"),
        ValidationError(422, "Validation error"),
        TooManyRequestsError(429, "Too many requests error"),
        InternalServerError(500, "Internal server error"),
        MaintenanceError(503, "Server down for maintenance");

        private final int status;
        private final String phrase;

        Type(int status, String phrase) {
            this.status = status;
            this.phrase = phrase;
        }

        public int status() {
            return status;
        }

        /** Ghost's user message for a failed endpoint: "Validation error, cannot edit post." */
        String userMessage(String action) {
            if (this == UpdateCollisionError) {
                return "Saving failed! Someone else is editing this post.";
            }
            return phrase == null ? null : phrase + ", cannot " + action + ".";
        }
    }

    private final Type type;
    private final String context;
    private final String code;
    private final String property;
    private final Map<String, Object> details;
    private final String help;

    private GhostError(Type type, String message, String context, String code, String property,
                       Map<String, Object> details, String help) {
        super(message);
        this.type = type;
        this.context = context;
        this.code = code;
        this.property = property;
        this.details = details;
        this.help = help;
    }

    public static GhostError of(Type type, String message) {
        return new GhostError(type, message, null, null, null, null, null);
    }

    public static GhostError of(Type type, String message, String context, String code) {
        return new GhostError(type, message, context, code, null, null, null);
    }

    public static GhostError badRequest(String message) {
        return of(Type.BadRequestError, message);
    }

    /** A field the request got wrong; {@code property} names it as the API spells it. */
    public static GhostError validation(String property, String message) {
        return new GhostError(Type.ValidationError, message, null, null, property, null, null);
    }

    /** "Post not found." and the like: the endpoint's own words, reworded by the handler into Ghost's message. */
    public static GhostError notFound(String message) {
        return of(Type.NotFoundError, message);
    }

    public static GhostError noPermission(String message) {
        return of(Type.NoPermissionError, message);
    }

    public static GhostError collision(Map<String, Object> details) {
        return new GhostError(Type.UpdateCollisionError, "Saving failed! Someone else is editing this post.", null,
                "UPDATE_COLLISION", null, details, null);
    }

    public GhostError withHelp(String text) {
        return new GhostError(type, getMessage(), context, code, property, details, text);
    }

    public Type type() {
        return type;
    }

    public String context() {
        return context;
    }

    public String code() {
        return code;
    }

    public String property() {
        return property;
    }

    public Map<String, Object> details() {
        return details;
    }

    public String help() {
        return help;
    }
}
