/**
 * The News Feed: every published article newest first, as a page, as fragments that "Show More" appends, as the
 * box beside articles and on the front page, and live over Server-Sent Events — numbered feed events written by a
 * durable listener when articles are published or withdrawn, and relayed to every node through NOTIFY.
 */
@org.springframework.modulith.ApplicationModule(displayName = "News Feed", allowedDependencies = {"content", "system", "text"})
package org.masthead.newsfeed;
