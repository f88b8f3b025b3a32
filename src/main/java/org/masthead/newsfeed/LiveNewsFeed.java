package org.masthead.newsfeed;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.annotation.PreDestroy;
import org.masthead.content.PublishedArticles;
import org.masthead.system.ChangeSignal;
import org.masthead.system.SiteSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open News Feed streams (Server-Sent Events) on this node. Events are the numbered feed_event rows, so a
 * reconnecting browser (Last-Event-ID) gets exactly what it missed, and every stream gets each event once even
 * when its replay and a live delivery race.
 */
@Component
class LiveNewsFeed {

    private static final Logger log = LoggerFactory.getLogger(LiveNewsFeed.class);
    private static final int REPLAY_LIMIT = 500;

    private final JdbcClient jdbc;
    private final PublishedArticles articles;
    private final NewsFeed newsFeed;
    private final TemplateEngine templates;
    private final SiteSettings settings;
    private final Limits limits;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "masthead-news-feed-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    /** Events already delivered, recent ones: ids commit out of order, so delivery re-scans a window. */
    private final java.util.Set<Long> delivered = java.util.Collections.newSetFromMap(new java.util.LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > RECENT;
        }
    });
    private static final int RECENT = 2_000;
    private static final int RESCAN = 200;
    private volatile long highest;
    private final java.util.concurrent.ExecutorService delivery = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "masthead-news-feed-delivery");
        thread.setDaemon(true);
        return thread;
    });

    LiveNewsFeed(JdbcClient jdbc, PublishedArticles articles, NewsFeed newsFeed, TemplateEngine templates,
                 SiteSettings settings, Limits limits, io.micrometer.core.instrument.MeterRegistry meters) {
        io.micrometer.core.instrument.Gauge.builder("masthead.sse.streams", this, LiveNewsFeed::openStreams)
                .tag("stream", "news-feed").description("Open Server-Sent Event streams on this node").register(meters);
        this.newsFeed = newsFeed;
        this.jdbc = jdbc;
        this.articles = articles;
        this.templates = templates;
        this.settings = settings;
        this.limits = limits;
        this.highest = newsFeed.latestEvent();
        long every = limits.heartbeat().toMillis();
        heartbeats.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
    }

    /** How a request for a stream was answered. */
    enum Refusal {
        /** The node serves as many streams as it is configured for: 503. */
        NODE_FULL,
        /** This client already holds its share of streams: 429. */
        CLIENT_LIMIT
    }

    /** @param refused why no stream was opened, or null when {@code emitter} is the new stream */
    record Opened(SseEmitter emitter, Refusal refused) {
    }

    Opened open(Long lastEventId, String client) {
        Stream stream;
        synchronized (streams) {
            if (streams.size() >= limits.maxStreams()) {
                return new Opened(null, Refusal.NODE_FULL);
            }
            if (streams.stream().filter(open -> open.client.equals(client)).count() >= limits.maxStreamsPerClient()) {
                return new Opened(null, Refusal.CLIENT_LIMIT);
            }
            stream = new Stream(new SseEmitter(limits.idleTimeout().toMillis()), client);
            streams.add(stream); // counted at once, so a burst from one client cannot pass the limit
        }
        SseEmitter emitter = stream.emitter;
        emitter.onCompletion(() -> streams.remove(stream));
        emitter.onTimeout(() -> streams.remove(stream));
        emitter.onError(error -> streams.remove(stream));
        long from = lastEventId == null ? newsFeed.latestEvent() : lastEventId;
        if (lastEventId == null) {
            // tells the browser where it stands, so a reconnect asks for what it missed
            stream.send(SseEmitter.event().id(String.valueOf(from)).name("ready").data("{}"), -1);
        }
        replay(stream, from);
        replay(stream, from); // what committed while the stream was joining; sent ids are skipped
        return new Opened(emitter, null);
    }

    int openStreams() {
        return streams.size();
    }

    private void replay(Stream stream, long after) {
        for (FeedEvent event : eventsAfter(after)) {
            stream.send(render(event), event.id());
        }
    }

    /** Runs on the signal listener's thread: hand over at once, so slow readers never hold up other signals. */
    @EventListener
    void signal(ChangeSignal signal) {
        if (signal.payload().startsWith(NewsFeedRecorder.FEED_PREFIX) || signal.payload().equals(ChangeSignal.RECONNECTED)) {
            delivery.execute(this::deliverNew);
        }
    }

    private synchronized void deliverNew() {
        // an event with a lower id can commit after a higher one: look back a little every time
        for (FeedEvent event : eventsAfter(Math.max(0, highest - RESCAN))) {
            if (!delivered.add(event.id())) {
                continue;
            }
            SseEmitter.SseEventBuilder rendered = render(event);
            for (Stream stream : streams) {
                stream.send(rendered, event.id());
            }
            highest = Math.max(highest, event.id());
        }
    }

    private void heartbeat() {
        try {
            for (Stream stream : streams) {
                stream.ping();
            }
        } catch (RuntimeException e) {
            log.warn("News feed heartbeat failed", e); // caught: an escaping exception would stop the schedule
        }
    }

    record FeedEvent(long id, long articleId, String kind) {
    }

    private List<FeedEvent> eventsAfter(long id) {
        return jdbc.sql("select id, article_id, kind from feed_event where id > ? order by id limit ?")
                .params(id, REPLAY_LIMIT)
                .query((rs, row) -> new FeedEvent(rs.getLong("id"), rs.getLong("article_id"), rs.getString("kind"))).list();
    }


    private SseEmitter.SseEventBuilder render(FeedEvent event) {
        String data;
        if (event.kind().equals("published")) {
            String html = articles.summary(event.articleId()).map(summary -> {
                StringOutput output = new StringOutput();
                templates.render("newsfeed/items.jte", Map.of("items", List.of(summary), "site", settings.current()), output);
                return output.toString().strip();
            }).orElse(null);
            // published and withdrawn again before this event was read: nothing to show
            data = html == null ? json.writeValueAsString(Map.of("articleId", event.articleId(), "withdrawn", true))
                    : json.writeValueAsString(Map.of("articleId", event.articleId(), "html", html));
        } else {
            data = json.writeValueAsString(Map.of("articleId", event.articleId()));
        }
        return SseEmitter.event().id(String.valueOf(event.id())).name(event.kind()).data(data);
    }

    /**
     * Ends every stream as soon as the node starts shutting down — before the web server's graceful shutdown,
     * which would otherwise wait its full timeout for these never-ending responses. Browsers reconnect to another
     * node and continue from their last event id.
     */
    @EventListener(ContextClosedEvent.class)
    void endStreams() {
        streams.forEach(stream -> stream.emitter.complete());
    }

    @PreDestroy
    void close() {
        heartbeats.shutdownNow();
        delivery.shutdownNow();
        endStreams();
    }

    /** One browser's stream; each event id is sent once, whether it comes from replay or live. */
    private final class Stream {

        private final SseEmitter emitter;
        private final String client;
        private final java.util.Set<Long> sent = new java.util.HashSet<>();

        Stream(SseEmitter emitter, String client) {
            this.emitter = emitter;
            this.client = client;
        }

        /** @param id the event's id, or -1 for a message that is not a feed event */
        synchronized void send(SseEmitter.SseEventBuilder event, long id) {
            if (id >= 0 && !sent.add(id)) {
                return;
            }
            if (sent.size() > RECENT) {
                sent.clear(); // older ids are outside every later re-scan window
                sent.add(id);
            }
            try {
                emitter.send(event);
            } catch (IOException | IllegalStateException gone) {
                streams.remove(this);
            }
        }

        synchronized void ping() {
            try {
                emitter.send(SseEmitter.event().comment("ping"));
            } catch (IOException | IllegalStateException gone) {
                streams.remove(this); // the reader left: the connection is cleaned up
                log.debug("News feed stream closed");
            }
        }
    }

    /**
     * @param maxStreams          open streams one node serves; beyond, readers get 503 and fall back to "Show More"
     * @param maxStreamsPerClient open streams one client address may hold (several tabs, a household behind one
     *                            address); beyond, 429, so no single client can take the node's streams
     * @param heartbeat           a comment sent to keep proxies from closing idle streams and to notice departed readers
     * @param idleTimeout         after this a stream is closed; the browser reconnects with Last-Event-ID
     */
    @ConfigurationProperties("masthead.news-feed")
    record Limits(@DefaultValue("1000") int maxStreams, @DefaultValue("10") int maxStreamsPerClient,
                  @DefaultValue("15s") Duration heartbeat, @DefaultValue("30m") Duration idleTimeout) {
    }
}
