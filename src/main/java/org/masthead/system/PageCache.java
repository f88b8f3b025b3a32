package org.masthead.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Finished public responses — compressed once, with their validators — kept in memory and served as stored
 * bytes. Each entry is tagged with the response's surrogate keys; a change anywhere evicts, on every node, only
 * the entries tagged with a key it touches, so publishing in Politics leaves the Culture page cached. The last
 * good copy of each page is also kept, for up to the {@code stale-if-error} the Cache-Control header promises:
 * it is served only while the database cannot be reached.
 */
@Component
public class PageCache {

    private static final Pattern STALE_IF_ERROR = Pattern.compile("stale-if-error=(\\d+)");
    private static final String SURROGATE_KEY = "Surrogate-Key";

    /** A stored response: its status is always 200; headers as they were sent. */
    record Entry(Map<String, String> headers, byte[] body, String etag, Instant storedAt, Set<String> tags) {
    }

    private final Cache<String, Entry> entries;
    private final Cache<String, Entry> lastGood;
    /** Which entries carry a surrogate key: the entries an eviction of that key drops. */
    private final Map<String, Set<String>> byTag = new ConcurrentHashMap<>();
    /** When each key was last evicted, so a page rendered before that is not stored after it. */
    private final Cache<String, Long> evictedAt;
    private final AtomicLong sequence = new AtomicLong();
    private volatile long evictedAllAt;
    private final boolean enabled;
    private final Duration staleIfError;
    private final Clock clock;

    PageCache(Settings settings, MastheadProperties properties, Clock clock, MeterRegistry meters) {
        this.enabled = settings.enabled();
        this.clock = clock;
        Matcher staleIfError = STALE_IF_ERROR.matcher(properties.http().publicCacheControl());
        this.staleIfError = staleIfError.find() ? Duration.ofSeconds(Long.parseLong(staleIfError.group(1))) : Duration.ZERO;
        this.entries = Caffeine.newBuilder()
                .expireAfterWrite(settings.ttl())
                .maximumWeight(settings.maxSize().toBytes())
                .weigher((String key, Entry entry) -> key.length() + entry.body().length + 256)
                .executor(Runnable::run)
                .removalListener((String key, Entry entry, RemovalCause cause) -> unindex(key, entry, cause))
                .recordStats()
                .build();
        // cache.gets{cache=pages,result=hit|miss}, cache.size, cache.evictions: the hit rate a change leaves
        CaffeineCacheMetrics.monitor(meters, entries, "pages");
        this.lastGood = Caffeine.newBuilder()
                .expireAfterWrite(this.staleIfError.isZero() ? Duration.ofSeconds(1) : this.staleIfError)
                .maximumWeight(settings.maxSize().toBytes())
                .weigher((String key, Entry entry) -> key.length() + entry.body().length + 256)
                .build();
        this.evictedAt = Caffeine.newBuilder().expireAfterWrite(settings.ttl().multipliedBy(2)).maximumSize(200_000).build();
    }

    /** Taken before rendering; {@link #put} stores only if nothing the page shows was evicted meanwhile. */
    long generation() {
        return sequence.get();
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
        if (!enabled) {
            return;
        }
        Set<String> tags = SurrogateKey.parse(headers.get(SURROGATE_KEY));
        Entry entry = new Entry(new LinkedHashMap<>(headers), body, etag, clock.instant(), tags);
        lastGood.put(key, entry);
        if (renderedAt < evictedAllAt || tags.stream().map(evictedAt::getIfPresent)
                .anyMatch(evicted -> evicted != null && evicted > renderedAt)) {
            return; // rendered from data that changed before the page was done: it would be stale already
        }
        for (String tag : tags) {
            byTag.computeIfAbsent(tag, ignored -> ConcurrentHashMap.newKeySet()).add(key);
        }
        entries.put(key, entry);
    }

    @EventListener
    public void contentChanged(ContentChanged event) {
        long now = sequence.incrementAndGet();
        if (event.everything()) {
            evictedAllAt = now;
            entries.invalidateAll();
            byTag.clear();
            return;
        }
        for (String key : event.keys()) {
            evictedAt.put(key, now);
            Set<String> tagged = byTag.remove(key);
            if (tagged != null) {
                entries.invalidateAll(tagged); // the last good copies stay: they are only for when the database is down
            }
        }
    }

    private void unindex(String key, Entry removed, RemovalCause cause) {
        if (removed == null || cause == RemovalCause.REPLACED) {
            return; // the new entry indexed its own tags; a leftover pointer only costs an extra eviction
        }
        Entry current = entries.getIfPresent(key);
        for (String tag : removed.tags()) {
            if (current == null || !current.tags().contains(tag)) {
                byTag.computeIfPresent(tag, (ignored, keys) -> {
                    keys.remove(key);
                    return keys.isEmpty() ? null : keys;
                });
            }
        }
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
