package org.masthead.system;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * An in-memory cache whose entries name the surrogate keys they were computed from, so a change evicts exactly
 * the entries it touches (see {@link ContentChanged}). A value computed while a change it depends on happened is
 * returned but not kept.
 */
public final class TaggedCache<K, V> {

    /** A computed value and the keys of what it was computed from. */
    public record Tagged<V>(V value, Set<SurrogateKey> keys) {
    }

    private record Entry<V>(V value, Set<String> tags) {
    }

    private final Cache<K, Entry<V>> entries;
    private final Map<String, Set<K>> byTag = new ConcurrentHashMap<>();
    private final Cache<String, Long> evictedAt;
    private final AtomicLong sequence = new AtomicLong();
    private volatile long evictedAllAt;

    public TaggedCache(long maximumSize, Duration expireAfterWrite) {
        this.entries = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(expireAfterWrite).build();
        this.evictedAt = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(expireAfterWrite).build();
    }

    /** Bounded by weight (e.g. bytes) rather than count, for values of very different sizes. */
    public TaggedCache(long maximumWeight, java.util.function.ToIntFunction<V> weigher, Duration expireAfterWrite) {
        this.entries = Caffeine.newBuilder().maximumWeight(maximumWeight)
                .weigher((K key, Entry<V> entry) -> weigher.applyAsInt(entry.value()) + 128)
                .expireAfterWrite(expireAfterWrite).build();
        this.evictedAt = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(expireAfterWrite).build();
    }

    public V get(K key, Function<K, Tagged<V>> compute) {
        Entry<V> cached = entries.getIfPresent(key);
        if (cached != null) {
            return cached.value();
        }
        long startedAt = sequence.get();
        Tagged<V> computed = compute.apply(key);
        Set<String> tags = Set.copyOf(computed.keys().stream().map(SurrogateKey::value).toList());
        boolean stale = startedAt < evictedAllAt || tags.stream().map(evictedAt::getIfPresent)
                .anyMatch(evicted -> evicted != null && evicted > startedAt);
        if (!stale) {
            tags.forEach(tag -> byTag.computeIfAbsent(tag, ignored -> ConcurrentHashMap.newKeySet()).add(key));
            entries.put(key, new Entry<>(computed.value(), tags));
        }
        return computed.value();
    }

    public void evict(ContentChanged change) {
        long now = sequence.incrementAndGet();
        if (change.everything()) {
            evictedAllAt = now;
            entries.invalidateAll();
            byTag.clear();
            return;
        }
        for (String key : change.keys()) {
            evictedAt.put(key, now);
            Set<K> tagged = byTag.remove(key);
            if (tagged != null) {
                entries.invalidateAll(tagged);
            }
        }
    }
}
