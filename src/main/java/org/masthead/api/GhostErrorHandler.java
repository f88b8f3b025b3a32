package org.masthead.api;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.masthead.api.nql.NqlException;
import org.masthead.content.ArticleConflictException;
import org.masthead.content.ArticleException;
import org.masthead.content.ArticleValidationException;
import org.masthead.media.MediaException;
import org.masthead.media.MediaStoreException;
import org.masthead.system.NotFoundException;
import org.masthead.text.InvalidFieldsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;

/**
 * Every failure of an API endpoint as Ghost reports it: the write path's refusals become 422 ValidationErrors on
 * the API's own field names, 403 NoPermissionErrors and 409 collisions; a bad filter is Ghost's 400; anything
 * unexpected a 500 that says nothing of the internals.
 */
@RestControllerAdvice(basePackages = "org.masthead.api")
@Order(Ordered.HIGHEST_PRECEDENCE)
class GhostErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(GhostErrorHandler.class);

    /** The newsroom's field names, as the Admin API spells them. */
    private static final Map<String, String> API_FIELDS = Map.ofEntries(Map.entry("headline", "title"),
            Map.entry("standfirst", "custom_excerpt"), Map.entry("sectionId", "section"), Map.entry("authorIds", "authors"),
            Map.entry("body", "html"), Map.entry("leadImageAlt", "feature_image_alt"),
            Map.entry("leadImageCaption", "feature_image_caption"), Map.entry("leadImageCredit", "feature_image_credit"),
            Map.entry("scheduledAt", "published_at"), Map.entry("publishedAt", "published_at"),
            Map.entry("metaTitle", "meta_title"), Map.entry("metaDescription", "meta_description"),
            Map.entry("ogTitle", "og_title"), Map.entry("ogDescription", "og_description"),
            Map.entry("twitterTitle", "twitter_title"), Map.entry("twitterDescription", "twitter_description"),
            Map.entry("canonicalUrl", "canonical_url"), Map.entry("guestByline", "authors"));

    @ExceptionHandler(GhostError.class)
    ResponseEntity<Map<String, Object>> ghost(GhostError error, HandlerMethod handler, HttpServletRequest request) {
        return respond(error, handler, request);
    }

    @ExceptionHandler(NqlException.class)
    ResponseEntity<Map<String, Object>> filter(NqlException error, HandlerMethod handler, HttpServletRequest request) {
        return respond(GhostError.of(GhostError.Type.BadRequestError, "Error parsing filter", error.getMessage(), null),
                handler, request);
    }

    @ExceptionHandler(ArticleValidationException.class)
    ResponseEntity<Map<String, Object>> invalid(ArticleValidationException error, HandlerMethod handler,
                                                HttpServletRequest request) {
        return respond(firstField(error.errors()), handler, request);
    }

    @ExceptionHandler(InvalidFieldsException.class)
    ResponseEntity<Map<String, Object>> invalidFields(InvalidFieldsException error, HandlerMethod handler,
                                                      HttpServletRequest request) {
        return respond(firstField(error.errors()), handler, request);
    }

    @ExceptionHandler(ArticleConflictException.class)
    ResponseEntity<Map<String, Object>> conflict(ArticleConflictException error, HandlerMethod handler,
                                                 HttpServletRequest request) {
        return respond(GhostError.collision(null), handler, request);
    }

    @ExceptionHandler(ArticleException.class)
    ResponseEntity<Map<String, Object>> refused(ArticleException error, HandlerMethod handler, HttpServletRequest request) {
        return respond(GhostError.validation(null, error.getMessage()), handler, request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, Object>> denied(AccessDeniedException error, HandlerMethod handler, HttpServletRequest request) {
        return respond(GhostError.noPermission(error.getMessage()), handler, request);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(NotFoundException error, HandlerMethod handler, HttpServletRequest request) {
        return respond(GhostError.notFound(error.getMessage()), handler, request);
    }

    @ExceptionHandler(MediaStoreException.class)
    ResponseEntity<Map<String, Object>> storage(MediaStoreException error, HandlerMethod handler, HttpServletRequest request) {
        return respond(GhostError.of(GhostError.Type.MaintenanceError, error.getMessage()), handler, request);
    }

    @ExceptionHandler(org.masthead.media.MediaTooLargeException.class)
    ResponseEntity<Map<String, Object>> tooLargeImage(MediaException error, HandlerMethod handler, HttpServletRequest request) {
        return respond(GhostError.of(GhostError.Type.RequestEntityTooLargeError, error.getMessage()), handler, request);
    }

    @ExceptionHandler(MediaException.class)
    ResponseEntity<Map<String, Object>> media(MediaException error, HandlerMethod handler, HttpServletRequest request) {
        return respond(GhostError.of(GhostError.Type.UnsupportedMediaTypeError, error.getMessage()), handler, request);
    }

    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge(Exception error, HandlerMethod handler, HttpServletRequest request) {
        return respond(GhostError.of(GhostError.Type.RequestEntityTooLargeError, "The file is too large."), handler, request);
    }

    @ExceptionHandler({org.springframework.http.converter.HttpMessageNotReadableException.class,
            org.springframework.web.bind.MissingServletRequestParameterException.class,
            org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class,
            org.springframework.web.multipart.MultipartException.class,
            org.springframework.web.multipart.support.MissingServletRequestPartException.class})
    ResponseEntity<Map<String, Object>> unreadable(Exception error, HandlerMethod handler, HttpServletRequest request) {
        return respond(GhostError.badRequest("The request could not be read: send JSON in Ghost's envelope, e.g. {\"posts\": [{…}]}."),
                handler, request);
    }

    @ExceptionHandler(org.springframework.web.HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(Exception error, HandlerMethod handler, HttpServletRequest request) {
        return respond(GhostError.of(GhostError.Type.UnsupportedMediaTypeError,
                "Send the request as application/json (or multipart/form-data for uploads)."), handler, request);
    }

    @ExceptionHandler(org.springframework.dao.DataAccessResourceFailureException.class)
    ResponseEntity<Map<String, Object>> database(Exception error, HandlerMethod handler, HttpServletRequest request) {
        log.warn("API request failed: the database is unavailable ({})", error.getMessage());
        return respond(GhostError.of(GhostError.Type.MaintenanceError, "The database is unavailable; try again shortly."),
                handler, request);
    }

    /** The client went away mid-response (a closed connection, a cancelled request): nobody is left to answer. */
    @ExceptionHandler(org.springframework.web.context.request.async.AsyncRequestNotUsableException.class)
    void clientGone(Exception error, HttpServletRequest request) {
        log.debug("API client left before {} {} was answered: {}", request.getMethod(), request.getRequestURI(),
                error.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception error, HandlerMethod handler, HttpServletRequest request) {
        log.error("API request {} {} failed", request.getMethod(), request.getRequestURI(), error);
        return respond(GhostError.of(GhostError.Type.InternalServerError, "An unexpected error occurred, please try again."),
                handler, request);
    }

    private static GhostError firstField(Map<String, String> errors) {
        Map.Entry<String, String> first = errors.entrySet().iterator().next();
        return GhostError.validation(API_FIELDS.getOrDefault(first.getKey(), first.getKey()), first.getValue());
    }

    static ResponseEntity<Map<String, Object>> respond(GhostError error, HandlerMethod handler, HttpServletRequest request) {
        GhostEndpoint endpoint = handler == null ? null : handler.getMethodAnnotation(GhostEndpoint.class);
        return ResponseEntity.status(error.type().status())
                .header(HttpHeaders.CACHE_CONTROL, GhostErrors.cacheControl(error, "GET".equals(request.getMethod())))
                .contentType(new MediaType(MediaType.APPLICATION_JSON, java.nio.charset.StandardCharsets.UTF_8))
                .body(GhostErrors.body(error, endpoint));
    }
}
