/**
 * Infrastructure every feature uses: the embedded PostgreSQL and its supervision, jte views, page layout, HTTP
 * caching with surrogate keys and the page cache, change signals between nodes, security headers, and error pages.
 * Depends on no feature.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System", allowedDependencies = {"text"})
package org.masthead.system;
