package org.masthead.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.masthead.api.integrations.Integration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the Ghost-compatible APIs over real HTTP as Ghost's clients do: the Content API with {@code ?key=}, the
 * Admin API with a fresh HS256 token per request ({@code kid}, {@code aud: /admin/}, hex-decoded secret).
 */
public final class GhostClient {

    /** An answer: status, headers and the body parsed as JSON (null when empty or not JSON). */
    public record Answer(int status, Map<String, List<String>> headers, String body, JsonNode json) {

        public String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .flatMap(entry -> entry.getValue().stream()).findFirst().orElse(null);
        }

        /** The first error of a Ghost error envelope. */
        public JsonNode error() {
            return json.path("errors").path(0);
        }
    }

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final int port;

    public GhostClient(int port) {
        this.port = port;
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    /** GET on the Content API; {@code query} without the key, which is added first as Ghost's client does. */
    public Answer content(Integration integration, String path, String query) {
        String separator = query == null || query.isEmpty() ? "" : "&" + query;
        return send(HttpRequest.newBuilder(URI.create(base() + "/ghost/api/content/" + path + "?key="
                + integration.contentKey() + separator)).header("Accept-Version", "v6.0").GET());
    }

    public Answer get(String pathAndQuery, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    public Answer admin(Integration integration, String method, String pathAndQuery, Object body) {
        return admin(token(integration, Instant.now()), method, pathAndQuery, body);
    }

    /** With this Authorization token (already signed, or deliberately broken). */
    public Answer admin(String token, String method, String pathAndQuery, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/ghost/api/admin/" + pathAndQuery))
                .header("Accept-Version", "v6.0")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Ghost " + token);
        }
        return send(request);
    }

    /** A multipart upload of one file, as the Admin API client sends images. */
    public Answer upload(Integration integration, String path, String fileName, byte[] bytes, Map<String, String> fields) {
        String boundary = "----masthead" + UUID.randomUUID();
        StringBuilder head = new StringBuilder();
        fields.forEach((name, value) -> head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(fileName).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[start.length + bytes.length + end.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(bytes, 0, all, start.length, bytes.length);
        System.arraycopy(end, 0, all, start.length + bytes.length, end.length);
        return send(HttpRequest.newBuilder(URI.create(base() + "/ghost/api/admin/" + path))
                .header("Authorization", "Ghost " + token(integration, Instant.now()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(all)));
    }

    /** Ghost's token: HS256, kid = the key's id, aud /admin/, iat now, exp five minutes on. */
    public static String token(Integration integration, Instant issuedAt) {
        return token(integration.adminKeyId(), integration.adminSecret(), issuedAt, "/admin/");
    }

    public static String token(String keyId, String secretHex, Instant issuedAt, String audience) {
        try {
            JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT);
            if (keyId != null) {
                header.keyID(keyId);
            }
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
            if (issuedAt != null) {
                claims.issueTime(Date.from(issuedAt)).expirationTime(Date.from(issuedAt.plusSeconds(300)));
            }
            if (audience != null) {
                claims.audience(audience);
            }
            SignedJWT jwt = new SignedJWT(header.build(), claims.build());
            jwt.sign(new MACSigner(HexFormat.of().parseHex(secretHex)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            String body = response.body();
            if (body != null && !body.isBlank() && (body.startsWith("{") || body.startsWith("["))) {
                json = JSON.readTree(body);
            }
            return new Answer(response.statusCode(), response.headers().map(), body, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
