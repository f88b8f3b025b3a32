package org.masthead.editorial;

import jakarta.servlet.http.HttpServletRequest;
import org.masthead.content.ArticleConflictException;
import org.masthead.content.ArticleException;
import org.masthead.system.ErrorPage;
import org.masthead.system.Layouts;
import org.masthead.system.Pages;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A newsroom action refused by the article (stale version, not allowed in its state) explains itself. */
@ControllerAdvice(assignableTypes = {RevisionController.class, EditorController.class})
class NewsroomErrors {

    private final Layouts layouts;

    NewsroomErrors(Layouts layouts) {
        this.layouts = layouts;
    }

    @ExceptionHandler(ArticleException.class)
    ModelAndView refused(ArticleException exception, HttpServletRequest request) {
        boolean conflict = exception instanceof ArticleConflictException;
        HttpStatus status = conflict ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY;
        String message = exception.getMessage() + (conflict ? " Reload the article to see the current version." : "");
        ModelAndView view = Pages.view("system/error", new ErrorPage(layouts.page("Not done", null, request.getRequestURI(), null),
                status.value(), conflict ? "Someone else saved first" : "That cannot be done", message));
        view.setStatus(status);
        return view;
    }
}
