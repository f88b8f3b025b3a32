package org.masthead.system;

import java.util.Optional;

/**
 * Addresses content answered at on a site it was imported from ("/2024/02/20/slug/", "/?p=123", "/slug/"), so
 * readers' bookmarks and search engines' links still arrive: looked up only when nothing else answers.
 */
public interface OldAddresses {

    /**
     * @param path  the request's path as sent (percent-encoded)
     * @param query the query string, or null
     * @return where the content lives now, site-relative
     */
    Optional<String> find(String path, String query);
}
