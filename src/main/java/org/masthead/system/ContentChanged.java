package org.masthead.system;

import java.util.Collection;
import java.util.Set;

/**
 * Something readers see changed, on this node or another (relayed through PostgreSQL NOTIFY): cached responses
 * and derived lists tagged with any of {@code keys} must be dropped; {@code everything} drops all of them (after
 * the signal connection was lost, when changes may have been missed).
 */
public record ContentChanged(Set<String> keys, boolean everything) {

    public static ContentChanged of(Collection<SurrogateKey> keys) {
        return new ContentChanged(Set.copyOf(keys.stream().map(SurrogateKey::value).toList()), false);
    }

    public static ContentChanged all() {
        return new ContentChanged(Set.of(), true);
    }

    public boolean touches(SurrogateKey key) {
        return everything || keys.contains(key.value());
    }
}
