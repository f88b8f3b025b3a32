package org.masthead.system;

/** The position a reconnecting Server-Sent Events client sends (header {@code Last-Event-ID}, or a query parameter). */
public final class LastEventId {

    private LastEventId() {
    }

    /** @return the id, or null for none — a stale or foreign id starts the stream afresh rather than failing it */
    public static Long parse(String header, String parameter) {
        String id = header != null ? header : parameter;
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            long value = Long.parseLong(id.strip());
            return value >= 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
