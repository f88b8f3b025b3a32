package org.masthead.system;

/**
 * Something readers see changed, on this node or another (relayed through PostgreSQL NOTIFY): caches of
 * rendered pages and derived lists must be dropped.
 */
public record ContentChanged() {
}
