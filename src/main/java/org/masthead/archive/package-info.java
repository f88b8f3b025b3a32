/**
 * Moving a newsroom in and out: importers for WordPress (WXR) and Ghost (JSON export) archives that stream their
 * files into content's write path in batches (as the importer), fetch or unpack their pictures into the media
 * library, keep their old addresses answering with 301s, and resume after a crash; the Ghost-format export with a
 * zip of the media; and whole-site backup and restore. Run from the newsroom, the command line and the Admin API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Imports, exports and backups",
        allowedDependencies = {"content", "body", "media", "identity", "system", "text"})
package org.masthead.archive;
