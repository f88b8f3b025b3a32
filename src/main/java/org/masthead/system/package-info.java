/**
 * Infrastructure every feature uses: the embedded PostgreSQL, jte views, page layout, HTTP caching and error pages. Depends on no feature.
 */
package org.masthead.system;
