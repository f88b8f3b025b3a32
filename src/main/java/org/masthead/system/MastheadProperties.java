package org.masthead.system;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code masthead.*}.
 *
 * @param dataDir          where the embedded database and uploaded media live
 * @param demoContent      load the demo newsroom into an empty database on first start
 * @param generateArticles extra synthetic articles to generate into an empty database (benchmarks)
 * @param embeddedDatabase settings of the embedded PostgreSQL, used when no external one is configured
 * @param http             caching policy for public pages
 */
@ConfigurationProperties("masthead")
public record MastheadProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("true") boolean demoContent,
        @DefaultValue("0") int generateArticles,
        @DefaultValue EmbeddedDatabase embeddedDatabase,
        @DefaultValue Http http) {

    /**
     * @param ephemeral           delete the data directory when the application stops (tests)
     * @param port                fixed port, or 0 to pick a free one at every start
     * @param supervisionInterval how often the server is checked; a dead one is restarted on the same data
     * @param giveUpAfter         how long restarts may fail before liveness reports DOWN (an orchestrator then
     *                            restarts the whole application)
     */
    public record EmbeddedDatabase(@DefaultValue("false") boolean ephemeral, @DefaultValue("0") int port,
                                   @DefaultValue("2s") Duration supervisionInterval,
                                   @DefaultValue("2m") Duration giveUpAfter) {
    }

    /**
     * @param publicCacheControl {@code Cache-Control} of public pages: short for browsers, longer for a CDN,
     *                           which may serve stale copies while it revalidates or while the origin is down
     */
    public record Http(
            @DefaultValue("public, max-age=60, s-maxage=300, stale-while-revalidate=60, stale-if-error=86400")
            String publicCacheControl,
            @DefaultValue("365d") Duration mediaMaxAge) {
    }

    public Path postgresDir() {
        return dataDir.resolve("postgres");
    }

    public Path mediaDir() {
        return dataDir.resolve("media");
    }
}
