package org.masthead.media;

/**
 * The media storage could not take a file (full, read-only, unreachable). Not the uploader's fault: the message
 * says what happened and that nothing was saved.
 */
public class MediaStoreException extends MediaException {

    public MediaStoreException(String message, Throwable cause) {
        super(message);
        initCause(cause);
    }
}
