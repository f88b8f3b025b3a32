package org.masthead.system;

import java.util.Optional;

/**
 * Where readers fetch a picture of the media library, provided by the media module — an interface here so the
 * site's own settings (its logo) can show one without this module depending on media.
 */
public interface MediaLinks {

    /** The picture's public URL (site-relative, or on a CDN or bucket), if it exists. */
    Optional<String> pictureUrl(long mediaId);
}
