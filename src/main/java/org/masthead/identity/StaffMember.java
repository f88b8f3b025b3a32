package org.masthead.identity;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in staff member. Kept in the session (stored in PostgreSQL), so it is serializable and holds no
 * password once authentication is done.
 *
 * @param authorId the public byline this account writes as, if any
 */
public record StaffMember(long id, String email, String displayName, StaffRole role, Long authorId,
                          boolean enabled, String passwordHash) implements UserDetails {

    @Serial
    private static final long serialVersionUID = 1L;

    public boolean can(StaffRole needed) {
        return role.includes(needed);
    }

    StaffMember withoutPassword() {
        return new StaffMember(id, email, displayName, role, authorId, enabled, null);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
