package org.masthead.syndication;

import java.util.Set;

import org.masthead.system.SurrogateKey;

/**
 * Tells a CDN to drop cached copies, by surrogate key (Fastly, Cloudflare cache tags) or by URL. An exception makes
 * the purge listener's publication incomplete, so it is tried again.
 */
public interface CdnPurger {

    void purge(Set<SurrogateKey> surrogateKeys, Set<String> urls);
}
