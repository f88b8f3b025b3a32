package org.masthead.content;

import java.util.Map;

/** An article is not ready for what was asked (usually publishing); one readable message per form field. */
public class ArticleValidationException extends ArticleException {

    private final Map<String, String> errors;

    public ArticleValidationException(Map<String, String> errors) {
        super(String.join(" ", errors.values()));
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
