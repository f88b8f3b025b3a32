/**
 * The front page: lead story, latest per section and the News Feed.
 */
package org.masthead.home;
