/**
 * Article bodies: the block document the newsroom editor writes (paragraphs, headings, lists, attributed quotes,
 * images, galleries, embeds, tables, fact boxes, footnotes…), its rendering to sanitized HTML and plain text, the
 * conversions from Markdown and HTML (earlier articles, imports, APIs) and back to Markdown for the editor without
 * JavaScript, and the list of embed providers readers load only when they choose to.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Article bodies", allowedDependencies = {"system", "text"})
package org.masthead.body;
