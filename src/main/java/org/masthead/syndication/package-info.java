/**
 * Distribution: RSS, Atom and JSON feeds, sitemaps (with Google News and images), robots.txt, and the CDN purge
 * plan computed when articles change.
 */
package org.masthead.syndication;
