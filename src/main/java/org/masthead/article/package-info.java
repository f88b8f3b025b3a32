/**
 * Articles: the article aggregate (guarded publish, slug history), its storage and keyset-paginated lists of published articles, and the article page.
 */
package org.masthead.article;
