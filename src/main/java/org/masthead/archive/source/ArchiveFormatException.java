package org.masthead.archive.source;

/** The file is not a readable archive of the expected kind (truncated, not XML/JSON, unknown version). */
public class ArchiveFormatException extends RuntimeException {

    public ArchiveFormatException(String message) {
        super(message);
    }

    public ArchiveFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
