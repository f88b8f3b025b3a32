/**
 * The News Feed: every published article newest first, as a page and as fragments that "Show More" appends.
 */
package org.masthead.newsfeed;
