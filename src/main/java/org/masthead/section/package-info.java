/**
 * Sections of the site: storage, the main navigation and section front pages.
 */
package org.masthead.section;
