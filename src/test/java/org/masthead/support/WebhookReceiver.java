package org.masthead.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on 127.0.0.1 that receives webhook calls, keeps each one (headers and exact body bytes) and
 * answers with the status the test chooses per call.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** A received call. */
    public record Call(String path, Headers headers, byte[] body) {

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final HttpServer server;
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final java.util.Map<String, ConcurrentLinkedDeque<Integer>> scripted = new java.util.concurrent.ConcurrentHashMap<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() throws IOException {
        return start(0);
    }

    public static WebhookReceiver start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        WebhookReceiver receiver = new WebhookReceiver(server);
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Call call = new Call(exchange.getRequestURI().getPath(), exchange.getRequestHeaders(), body);
            receiver.calls.add(call);
            ConcurrentLinkedDeque<Integer> script = receiver.scripted.get(call.path());
            Integer next = script == null ? null : script.pollFirst();
            int status = next != null ? next : 200;
            byte[] reply = ("{\"received\":" + receiver.calls.size() + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        });
        server.start();
        return receiver;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next calls to this path are answered with these statuses, in order; later ones with 200. */
    public WebhookReceiver answerNext(String path, Integer... statuses) {
        scripted.computeIfAbsent(path, ignored -> new ConcurrentLinkedDeque<>()).addAll(List.of(statuses));
        return this;
    }

    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public List<Call> callsTo(String path) {
        return calls().stream().filter(call -> call.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
