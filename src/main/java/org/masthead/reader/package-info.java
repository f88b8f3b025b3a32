/**
 * What readers see: the front page, article and static pages, section, author and tag pages. Each page reads
 * published content through the content module's query interface, shows the News Feed and related stories, and
 * names what it shows as surrogate keys so caches drop exactly the pages a change touches.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reader pages",
        allowedDependencies = {"content", "newsfeed", "search", "system", "text", "live"})
package org.masthead.reader;
