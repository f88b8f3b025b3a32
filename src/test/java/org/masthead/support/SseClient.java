package org.masthead.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Reads a Server-Sent Events stream the way a browser's EventSource does, event by event. */
public final class SseClient implements AutoCloseable {

    public record Event(String id, String name, String data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final HttpResponse<Stream<String>> response;
    private final Thread reader;

    /** The News Feed's stream. */
    public SseClient(int port, String lastEventId) throws Exception {
        this(port, "/news-feed/stream", lastEventId);
    }

    /** The stream at {@code path} (a live blog's, say), continuing after {@code lastEventId} when given. */
    public SseClient(int port, String path, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofLines());
        reader = new Thread(() -> {
            String id = null;
            String name = "message";
            StringBuilder data = new StringBuilder();
            try {
                for (String line : (Iterable<String>) response.body()::iterator) {
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) {
                            events.add(new Event(id, name, data.toString()));
                        }
                        name = "message";
                        data.setLength(0);
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5));
                    }
                }
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        }, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    public int status() {
        return response.statusCode();
    }

    /** The next event, or null when none arrives in time. */
    public Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next event with this name, skipping others. */
    public Event next(String name, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Event event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event != null && event.name().equals(name)) {
                return event;
            }
        }
        return null;
    }

    @Override
    public void close() {
        response.body().close();
    }
}
