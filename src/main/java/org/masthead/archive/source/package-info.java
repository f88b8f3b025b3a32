/**
 * What an archive holds, whatever wrote it: authors, sections, tags and posts as plain records that the WordPress
 * and Ghost readers produce while streaming their files, and that the importer turns into Masthead content.
 */
@org.springframework.modulith.NamedInterface("source")
package org.masthead.archive.source;
