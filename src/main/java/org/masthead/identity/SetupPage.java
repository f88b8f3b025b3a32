package org.masthead.identity;

import java.util.Map;

import org.masthead.system.Site;

/** First run: the form that creates the first Administrator. */
public record SetupPage(Site site, String csrfParameter, String csrfToken, String email, String displayName,
                        Map<String, String> errors) {

    public String error(String field) {
        return errors.get(field);
    }
}
