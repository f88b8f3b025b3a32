package org.masthead.system;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Finished public responses — compressed once, with their validators — kept in memory and served as stored
 * bytes. Entries live briefly and every node drops them all when content changes anywhere, so a cached page is
 * never staler than the change signal.
 */
@Component
public class PageCache {

    /** A stored response: its status is always 200; headers as they were sent. */
    record Entry(Map<String, String> headers, byte[] body, String etag) {
    }

    private final Cache<String, Entry> entries;
    private final boolean enabled;

    PageCache(Settings settings) {
        this.enabled = settings.enabled();
        this.entries = Caffeine.newBuilder()
                .expireAfterWrite(settings.ttl())
                .maximumWeight(settings.maxSize().toBytes())
                .weigher((String key, Entry entry) -> key.length() + entry.body().length + 256)
                .build();
    }

    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    /** Taken before rendering; {@link #put} stores only if nothing changed meanwhile. */
    long generation() {
        return generation.get();
    }

    Entry get(String key) {
        return enabled ? entries.getIfPresent(key) : null;
    }

    void put(long renderedAt, String key, Map<String, String> headers, byte[] body, String etag) {
        if (enabled && renderedAt == generation.get()) {
            entries.put(key, new Entry(new LinkedHashMap<>(headers), body, etag));
        }
    }

    @EventListener
    public void contentChanged(ContentChanged event) {
        generation.incrementAndGet();
        entries.invalidateAll();
    }


    /**
     * @param ttl     how long a page may be served from memory without any change signal
     * @param maxSize memory the cache may use
     */
    @ConfigurationProperties("masthead.page-cache")
    public record Settings(@DefaultValue("true") boolean enabled, @DefaultValue("60s") Duration ttl,
                           @DefaultValue("256MB") DataSize maxSize) {
    }
}
