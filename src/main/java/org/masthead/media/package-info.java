/**
 * Stored media files, named by content hash and served with immutable caching.
 */
package org.masthead.media;
