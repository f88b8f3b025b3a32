package org.masthead.syndication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.system.SurrogateKey;

/** Purging Fastly and Cloudflare through their APIs, against a local HTTP server standing in for each. */
class HttpCdnPurgerTests {

    record Call(String method, String path, String surrogateKey, String authorization, String fastlyKey, String body) {
    }

    private HttpServer cdn;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile int status = 200;

    @BeforeEach
    void standIn() throws IOException {
        cdn = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cdn.createContext("/", exchange -> {
            calls.add(new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Surrogate-Key"), exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Fastly-Key"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] answer = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        cdn.start();
    }

    @AfterEach
    void stop() {
        cdn.stop(0);
    }

    private String api() {
        return "http://127.0.0.1:" + cdn.getAddress().getPort();
    }

    @Test
    void fastlyPurgesKeysInBatchesAndUrlsOneByOne() {
        Set<SurrogateKey> keys = new LinkedHashSet<>();
        IntStream.range(0, 300).forEach(i -> keys.add(SurrogateKey.article(i)));
        new HttpCdnPurger("fastly", api(), "secret-token", "SERVICE1").purge(keys, Set.of("https://news.example/articles/a"));

        assertThat(calls).hasSize(3);
        assertThat(calls.get(0).path()).isEqualTo("/service/SERVICE1/purge");
        assertThat(calls.get(0).fastlyKey()).isEqualTo("secret-token");
        assertThat(calls.get(0).surrogateKey().split(" ")).hasSize(256).startsWith("article-0");
        assertThat(calls.get(1).surrogateKey().split(" ")).hasSize(44);
        assertThat(calls.get(2).path()).isEqualTo("/purge/news.example/articles/a");
    }

    @Test
    void cloudflarePurgesTagsAndFilesByTheZoneWithABearerToken() {
        new HttpCdnPurger("cloudflare", api(), "cf-token", "ZONE9").purge(
                new LinkedHashSet<>(List.of(SurrogateKey.HOME, SurrogateKey.article(7))), Set.of("https://news.example/"));

        assertThat(calls).extracting(Call::path).containsOnly("/client/v4/zones/ZONE9/purge_cache");
        assertThat(calls).extracting(Call::authorization).containsOnly("Bearer cf-token");
        assertThat(calls.get(0).body()).isEqualTo("{\"tags\":[\"home\",\"article-7\"]}");
        assertThat(calls.get(1).body()).isEqualTo("{\"files\":[\"https://news.example/\"]}");
    }

    @Test
    void aRefusedPurgeThrowsSoTheDurableListenerTriesAgain() {
        status = 403;
        assertThatThrownBy(() -> new HttpCdnPurger("cloudflare", api(), "wrong", "ZONE9").purge(Set.of(SurrogateKey.HOME), Set.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("HTTP 403");
    }
}
