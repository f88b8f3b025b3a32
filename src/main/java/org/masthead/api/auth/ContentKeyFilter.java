package org.masthead.api.auth;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.masthead.api.ApiCaller;
import org.masthead.api.GhostError;
import org.masthead.api.GhostErrors;
import org.masthead.api.integrations.Integration;
import org.masthead.api.integrations.Integrations;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Content API's key check, with Ghost's answers: no {@code key} is 403, a key given twice 400, an unknown key
 * 401 (an Admin API key id in its place says so). A valid key names the integration asking.
 */
public class ContentKeyFilter extends OncePerRequestFilter {

    private final Integrations integrations;

    public ContentKeyFilter(Integrations integrations) {
        this.integrations = integrations;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/ghost/api/content/") || "OPTIONS".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String[] keys = request.getParameterValues("key");
        boolean get = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (keys == null || keys.length == 0 || keys[0].isEmpty()) {
            GhostErrors.write(response, GhostError.of(GhostError.Type.NoPermissionError, "Authorization failed",
                    "Unable to determine the authenticated member or integration. Check the supplied Content API Key "
                            + "and ensure cookies are being passed through if member auth is failing.", null), get);
            return;
        }
        if (keys.length > 1) {
            GhostErrors.write(response, GhostError.of(GhostError.Type.BadRequestError, "Invalid Request", null,
                    "INVALID_REQUEST"), get);
            return;
        }
        Optional<Integration> integration;
        try {
            integration = integrations.byContentKey(keys[0]);
        } catch (org.springframework.dao.DataAccessException e) {
            GhostErrors.write(response, GhostError.of(GhostError.Type.MaintenanceError,
                    "The database is unavailable; try again shortly."), get);
            return;
        }
        if (integration.isEmpty()) {
            boolean adminKey = keys[0].matches("[0-9a-f]{24}") && integrations.byAdminKeyId(keys[0]).isPresent();
            GhostErrors.write(response, adminKey
                    ? GhostError.of(GhostError.Type.UnauthorizedError, "Invalid API Key type", null, "INVALID_API_KEY_TYPE")
                    : GhostError.of(GhostError.Type.UnauthorizedError, "Unknown Content API Key", null,
                    "UNKNOWN_CONTENT_API_KEY"), get);
            return;
        }
        integrations.markUsed(integration.get());
        ApiCaller.set(request, integration.get());
        chain.doFilter(request, response);
    }
}
