package org.masthead.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Anything under {@code /ghost/api/} no endpoint answers: Ghost's 404 "Resource not found", or — when the
 * client asked for another API version — its 406 telling which side to update.
 */
@RestController
@Order(Ordered.LOWEST_PRECEDENCE)
class UnknownEndpointController {

    private static final Pattern VERSION = Pattern.compile("v?(\\d+)(?:\\.(\\d+))?(?:\\.\\d+)?");

    @RequestMapping("/ghost/api/**")
    void unknown(HttpServletRequest request) {
        String acceptVersion = request.getHeader("Accept-Version");
        if (acceptVersion != null) {
            Matcher version = VERSION.matcher(acceptVersion.strip());
            if (!version.matches()) {
                throw GhostError.badRequest("Requested version is not supported.");
            }
            int comparison = compare(Integer.parseInt(version.group(1)),
                    version.group(2) == null ? 0 : Integer.parseInt(version.group(2)));
            if (comparison != 0) {
                boolean ahead = comparison > 0;
                throw GhostError.of(GhostError.Type.RequestNotAcceptableError,
                        "Request could not be served, the endpoint was not found.",
                        "Provided client accept-version " + acceptVersion + " is " + (ahead ? "ahead of" : "behind")
                                + " current Ghost version v" + GhostApi.VERSION + ".",
                        ahead ? "UPDATE_GHOST" : "UPDATE_CLIENT")
                        .withHelp(ahead ? "Try upgrading your Ghost install." : "Try upgrading your Ghost API client.");
            }
        }
        throw GhostError.notFound("Resource not found");
    }

    private static int compare(int major, int minor) {
        String[] served = GhostApi.VERSION.split("\\.");
        int byMajor = Integer.compare(major, Integer.parseInt(served[0]));
        return byMajor != 0 ? byMajor : Integer.compare(minor, Integer.parseInt(served[1]));
    }
}
