package org.masthead.api;

import jakarta.servlet.http.HttpServletRequest;
import org.masthead.api.integrations.Integration;

/** The integration a request was authenticated as (by its Content API key or Admin API token). */
public final class ApiCaller {

    static final String ATTRIBUTE = ApiCaller.class.getName();

    private ApiCaller() {
    }

    public static void set(HttpServletRequest request, Integration integration) {
        request.setAttribute(ATTRIBUTE, integration);
    }

    /** The caller; the security filters let no API request through without one. */
    public static Integration of(HttpServletRequest request) {
        Object caller = request.getAttribute(ATTRIBUTE);
        if (!(caller instanceof Integration integration)) {
            throw GhostError.of(GhostError.Type.NoPermissionError, "Authorization failed");
        }
        return integration;
    }
}
