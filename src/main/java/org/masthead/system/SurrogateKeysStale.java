package org.masthead.system;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Responses named by these keys went stale for a reason other than a content change itself — the search index
 * caught up with one, say. Nodes evict them through {@link ChangeSignals}; this event tells durable listeners
 * (the CDN purge plan) too.
 */
public record SurrogateKeysStale(UUID eventId, Set<SurrogateKey> keys, String reason, Instant at) {

    public SurrogateKeysStale {
        keys = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(keys)); // in the order given
    }
}
