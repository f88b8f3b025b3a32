package org.masthead.system;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Error pages for readers. Known conditions (missing page, malformed link) get a specific message; anything
 * unexpected reaches Spring Boot's error controller and gets a generic page through {@link #resolveErrorView}.
 */
@ControllerAdvice
class ReaderErrors implements ErrorViewResolver {

    private static final Logger log = LoggerFactory.getLogger(ReaderErrors.class);
    /** Set on a request that failed because the database could not be reached; the page cache then serves stale. */
    public static final String DATABASE_UNAVAILABLE = ReaderErrors.class.getName() + ".databaseUnavailable";
    static final String RETRY_AFTER_SECONDS = "15";

    private final Layouts layouts;
    private final DatabaseAvailability availability;
    private final org.springframework.beans.factory.ObjectProvider<OldAddresses> oldAddresses;

    ReaderErrors(Layouts layouts, DatabaseAvailability availability,
                 org.springframework.beans.factory.ObjectProvider<OldAddresses> oldAddresses) {
        this.layouts = layouts;
        this.availability = availability;
        this.oldAddresses = oldAddresses;
    }

    /** The database is down or restarting: a 503 that says so and when to try again, never a stack of 500s. */
    @ExceptionHandler({org.springframework.dao.DataAccessResourceFailureException.class,
            org.springframework.dao.TransientDataAccessResourceException.class})
    ModelAndView databaseUnavailable(Exception exception, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        if (!DatabaseFailures.isUnavailable(exception)) {
            throw exception;
        }
        return unavailable(request, response);
    }

    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request, HttpServletResponse response) {
        return page(413, "The form or file is larger than the newsroom accepts: at most 8 MB of text and 64 MB per file.",
                request, response);
    }

    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ModelAndView unreadableForm(org.springframework.web.multipart.MultipartException exception, HttpServletRequest request,
                                HttpServletResponse response) {
        String detail = String.valueOf(exception.getMostSpecificCause().getMessage());
        if (detail.contains("exceed") || detail.contains("too large") || detail.contains("maxPostSize")) {
            return tooLarge(request, response);
        }
        return page(400, "The form could not be read: it arrived incomplete or malformed. Nothing was saved; "
                + "reload the page and try again.", request, response);
    }

    ModelAndView unavailable(HttpServletRequest request, HttpServletResponse response) {
        availability.connectionFailed();
        request.setAttribute(DATABASE_UNAVAILABLE, Boolean.TRUE);
        if (response != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return page(503, UNAVAILABLE_MESSAGE, request, response);
    }

    static final String UNAVAILABLE_MESSAGE = "We are having a technical problem and will be back shortly. "
            + "Please try again in a moment.";

    @ExceptionHandler(ResponseStatusException.class)
    ModelAndView statusException(ResponseStatusException exception, HttpServletRequest request,
                                 HttpServletResponse response) {
        HttpStatusCode status = exception.getStatusCode();
        if (status.value() == 404) {
            ModelAndView moved = movedFromOldSite(request, response);
            if (moved != null) {
                return moved;
            }
        }
        String message = status.value() == 404 ? notFoundMessage() : exception.getReason();
        return page(status.value(), message, request, response);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ModelAndView noResource(HttpServletRequest request, HttpServletResponse response) {
        return page(404, notFoundMessage(), request, response);
    }

    /**
     * An address from the site an archive was imported from that a controller took for its own (Ghost's "/slug"
     * looks like a static page here): a permanent redirect to where it lives now. Other old addresses never reach
     * a controller and are answered by {@link OldAddressMapping}.
     */
    private ModelAndView movedFromOldSite(HttpServletRequest request, HttpServletResponse response) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return null;
        }
        OldAddresses addresses = oldAddresses.getIfAvailable();
        java.util.Optional<String> location = addresses == null ? java.util.Optional.empty()
                : addresses.find(request.getRequestURI(), request.getQueryString());
        if (location.isEmpty()) {
            return null;
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=86400");
        org.springframework.web.servlet.view.RedirectView redirect =
                new org.springframework.web.servlet.view.RedirectView(location.get(), true);
        redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
        redirect.setExposeModelAttributes(false);
        return new ModelAndView(redirect);
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        // Boot's error controller sets no Cache-Control of its own; clear whatever the failed handler set.
        var attributes = (org.springframework.web.context.request.ServletRequestAttributes)
                org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        HttpServletResponse response = attributes == null ? null : attributes.getResponse();
        Object failure = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof Throwable throwable && DatabaseFailures.isUnavailable(throwable)) {
            return unavailable(request, response); // failed in a filter (a session read, say) before any handler
        }
        if (status.is5xxServerError()) {
            log.warn("Server error {} on {}", status.value(), model.get("path"));
        }
        String message = switch (status.value()) {
            case 404 -> notFoundMessage();
            case 405 -> "This address does not accept that kind of request.";
            default -> status.is4xxClientError()
                    ? "The request could not be understood."
                    : "Something went wrong on our side. Please try again in a moment.";
        };
        return page(status.value(), message, request, response);
    }

    private ModelAndView page(int status, String message, HttpServletRequest request, HttpServletResponse response) {
        if (response != null) {
            // replaces any public Cache-Control a handler set before it failed
            response.setHeader(HttpHeaders.CACHE_CONTROL, status >= 500 ? "no-store" : "no-cache");
        }
        ModelAndView view = Pages.view("system/error",
                new ErrorPage(layout(status, request), status, heading(status), message));
        view.setStatus(HttpStatus.valueOf(status));
        return view;
    }

    private Layout layout(int status, HttpServletRequest request) {
        return layouts.page(heading(status), null, request.getRequestURI(), null);
    }

    private static String heading(int status) {
        return switch (status) {
            case 404 -> "Page not found";
            case 400 -> "That link does not work";
            case 413 -> "Too large";
            case 503 -> "Back shortly";
            default -> status >= 500 ? "Something went wrong" : "Request not accepted";
        };
    }

    private static String notFoundMessage() {
        return "We could not find that page. It may have been moved or never existed.";
    }
}
