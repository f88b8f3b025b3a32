package org.masthead.identity;

/** A staff account could not be created or changed; {@code field} names the form field at fault. */
public class StaffAccountException extends RuntimeException {

    private final String field;

    public StaffAccountException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
