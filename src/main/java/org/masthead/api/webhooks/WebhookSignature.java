package org.masthead.api.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Ghost's webhook signature: {@code X-Ghost-Signature: sha256=<hex>, t=<ms>}, the hex being HMAC-SHA256 keyed with
 * the webhook's secret (its UTF-8 bytes) over the exact request body followed by the timestamp's digits.
 */
public final class WebhookSignature {

    private WebhookSignature() {
    }

    public static String header(String secret, byte[] body, long timestampMillis) {
        return "sha256=" + hex(secret, body, timestampMillis) + ", t=" + timestampMillis;
    }

    static String hex(String secret, byte[] body, long timestampMillis) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(body);
            mac.update(Long.toString(timestampMillis).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
