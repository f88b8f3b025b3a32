package org.masthead.system;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Nothing public answers to this URL; readers get the 404 page. */
public class NotFoundException extends ResponseStatusException {

    public NotFoundException(String what) {
        super(HttpStatus.NOT_FOUND, what);
    }
}
