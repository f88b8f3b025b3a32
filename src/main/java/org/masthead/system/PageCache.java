package org.masthead.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Finished public responses — compressed once, with their validators — kept in memory and served as stored
 * bytes. Entries live briefly and every node drops them when content changes anywhere, so a cached page is never
 * staler than the change signal. The last good copy of each page is also kept, for up to the
 * {@code stale-if-error} the Cache-Control header promises: it is served only while the database cannot be
 * reached.
 */
@Component
public class PageCache {

    private static final Pattern STALE_IF_ERROR = Pattern.compile("stale-if-error=(\\d+)");

    /** A stored response: its status is always 200; headers as they were sent. */
    record Entry(Map<String, String> headers, byte[] body, String etag, Instant storedAt) {
    }

    private final Cache<String, Entry> entries;
    private final Cache<String, Entry> lastGood;
    private final boolean enabled;
    private final Duration staleIfError;
    private final Clock clock;
    private final AtomicLong generation = new AtomicLong();

    PageCache(Settings settings, MastheadProperties properties, Clock clock) {
        this.enabled = settings.enabled();
        this.clock = clock;
        Matcher staleIfError = STALE_IF_ERROR.matcher(properties.http().publicCacheControl());
        this.staleIfError = staleIfError.find() ? Duration.ofSeconds(Long.parseLong(staleIfError.group(1))) : Duration.ZERO;
        this.entries = Caffeine.newBuilder()
                .expireAfterWrite(settings.ttl())
                .maximumWeight(settings.maxSize().toBytes())
                .weigher((String key, Entry entry) -> key.length() + entry.body().length + 256)
                .build();
        this.lastGood = Caffeine.newBuilder()
                .expireAfterWrite(this.staleIfError.isZero() ? Duration.ofSeconds(1) : this.staleIfError)
                .maximumWeight(settings.maxSize().toBytes())
                .weigher((String key, Entry entry) -> key.length() + entry.body().length + 256)
                .build();
    }

    /** Taken before rendering; {@link #put} stores only if nothing changed meanwhile. */
    long generation() {
        return generation.get();
    }

    Entry get(String key) {
        return enabled ? entries.getIfPresent(key) : null;
    }

    /** The last good copy of a page, if it is young enough to be served while the database is unreachable. */
    Optional<Entry> stale(String key) {
        if (!enabled || staleIfError.isZero()) {
            return Optional.empty();
        }
        Entry entry = lastGood.getIfPresent(key);
        return entry != null && age(entry).compareTo(staleIfError) <= 0 ? Optional.of(entry) : Optional.empty();
    }

    Duration age(Entry entry) {
        return Duration.between(entry.storedAt(), clock.instant());
    }

    void put(long renderedAt, String key, Map<String, String> headers, byte[] body, String etag) {
        if (enabled && renderedAt == generation.get()) {
            Entry entry = new Entry(new LinkedHashMap<>(headers), body, etag, clock.instant());
            entries.put(key, entry);
            lastGood.put(key, entry);
        }
    }

    @EventListener
    public void contentChanged(ContentChanged event) {
        generation.incrementAndGet();
        entries.invalidateAll(); // the last good copies stay: they are only for when the database is down
    }

    /**
     * @param ttl     how long a page may be served from memory without any change signal
     * @param maxSize memory the cache may use (and as much again for the last good copies, mostly the same bytes)
     */
    @ConfigurationProperties("masthead.page-cache")
    public record Settings(@DefaultValue("true") boolean enabled, @DefaultValue("60s") Duration ttl,
                           @DefaultValue("256MB") DataSize maxSize) {
    }
}
