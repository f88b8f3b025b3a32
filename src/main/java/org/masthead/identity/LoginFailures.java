package org.masthead.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/** Counts a failed sign-in against the account and the client address, then shows the form again. */
@Component
class LoginFailures implements AuthenticationFailureHandler {

    private final LoginThrottle throttle;

    LoginFailures(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        throttle.recordFailure(request.getParameter("email"), request.getRemoteAddr());
        response.sendRedirect(SecurityConfiguration.LOGIN + "?error");
    }
}
