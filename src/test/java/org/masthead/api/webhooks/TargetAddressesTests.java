package org.masthead.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Webhook targets: only http(s) on the public internet, unless private targets are explicitly allowed. */
class TargetAddressesTests {

    @Test
    void loopbackPrivateLinkLocalAndUniqueLocalTargetsAreRefused() {
        for (String url : List.of("http://127.0.0.1:8080/hook", "http://localhost/hook", "http://10.1.2.3/hook",
                "http://172.16.0.9/hook", "http://192.168.1.1/hook", "http://169.254.169.254/latest/meta-data",
                "http://[::1]/hook", "http://[fd00::1]/hook", "http://[fe80::1]/hook", "http://0.0.0.0/hook",
                "http://100.64.0.1/hook", "http://[::ffff:127.0.0.1]/hook", "http://224.0.0.1/hook")) {
            assertThatThrownBy(() -> TargetAddresses.check(url, false)).as(url)
                    .isInstanceOf(TargetAddresses.RefusedTarget.class)
                    .hasMessageContaining("public internet");
        }
    }

    @Test
    void publicAddressesAreAccepted() throws Exception {
        assertThat(TargetAddresses.check("https://93.184.215.14/hook", false).getHost()).isEqualTo("93.184.215.14");
        assertThat(TargetAddresses.check("http://[2606:4700::6810:84e5]/hook", false).getPort()).isEqualTo(-1);
    }

    @Test
    void onlyHttpAndHttpsWithAHostAreTargets() {
        for (String url : List.of("ftp://example.org/hook", "file:///etc/passwd", "gopher://example.org", "https:///path",
                "not a url", "")) {
            assertThatThrownBy(() -> TargetAddresses.check(url, true)).as(url).isInstanceOf(TargetAddresses.RefusedTarget.class);
        }
    }

    @Test
    void privateTargetsAreAllowedWhenConfiguredSo() throws Exception {
        assertThat(TargetAddresses.check("http://127.0.0.1:9000/hook", true).getPort()).isEqualTo(9000);
    }
}
