/**
 * Text handling shared by features: slugs (with Cyrillic transliteration), Unicode-aware word counts and Markdown rendering to sanitized HTML.
 */
package org.masthead.text;
