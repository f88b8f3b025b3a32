package org.masthead.system;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The request itself is malformed; the message is shown to the reader, so it must say what is wrong. */
public class BadRequestException extends ResponseStatusException {

    public BadRequestException(String message) {
        super(HttpStatus.BAD_REQUEST, message);
    }
}
