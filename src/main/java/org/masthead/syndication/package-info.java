/**
 * Distribution: RSS, Atom and JSON feeds, sitemaps (with Google News and images), robots.txt, and the CDN purge
 * plan — a durable listener that tells the CDN which surrogate keys and URLs a change makes stale.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Syndication",
        allowedDependencies = {"content", "media", "system", "text"})
package org.masthead.syndication;
