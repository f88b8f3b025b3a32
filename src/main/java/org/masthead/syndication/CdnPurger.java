package org.masthead.syndication;

import java.util.Set;

/** Tells a CDN to drop cached copies. Today it only logs; a Fastly or Cloudflare client can implement it later. */
public interface CdnPurger {

    void purge(Set<String> surrogateKeys, Set<String> urls);
}
