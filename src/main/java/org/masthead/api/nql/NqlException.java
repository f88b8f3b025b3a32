package org.masthead.api.nql;

/**
 * A filter that cannot be used: malformed NQL, an unknown field, or a value of the wrong type. The message is short
 * and meant for the API client (naming the character position or the field); the API answers it the way Ghost does,
 * with a 400 "Error parsing filter".
 */
public class NqlException extends RuntimeException {

    public NqlException(String message) {
        super(message);
    }
}
