/**
 * Public author profiles (bylines), separate from staff accounts, and author pages.
 */
package org.masthead.author;
