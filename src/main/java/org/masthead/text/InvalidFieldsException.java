package org.masthead.text;

import java.util.Map;

/** Staff-set values broke the field rules; one readable message per field, in the order of the form. */
public class InvalidFieldsException extends IllegalArgumentException {

    private final Map<String, String> errors;

    public InvalidFieldsException(Map<String, String> errors) {
        super(String.join(" ", errors.values()));
        this.errors = errors;
    }

    public InvalidFieldsException(String field, String message) {
        this(Map.of(field, message));
    }

    public Map<String, String> errors() {
        return errors;
    }
}
