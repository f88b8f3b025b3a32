/**
 * Full-text search of everything published (PostgreSQL tsvector, GIN, websearch syntax, "Did you mean"
 * through pg_trgm) and related articles under each story.
 */
package org.masthead.search;
