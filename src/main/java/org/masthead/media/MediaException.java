package org.masthead.media;

/** An upload was refused; the message tells the uploader why, in words they can act on. */
public class MediaException extends RuntimeException {

    public MediaException(String message) {
        super(message);
    }
}
