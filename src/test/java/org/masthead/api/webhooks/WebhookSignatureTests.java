package org.masthead.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Ghost's signature format, checked against a value computed with openssl: the body, then the timestamp. */
class WebhookSignatureTests {

    @Test
    void theSignatureIsHmacSha256OfTheBodyFollowedByTheTimestamp() {
        // printf '%s' '{"post":{}}1700000000000' | openssl dgst -sha256 -hmac 'secret'
        String header = WebhookSignature.header("secret", "{\"post\":{}}".getBytes(StandardCharsets.UTF_8), 1_700_000_000_000L);
        assertThat(header).isEqualTo("sha256=" + EXPECTED + ", t=1700000000000");
    }

    static final String EXPECTED = "592b016207072a89d3af8b508f707685fa2d82f68347369595d2fa97d14e1840";
}
