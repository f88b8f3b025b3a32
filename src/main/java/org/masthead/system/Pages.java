package org.masthead.system;

import org.springframework.web.servlet.ModelAndView;

/** Builds the model for a jte page: one record, one template. */
public final class Pages {

    private Pages() {
    }

    public static ModelAndView view(String template, Object page) {
        return new ModelAndView(template, JteConfiguration.PAGE, page);
    }
}
