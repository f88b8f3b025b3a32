package org.masthead.api.content;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.masthead.system.ContentChanged;
import org.masthead.system.SurrogateKey;
import org.masthead.system.TaggedCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * Content API answers, kept as finished JSON and tagged with the same surrogate keys as the pages showing the
 * same content: publishing a story evicts the post lists (on every node, through the change signal) and leaves
 * the tag list alone. Keyed by path and every parameter but the key (answers do not depend on who asks); bounded
 * in bytes, since a hundred posts with their bodies weigh more than a tag.
 */
@Component
class ContentResponses {

    /** A finished answer: its JSON and the keys of what it shows. */
    record Answer(byte[] json, String surrogateKeys) {
    }

    /** What an endpoint computed: the body as a JSON tree and the keys of what it shows. */
    record Computed(Object body, Set<SurrogateKey> keys) {
    }

    private static final String CACHE_CONTROL = "public, max-age=0";
    private final JsonMapper json = JsonMapper.builder().build();
    private final TaggedCache<String, Answer> cache;
    private final boolean enabled;

    ContentResponses(@Value("${masthead.api.cache.enabled:true}") boolean enabled,
                     @Value("${masthead.api.cache.max-size:64MB}") DataSize maxSize,
                     @Value("${masthead.api.cache.ttl:60s}") Duration ttl) {
        this.enabled = enabled;
        this.cache = new TaggedCache<>(maxSize.toBytes(), answer -> answer.json().length, ttl);
    }

    ResponseEntity<byte[]> serve(HttpServletRequest request, Supplier<Computed> endpoint) {
        return serve(request, CACHE_CONTROL, endpoint);
    }

    ResponseEntity<byte[]> serve(HttpServletRequest request, String cacheControl, Supplier<Computed> endpoint) {
        Answer answer = enabled ? cache.get(key(request), ignored -> compute(endpoint)) : compute(endpoint).value();
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.APPLICATION_JSON, java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header("Surrogate-Key", answer.surrogateKeys())
                .body(answer.json());
    }

    private TaggedCache.Tagged<Answer> compute(Supplier<Computed> endpoint) {
        Computed computed = endpoint.get();
        return new TaggedCache.Tagged<>(new Answer(json.writeValueAsBytes(computed.body()), SurrogateKey.header(computed.keys())),
                computed.keys());
    }

    @EventListener
    void contentChanged(ContentChanged change) {
        cache.evict(change);
    }

    /** The path and its parameters in a fixed order, without the caller's key. */
    private static String key(HttpServletRequest request) {
        Map<String, List<String>> parameters = new TreeMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!"key".equals(name)) {
                parameters.put(name, List.of(values));
            }
        });
        return request.getRequestURI() + "?" + parameters;
    }
}
