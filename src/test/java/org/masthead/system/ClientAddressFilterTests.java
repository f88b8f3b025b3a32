package org.masthead.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Forwarded headers count only from configured proxies, and then only for what those proxies vouch for. */
class ClientAddressFilterTests {

    private static HttpServletRequest seenBehind(ClientAddressFilter filter, String peer, String forwardedFor,
                                                 String forwardedProto) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setRemoteAddr(peer);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        if (forwardedProto != null) {
            request.addHeader("X-Forwarded-Proto", forwardedProto);
        }
        AtomicReference<HttpServletRequest> seen = new AtomicReference<>();
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> seen.set((HttpServletRequest) req));
        return seen.get();
    }

    @Test
    void withoutConfiguredProxiesForwardedHeadersAreIgnored() throws Exception {
        ClientAddressFilter filter = new ClientAddressFilter(List.of());
        HttpServletRequest seen = seenBehind(filter, "10.0.0.5", "203.0.113.9", "https");
        assertThat(seen.getRemoteAddr()).isEqualTo("10.0.0.5");
        assertThat(seen.isSecure()).isFalse();
    }

    @Test
    void aTrustedProxyNamesTheClientAndTheScheme() throws Exception {
        ClientAddressFilter filter = new ClientAddressFilter(List.of("10.0.0.0/8", "192.168.1.7"));
        HttpServletRequest seen = seenBehind(filter, "10.0.0.5", "203.0.113.9", "https");
        assertThat(seen.getRemoteAddr()).isEqualTo("203.0.113.9");
        assertThat(seen.isSecure()).isTrue();
        assertThat(seen.getScheme()).isEqualTo("https");
        assertThat(seenBehind(filter, "192.168.1.7", "198.51.100.1", null).getRemoteAddr()).isEqualTo("198.51.100.1");
    }

    @Test
    void theSchemeIsTheTrustedProxysWordWithoutTheFilterToo() {
        ClientAddressFilter filter = new ClientAddressFilter(List.of("10.0.0.0/8"));
        MockHttpServletRequest behindProxy = new MockHttpServletRequest("GET", "/");
        behindProxy.setRemoteAddr("10.0.0.5");
        behindProxy.addHeader("X-Forwarded-Proto", "https");
        assertThat(filter.isSecure(behindProxy)).isTrue();
        MockHttpServletRequest forged = new MockHttpServletRequest("GET", "/");
        forged.setRemoteAddr("203.0.113.9");
        forged.addHeader("X-Forwarded-Proto", "https");
        assertThat(filter.isSecure(forged)).isFalse();
    }

    @Test
    void aClientCannotChooseItsAddressThroughAHeaderThatTheProxyAppendsTo() throws Exception {
        ClientAddressFilter filter = new ClientAddressFilter(List.of("10.0.0.0/8"));
        // the client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the address it really saw
        assertThat(seenBehind(filter, "10.0.0.5", "1.2.3.4, 203.0.113.9", null).getRemoteAddr()).isEqualTo("203.0.113.9");
        // two trusted proxies in a row: the first untrusted hop from the right is the client
        assertThat(seenBehind(filter, "10.0.0.5", "1.2.3.4, 203.0.113.9, 10.1.1.1", null).getRemoteAddr()).isEqualTo("203.0.113.9");
        // a peer outside the trusted ranges speaks only for itself
        assertThat(seenBehind(filter, "172.16.0.1", "1.2.3.4", null).getRemoteAddr()).isEqualTo("172.16.0.1");
        // garbage in the header is no address
        assertThat(seenBehind(filter, "10.0.0.5", "evil.example", null).getRemoteAddr()).isEqualTo("10.0.0.5");
    }

    @Test
    void securityHeadersAddHstsOnlyOverTls() throws Exception {
        SecurityHeadersFilter headers = new SecurityHeadersFilter(WebConfiguration.DEFAULT_CONTENT_SECURITY_POLICY);
        MockHttpServletRequest plain = new MockHttpServletRequest("GET", "/");
        MockHttpServletResponse plainResponse = new MockHttpServletResponse();
        headers.doFilter(plain, plainResponse, (req, res) -> { });
        assertThat(plainResponse.getHeader("Strict-Transport-Security")).isNull();
        assertThat(plainResponse.getHeader("Content-Security-Policy")).contains("script-src 'self'");

        MockHttpServletRequest secure = new MockHttpServletRequest("GET", "/");
        secure.setSecure(true);
        MockHttpServletResponse secureResponse = new MockHttpServletResponse();
        headers.doFilter(secure, secureResponse, (req, res) -> { });
        assertThat(secureResponse.getHeader("Strict-Transport-Security")).startsWith("max-age=31536000");
    }
}
