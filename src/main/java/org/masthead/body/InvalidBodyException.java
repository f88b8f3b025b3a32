package org.masthead.body;

/** A block document that cannot be stored: malformed JSON, an unknown block, an embed from no listed provider… */
public class InvalidBodyException extends IllegalArgumentException {

    public InvalidBodyException(String message) {
        super(message);
    }
}
