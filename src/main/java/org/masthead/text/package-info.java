/**
 * Text handling shared by features: slugs (with Cyrillic transliteration), Unicode-aware word counts, field limits
 * and cleaning, and rendering of Markdown or HTML bodies to sanitized HTML and plain text.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Text", allowedDependencies = {})
package org.masthead.text;
