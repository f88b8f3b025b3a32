/**
 * WordPress's export (WXR) read into the archive's source records: {@link org.masthead.archive.wordpress.WxrReader}
 * streams the file in two passes (WXR 1.0 to 1.2), and {@link org.masthead.archive.wordpress.GutenbergHtml} turns
 * block-editor and classic-editor content into the plain HTML Masthead reads into its blocks.
 */
package org.masthead.archive.wordpress;
