package org.masthead.identity;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.masthead.system.Pages;
import org.masthead.system.Site;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** Sign-in, and the one-time setup that creates the first Administrator on a new installation. */
@Controller
class SignInController {

    private final StaffAccounts accounts;
    private final org.masthead.system.SiteSettings siteSettings;

    SignInController(StaffAccounts accounts, org.masthead.system.SiteSettings siteSettings) {
        this.accounts = accounts;
        this.siteSettings = siteSettings;
    }

    @GetMapping(SecurityConfiguration.LOGIN)
    ModelAndView login(HttpServletRequest request, HttpServletResponse response) {
        if (accounts.count() == 0) {
            return new ModelAndView("redirect:/admin/setup");
        }
        noStore(response);
        String error = request.getParameter("error") != null ? "That email and password do not match an active account." : null;
        String notice = request.getParameter("signed-out") != null ? "You have signed out."
                : request.getParameter("created") != null ? "Your Administrator account is ready. Sign in to continue." : null;
        CsrfToken csrf = csrf(request);
        return Pages.view("identity/login", new LoginPage(siteSettings.current(), csrf.getParameterName(), csrf.getToken(), error, notice, ""));
    }

    @GetMapping("/admin/setup")
    ModelAndView setupForm(HttpServletRequest request, HttpServletResponse response) {
        if (accounts.count() > 0) {
            return new ModelAndView("redirect:" + SecurityConfiguration.LOGIN);
        }
        noStore(response);
        return setupPage(request, "", "", Map.of());
    }

    @PostMapping("/admin/setup")
    ModelAndView setup(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String displayName,
                       @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirmation,
                       HttpServletRequest request, HttpServletResponse response) {
        noStore(response);
        if (!password.equals(confirmation)) {
            return invalid(setupPage(request, email, displayName, Map.of("confirmation", "The two passwords differ.")));
        }
        try {
            return accounts.createFirstAdministrator(email, displayName, password)
                    .map(created -> new ModelAndView("redirect:" + SecurityConfiguration.LOGIN + "?created"))
                    .orElseGet(() -> new ModelAndView("redirect:" + SecurityConfiguration.LOGIN));
        } catch (StaffAccountException e) {
            return invalid(setupPage(request, email, displayName, Map.of(e.field(), e.getMessage())));
        }
    }

    private ModelAndView setupPage(HttpServletRequest request, String email, String displayName, Map<String, String> errors) {
        CsrfToken csrf = csrf(request);
        return Pages.view("identity/setup", new SetupPage(siteSettings.current(), csrf.getParameterName(), csrf.getToken(), email,
                displayName, errors));
    }

    private static ModelAndView invalid(ModelAndView view) {
        view.setStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        return view;
    }

    private static CsrfToken csrf(HttpServletRequest request) {
        return (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    }

    private static void noStore(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }
}
