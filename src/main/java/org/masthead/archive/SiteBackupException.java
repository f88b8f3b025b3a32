package org.masthead.archive;

/** A backup or restore that cannot be done, with what is wrong and what to do, in words an operator can act on. */
public class SiteBackupException extends RuntimeException {

    public SiteBackupException(String message) {
        super(message);
    }

    public SiteBackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
