package org.masthead.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.masthead.system.AdminContext;
import org.masthead.system.AdminFrame;
import org.masthead.system.Site;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/** The staff member behind the current request. */
@Component
public class StaffSession implements AdminContext {

    private final org.masthead.system.SiteSettings siteSettings;

    StaffSession(org.masthead.system.SiteSettings siteSettings) {
        this.siteSettings = siteSettings;
    }

    public StaffMember current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof StaffMember member) {
            return member;
        }
        throw new IllegalStateException("No staff member is signed in");
    }

    @Override
    public long staffId() {
        return current().id();
    }

    /** The signed-in staff member as the actor of content changes. */
    public org.masthead.content.Actor actor() {
        StaffMember member = current();
        return org.masthead.content.Actor.staff(member.id(), member.displayName(),
                org.masthead.content.Actor.Role.valueOf(member.role().name()), member.authorId());
    }

    @Override
    public boolean isEditor() {
        return current().can(StaffRole.EDITOR);
    }

    @Override
    public AdminFrame frame(HttpServletRequest request, String title, String current) {
        StaffMember member = current();
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return new AdminFrame(siteSettings.current(), title, current, member.displayName(), member.role().label(),
                member.can(StaffRole.EDITOR), member.can(StaffRole.ADMINISTRATOR),
                csrf == null ? "_csrf" : csrf.getParameterName(), csrf == null ? "" : csrf.getToken());
    }
}
