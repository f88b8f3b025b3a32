package org.masthead.live;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.annotation.PreDestroy;
import org.masthead.content.LiveBlogs;
import org.masthead.content.LiveEntryChanged;
import org.masthead.system.ChangeSignal;
import org.masthead.system.SiteSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open live-blog streams (Server-Sent Events) on this node, one channel per live blog. Events are the blog's
 * numbered changes, so a reconnecting browser (Last-Event-ID) gets exactly what it missed, in order, once. A change
 * is rendered once per node — the entry's HTML and the new key-events list — and the same bytes go to every stream.
 * Every node hears every change through the database's LISTEN/NOTIFY signals.
 */
@Component
class LiveStreams {

    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);
    private static final int REPLAY_LIMIT = 500;

    private final LiveBlogs liveBlogs;
    private final TemplateEngine templates;
    private final SiteSettings settings;
    private final Limits limits;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<Long, Set<Stream>> channels = new ConcurrentHashMap<>();
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "masthead-live-delivery");
        thread.setDaemon(true);
        return thread;
    });
    /** Writes one change to a live blog's many streams in parallel: a slow socket holds up only its share. */
    private final ExecutorService fanOut = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "masthead-live-fan-out");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "masthead-live-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    LiveStreams(LiveBlogs liveBlogs, TemplateEngine templates, SiteSettings settings, Limits limits,
                io.micrometer.core.instrument.MeterRegistry meters) {
        io.micrometer.core.instrument.Gauge.builder("masthead.sse.streams", this, LiveStreams::openStreams)
                .tag("stream", "live-blog").description("Open Server-Sent Event streams on this node").register(meters);
        this.liveBlogs = liveBlogs;
        this.templates = templates;
        this.settings = settings;
        this.limits = limits;
        long every = limits.heartbeat().toMillis();
        heartbeats.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
    }

    /** @return the stream, or null when the node serves as many as it may (the page then works by reloading) */
    SseEmitter open(long articleId, String pageUrl, Long lastEventId) {
        if (openStreams() >= limits.maxStreams()) {
            return null;
        }
        long from = lastEventId == null ? liveBlogs.latestChange(articleId) : lastEventId;
        Stream stream = new Stream(articleId, pageUrl, new SseEmitter(limits.idleTimeout().toMillis()), from);
        stream.emitter.onCompletion(() -> close(stream));
        stream.emitter.onTimeout(() -> close(stream));
        stream.emitter.onError(error -> close(stream));
        if (lastEventId == null) {
            // tells the browser where it stands, so a reconnect asks for what it missed
            stream.send(SseEmitter.event().id(String.valueOf(from)).name("ready").data("{}"));
        } else {
            stream.send(SseEmitter.event().comment("connected")); // sends the headers now: the browser's stream opens
        }
        channels.computeIfAbsent(articleId, id -> ConcurrentHashMap.newKeySet()).add(stream);
        stream.catchUp(null); // what it missed; live deliveries go through the same lock, so nothing twice or out of order
        return stream.emitter;
    }

    int openStreams() {
        return channels.values().stream().mapToInt(Set::size).sum();
    }

    /** A change's event, built once: the same parts are written to every stream; null parts when nothing shows. */
    private record Event(Set<ResponseBodyEmitter.DataWithMediaType> parts) {
    }

    private Set<ResponseBodyEmitter.DataWithMediaType> rendered(LiveBlogs.Change change, String pageUrl, Map<String, Event> cache) {
        if (cache == null) {
            return built(render(change, pageUrl));
        }
        return cache.computeIfAbsent(change.id() + " " + pageUrl, key -> new Event(built(render(change, pageUrl)))).parts();
    }

    private static Set<ResponseBodyEmitter.DataWithMediaType> built(SseEmitter.SseEventBuilder event) {
        return event == null ? null : java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(event.build()));
    }

    /** Runs on the signal listener's thread: hands over at once, so slow readers never hold up other signals. */
    @EventListener
    void signal(ChangeSignal signal) {
        String payload = signal.payload();
        if (payload.startsWith(LiveEntryChanged.SIGNAL_PREFIX)) {
            String[] parts = payload.substring(LiveEntryChanged.SIGNAL_PREFIX.length()).split(":");
            try {
                long articleId = Long.parseLong(parts[0]);
                delivery.execute(() -> deliverNew(articleId));
            } catch (NumberFormatException e) {
                log.debug("Ignored a malformed live signal {}", payload);
            }
        } else if (payload.equals(ChangeSignal.RECONNECTED)) {
            delivery.execute(() -> channels.keySet().forEach(this::deliverNew)); // what was missed while deaf
        }
    }

    /**
     * Sends each stream of the live blog what came after the last change it got. Streams that stand at the same
     * change (nearly all) share one query and one rendering per change.
     */
    private void deliverNew(long articleId) {
        Set<Stream> channel = channels.get(articleId);
        if (channel == null || channel.isEmpty()) {
            return;
        }
        Map<String, Event> rendered = new ConcurrentHashMap<>();
        Map<Long, List<Stream>> byPosition = new HashMap<>();
        channel.forEach(stream -> byPosition.computeIfAbsent(stream.lastSent(), at -> new java.util.ArrayList<>()).add(stream));
        List<java.util.concurrent.Callable<Void>> work = new java.util.ArrayList<>();
        byPosition.forEach((after, streams) -> {
            List<LiveBlogs.Change> changes = liveBlogs.changesAfter(articleId, after, REPLAY_LIMIT);
            if (changes.isEmpty()) {
                return;
            }
            changes.forEach(change -> streams.stream().map(stream -> stream.pageUrl).distinct()
                    .forEach(pageUrl -> rendered(change, pageUrl, rendered))); // rendered once, before the fan-out
            int slices = Math.min(4, Math.max(1, streams.size() / 250));
            for (int slice = 0; slice < slices; slice++) {
                int first = slice;
                work.add(() -> {
                    for (int i = first; i < streams.size(); i += slices) {
                        streams.get(i).deliver(after, changes, rendered);
                    }
                    return null;
                });
            }
        });
        try {
            fanOut.invokeAll(work); // the blog's next change waits until every stream has this one: order holds
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One change as the page applies it: the entry's HTML (unless deleted) and the key events as they now are; null
     * for an addition or edit of an entry deleted since (its deletion, later in the stream, is what counts).
     */
    private SseEmitter.SseEventBuilder render(LiveBlogs.Change change, String pageUrl) {
        Map<String, Object> data = new HashMap<>();
        data.put("entryId", change.entryId());
        data.put("anchor", "entry-" + change.entryId());
        if (!change.kind().equals("deleted")) {
            LiveBlogs.Entry entry = liveBlogs.entry(change.entryId()).filter(LiveBlogs.Entry::isPublished).orElse(null);
            if (entry == null) {
                return null;
            }
            data.put("html", fragment("live/entry.jte", Map.of("entry", entry, "pageUrl", pageUrl, "site", settings.current())));
            data.put("pinned", entry.pinned());
        }
        List<LiveBlogs.Entry> keyEvents = liveBlogs.keyEvents(change.articleId());
        data.put("keyEvents", fragment("live/key-events.jte", Map.of("keyEvents", keyEvents, "pageUrl", pageUrl)));
        return SseEmitter.event().id(String.valueOf(change.id())).name(change.kind()).data(json.writeValueAsString(data));
    }

    private String fragment(String template, Map<String, Object> model) {
        StringOutput output = new StringOutput();
        templates.render(template, model, output);
        return output.toString().strip();
    }

    private void close(Stream stream) {
        Set<Stream> channel = channels.get(stream.articleId);
        if (channel != null) {
            channel.remove(stream);
        }
    }

    private void heartbeat() {
        try {
            channels.values().forEach(channel -> channel.forEach(Stream::ping));
        } catch (RuntimeException e) {
            log.warn("Live stream heartbeat failed", e); // caught: an escaping exception would stop the schedule
        }
    }

    /** Ends every stream when the node shuts down: browsers reconnect to another node and continue from their id. */
    @EventListener(ContextClosedEvent.class)
    void endStreams() {
        channels.values().forEach(channel -> channel.forEach(stream -> stream.emitter.complete()));
    }

    @PreDestroy
    void shutDown() {
        heartbeats.shutdownNow();
        delivery.shutdownNow();
        fanOut.shutdownNow();
        endStreams();
    }

    /** One browser's stream: every change after the one it last got, in order, once. */
    private final class Stream {
        private final long articleId;
        private final String pageUrl;
        private final SseEmitter emitter;
        private long lastSent;

        Stream(long articleId, String pageUrl, SseEmitter emitter, long lastSent) {
            this.articleId = articleId;
            this.pageUrl = pageUrl;
            this.emitter = emitter;
            this.lastSent = lastSent;
        }

        synchronized long lastSent() {
            return lastSent;
        }

        /** Reads and sends everything after the last change sent. */
        synchronized void catchUp(Map<String, Event> cache) {
            for (LiveBlogs.Change change : liveBlogs.changesAfter(articleId, lastSent, REPLAY_LIMIT)) {
                sendChange(change, cache);
            }
        }

        /** Changes read for streams that stood at {@code after}; a stream that moved on meanwhile reads its own. */
        synchronized void deliver(long after, List<LiveBlogs.Change> changes, Map<String, Event> cache) {
            if (lastSent != after) {
                catchUp(cache);
                return;
            }
            changes.forEach(change -> sendChange(change, cache));
        }

        private void sendChange(LiveBlogs.Change change, Map<String, Event> cache) {
            if (change.id() <= lastSent) {
                return;
            }
            Set<ResponseBodyEmitter.DataWithMediaType> event = rendered(change, pageUrl, cache);
            if (event == null || sendParts(event)) {
                lastSent = change.id(); // a change about an entry gone since has nothing to show: passed over
            }
        }

        synchronized boolean sendParts(Set<ResponseBodyEmitter.DataWithMediaType> parts) {
            try {
                emitter.send(parts);
                return true;
            } catch (IOException | IllegalStateException gone) {
                close(this);
                return false;
            }
        }

        synchronized boolean send(SseEmitter.SseEventBuilder event) {
            try {
                emitter.send(event);
                return true;
            } catch (IOException | IllegalStateException gone) {
                close(this);
                return false;
            }
        }

        synchronized void ping() {
            try {
                emitter.send(SseEmitter.event().comment("ping"));
            } catch (IOException | IllegalStateException gone) {
                close(this);
            }
        }
    }

    /**
     * @param maxStreams  open live-blog streams one node serves; beyond, the page updates when reloaded
     * @param heartbeat   a comment that keeps proxies from closing idle streams and notices departed readers
     * @param idleTimeout after this a stream is closed; the browser reconnects with Last-Event-ID
     */
    @ConfigurationProperties("masthead.live")
    record Limits(@DefaultValue("10000") int maxStreams, @DefaultValue("15s") Duration heartbeat,
                  @DefaultValue("30m") Duration idleTimeout) {
    }
}
