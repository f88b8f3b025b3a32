package org.masthead.identity;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after too many failed sign-ins for one account, or from one address, further
 * attempts are refused until the window has passed. Counted per node; several nodes each enforce the limit.
 */
@Component
public class LoginThrottle {

    private final Limits limits;
    private final Cache<String, Bucket> accounts;
    private final Cache<String, Bucket> addresses;

    LoginThrottle(Limits limits) {
        this.limits = limits;
        this.accounts = Caffeine.newBuilder().expireAfterAccess(limits.window().multipliedBy(2)).maximumSize(100_000).build();
        this.addresses = Caffeine.newBuilder().expireAfterAccess(limits.window().multipliedBy(2)).maximumSize(100_000).build();
    }

    public boolean isBlocked(String email, String address) {
        return bucket(accounts, key(email), limits.failuresPerAccount()).getAvailableTokens() <= 0
                || bucket(addresses, address, limits.failuresPerAddress()).getAvailableTokens() <= 0;
    }

    public void recordFailure(String email, String address) {
        bucket(accounts, key(email), limits.failuresPerAccount()).tryConsume(1);
        bucket(addresses, address, limits.failuresPerAddress()).tryConsume(1);
    }

    public Duration window() {
        return limits.window();
    }

    private Bucket bucket(Cache<String, Bucket> cache, String key, int failures) {
        return cache.get(key, ignored -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(failures).refillIntervally(failures, limits.window()).build())
                .build());
    }

    /** The same normal form the account lookup uses, so every spelling of one address shares its attempts. */
    private static String key(String email) {
        return StaffEmails.normalize(email);
    }

    /**
     * @param failuresPerAccount failed sign-ins allowed for one email address within the window
     * @param failuresPerAddress failed sign-ins allowed from one client address within the window
     */
    @ConfigurationProperties("masthead.login")
    public record Limits(@DefaultValue("5") int failuresPerAccount, @DefaultValue("20") int failuresPerAddress,
                         @DefaultValue("15m") Duration window) {
    }
}
