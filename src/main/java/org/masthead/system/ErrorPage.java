package org.masthead.system;

/** The page readers see when something is missing or wrong. Never carries internals such as stack traces. */
public record ErrorPage(Layout layout, int status, String heading, String message) {
}
