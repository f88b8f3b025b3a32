package org.masthead.system;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * Answers addresses of a site an archive was imported from ("/2024/02/20/slug/") with a 301 to where the content
 * lives now. Asked only after every controller has passed on the request and before static files are looked for,
 * so pages and assets cost nothing; an unknown address costs one indexed lookup on its way to the 404.
 */
@Component
class OldAddressMapping extends AbstractHandlerMapping {

    private static final String[] NEVER_OLD = {"/assets/", "/media/", "/admin", "/ghost/", "/actuator", "/webjars/"};

    private final ObjectProvider<OldAddresses> addresses;

    OldAddressMapping(ObjectProvider<OldAddresses> addresses) {
        this.addresses = addresses;
        setOrder(Ordered.LOWEST_PRECEDENCE - 2); // after the controllers, before the static resources' catch-all
    }

    @Override
    protected Object getHandlerInternal(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return null;
        }
        String path = request.getRequestURI();
        for (String prefix : NEVER_OLD) {
            if (path.startsWith(prefix)) {
                return null;
            }
        }
        OldAddresses lookup = addresses.getIfAvailable();
        Optional<String> location = lookup == null ? Optional.empty() : lookup.find(path, request.getQueryString());
        return location.<Object>map(OldAddressMapping::redirectTo).orElse(null);
    }

    private static HttpRequestHandler redirectTo(String location) {
        return (request, response) -> {
            response.setStatus(HttpStatus.MOVED_PERMANENTLY.value());
            response.setHeader(HttpHeaders.LOCATION, location);
            response.setHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=86400");
        };
    }
}
