package org.masthead.syndication;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.masthead.system.SurrogateKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Purges a real CDN through its API, by surrogate key (what every Masthead response is tagged with) and by URL:
 * <ul>
 * <li>Fastly ({@code masthead.cdn.provider=fastly}): {@code POST /service/<service>/purge} with the keys in a
 * {@code Surrogate-Key} header (up to 256 a call), {@code Fastly-Key} token; URLs with {@code POST /purge/<url>}.</li>
 * <li>Cloudflare ({@code masthead.cdn.provider=cloudflare}): {@code POST /client/v4/zones/<zone>/purge_cache} with
 * {@code {"tags": [...]}} and {@code {"files": [...]}} (30 a call), bearer token.</li>
 * </ul>
 * A refused or failed call throws, so the purge listener's durable publication stays incomplete and is retried.
 */
@Component
@ConditionalOnExpression("'${masthead.cdn.provider:log}' == 'fastly' or '${masthead.cdn.provider:log}' == 'cloudflare'")
class HttpCdnPurger implements CdnPurger {

    static final int FASTLY_KEYS_PER_CALL = 256;
    static final int CLOUDFLARE_ITEMS_PER_CALL = 30;

    private final String provider;
    private final URI api;
    private final String token;
    private final String target;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * @param api    the provider's API address (its public one by default; a local stand-in in tests)
     * @param target the Fastly service id or the Cloudflare zone id
     */
    HttpCdnPurger(@Value("${masthead.cdn.provider}") String provider,
                  @Value("${masthead.cdn.api-url:}") String api,
                  @Value("${masthead.cdn.token}") String token,
                  @Value("${masthead.cdn.target}") String target) {
        this.provider = provider;
        this.api = URI.create(api.isBlank() ? provider.equals("fastly") ? "https://api.fastly.com" : "https://api.cloudflare.com"
                : api.replaceAll("/+$", ""));
        this.token = token;
        this.target = target;
    }

    @Override
    public void purge(Set<SurrogateKey> surrogateKeys, Set<String> urls) {
        List<String> keys = surrogateKeys.stream().map(SurrogateKey::value).toList();
        if (provider.equals("fastly")) {
            for (List<String> slice : slices(keys, FASTLY_KEYS_PER_CALL)) {
                send(HttpRequest.newBuilder(api.resolve("/service/" + target + "/purge"))
                        .header("Fastly-Key", token).header("Surrogate-Key", String.join(" ", slice))
                        .POST(HttpRequest.BodyPublishers.noBody()));
            }
            for (String url : urls) {
                send(HttpRequest.newBuilder(api.resolve("/purge/" + url.replaceFirst("^https?://", "")))
                        .header("Fastly-Key", token).POST(HttpRequest.BodyPublishers.noBody()));
            }
        } else {
            for (List<String> slice : slices(keys, CLOUDFLARE_ITEMS_PER_CALL)) {
                cloudflare(Map.of("tags", slice));
            }
            for (List<String> slice : slices(List.copyOf(urls), CLOUDFLARE_ITEMS_PER_CALL)) {
                cloudflare(Map.of("files", slice));
            }
        }
    }

    private void cloudflare(Map<String, Object> body) {
        send(HttpRequest.newBuilder(api.resolve("/client/v4/zones/" + target + "/purge_cache"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(new LinkedHashMap<>(body)))));
    }

    private void send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("The CDN refused the purge: HTTP " + response.statusCode() + " "
                        + response.body().substring(0, Math.min(200, response.body().length())));
            }
        } catch (IOException e) {
            throw new IllegalStateException("The CDN's API could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while purging the CDN", e);
        }
    }

    private static <T> List<List<T>> slices(List<T> items, int size) {
        List<List<T>> slices = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            slices.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return slices;
    }
}
