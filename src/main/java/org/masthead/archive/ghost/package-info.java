/**
 * Ghost's JSON export read into the archive's source records: {@link org.masthead.archive.ghost.GhostJsonReader}
 * streams the file (Ghost 1 to 6, and Masthead's own export with its extension tables and columns), and
 * {@link org.masthead.archive.ghost.MobiledocHtml} renders the mobiledoc bodies of Ghost 1 to 4 to HTML.
 */
package org.masthead.archive.ghost;
