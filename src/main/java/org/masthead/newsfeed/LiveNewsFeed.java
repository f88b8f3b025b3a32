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
import org.masthead.article.Articles;
import org.masthead.system.ChangeSignal;
import org.masthead.system.SiteSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
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
    private final Articles articles;
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
    private volatile long delivered;

    LiveNewsFeed(JdbcClient jdbc, Articles articles, TemplateEngine templates, SiteSettings settings, Limits limits) {
        this.jdbc = jdbc;
        this.articles = articles;
        this.templates = templates;
        this.settings = settings;
        this.limits = limits;
        this.delivered = latestEventId();
        long every = limits.heartbeat().toMillis();
        heartbeats.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * @param ceilingReached true when the configured number of streams is open; the caller answers 503
     */
    record Opened(SseEmitter emitter, boolean ceilingReached) {
    }

    Opened open(Long lastEventId) {
        if (streams.size() >= limits.maxStreams()) {
            return new Opened(null, true);
        }
        SseEmitter emitter = new SseEmitter(limits.idleTimeout().toMillis());
        Stream stream = new Stream(emitter);
        streams.add(stream);
        emitter.onCompletion(() -> streams.remove(stream));
        emitter.onTimeout(() -> streams.remove(stream));
        emitter.onError(error -> streams.remove(stream));
        if (lastEventId == null) {
            // tells the browser where it stands, so a reconnect asks for what it missed
            stream.send(SseEmitter.event().id(String.valueOf(latestEventId())).name("ready").data("{}"), latestEventId());
        } else {
            for (FeedEvent event : eventsAfter(lastEventId)) {
                stream.send(render(event), event.id());
            }
        }
        return new Opened(emitter, false);
    }

    int openStreams() {
        return streams.size();
    }

    @EventListener
    void signal(ChangeSignal signal) {
        if (signal.payload().startsWith(FeedSignals.FEED_PREFIX) || signal.payload().equals(ChangeSignal.RECONNECTED)) {
            deliverNew();
        }
    }

    private synchronized void deliverNew() {
        for (FeedEvent event : eventsAfter(delivered)) {
            SseEmitter.SseEventBuilder rendered = render(event);
            for (Stream stream : streams) {
                stream.send(rendered, event.id());
            }
            delivered = event.id();
        }
    }

    private void heartbeat() {
        for (Stream stream : streams) {
            stream.ping();
        }
    }

    record FeedEvent(long id, long articleId, String kind) {
    }

    private List<FeedEvent> eventsAfter(long id) {
        return jdbc.sql("select id, article_id, kind from feed_event where id > ? order by id limit ?")
                .params(id, REPLAY_LIMIT)
                .query((rs, row) -> new FeedEvent(rs.getLong("id"), rs.getLong("article_id"), rs.getString("kind"))).list();
    }

    private long latestEventId() {
        return jdbc.sql("select coalesce(max(id), 0) from feed_event").query(Long.class).single();
    }

    private SseEmitter.SseEventBuilder render(FeedEvent event) {
        String data;
        if (event.kind().equals("published")) {
            String html = articles.publishedSummary(event.articleId()).map(summary -> {
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

    @PreDestroy
    void close() {
        heartbeats.shutdownNow();
        streams.forEach(stream -> stream.emitter.complete());
    }

    /** One browser's stream; sends in order and each event id once. */
    private final class Stream {

        private final SseEmitter emitter;
        private long lastSent = -1;

        Stream(SseEmitter emitter) {
            this.emitter = emitter;
        }

        synchronized void send(SseEmitter.SseEventBuilder event, long id) {
            if (id <= lastSent) {
                return;
            }
            try {
                emitter.send(event);
                lastSent = id;
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
     * @param maxStreams  open streams one node serves; beyond, readers get 503 and fall back to "Show More"
     * @param heartbeat   a comment sent to keep proxies from closing idle streams and to notice departed readers
     * @param idleTimeout after this a stream is closed; the browser reconnects with Last-Event-ID
     */
    @ConfigurationProperties("masthead.news-feed")
    record Limits(@DefaultValue("1000") int maxStreams, @DefaultValue("15s") Duration heartbeat,
                  @DefaultValue("30m") Duration idleTimeout) {
    }
}
