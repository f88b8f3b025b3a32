package org.masthead.media;

/** An upload larger than the site accepts (HTTP 413 where an API answers in statuses). */
public class MediaTooLargeException extends MediaException {

    public MediaTooLargeException(String message) {
        super(message);
    }
}
