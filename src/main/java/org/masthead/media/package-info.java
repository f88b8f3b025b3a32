/**
 * The media library: uploads checked and cleaned (type from the bytes, pixel limits, metadata stripped), resized
 * variants, descriptions (alt, caption, credit), a store behind an interface, and {@link org.masthead.media.MediaUrls}
 * for where readers fetch them. Other modules read pictures through the {@code media_picture} view.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Media", allowedDependencies = {"system", "text"})
package org.masthead.media;
