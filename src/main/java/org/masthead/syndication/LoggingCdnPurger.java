package org.masthead.syndication;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Records what would be purged, so the plan can be checked before a CDN is connected (the default). */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "masthead.cdn.provider", havingValue = "log",
        matchIfMissing = true)
class LoggingCdnPurger implements CdnPurger {

    private static final Logger log = LoggerFactory.getLogger(LoggingCdnPurger.class);

    @Override
    public void purge(Set<org.masthead.system.SurrogateKey> surrogateKeys, Set<String> urls) {
        log.info("CDN purge: keys {} urls {}", surrogateKeys, urls);
    }
}
