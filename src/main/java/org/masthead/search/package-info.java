/**
 * Search: the module's own full-text index of published articles (search_document, kept by a durable listener
 * from content events), the search page with web-search syntax, filters, snippets and "Did you mean", and the
 * related articles under each story.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search", allowedDependencies = {"content", "media", "system", "text"})
package org.masthead.search;
