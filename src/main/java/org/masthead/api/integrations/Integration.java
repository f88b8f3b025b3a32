package org.masthead.api.integrations;

import java.time.Instant;

import org.masthead.content.Actor;

/**
 * An app or automation that calls the APIs: its Content API key (read published content), its Admin API key
 * ({@code id:secret}, to sign short-lived tokens) and what it may do to content.
 *
 * @param role what the Administrator granted it: Contributor (drafts only), Reporter (publishes what it wrote)
 *             or Editor (publishes anything)
 */
public record Integration(long id, String publicId, String name, String description, Actor.Role role,
                          String contentKey, String adminKeyId, String adminSecret, Instant createdAt,
                          Instant updatedAt, Instant lastUsedAt) {

    /** The Admin API key as Ghost clients take it. */
    public String adminKey() {
        return adminKeyId + ":" + adminSecret;
    }

    /** The integration as the actor of the changes it makes. */
    public Actor actor() {
        return Actor.integration(id, name, role);
    }

    public boolean mayPublish() {
        return role.includes(Actor.Role.REPORTER);
    }
}
