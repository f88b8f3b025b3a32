package org.masthead.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.support.DemoSiteTest;
import org.masthead.support.NewsroomClient;
import org.masthead.support.RawHttp;
import org.masthead.support.ReaderClient;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What anyone on the internet can reach, probed the way an attacker would, on the demo site. */
@DemoSiteTest
class PublicSurfaceTests {

    static final String SEED_URL = "/articles/russia-stalls-once-again-as-ukraine-pushes-for-new-february-peace-talks";
    static final List<String> PUBLIC_PAGES = List.of("/", SEED_URL, "/sections/politics", "/authors/tim-zadorozhnyy",
            "/news-feed", "/news-feed/items", "/search?q=peace", "/feed.xml", "/sections/politics/feed.atom", "/sitemap.xml",
            "/sitemaps/news.xml", "/robots.txt");

    @LocalServerPort int port;
    ReaderClient reader;

    @BeforeEach
    void client() {
        reader = new ReaderClient(port);
    }

    @Test
    void onlyHealthIsPublicAmongTheActuatorEndpoints() {
        assertThat(reader.get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(reader.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        for (String path : List.of("/actuator/metrics", "/actuator/metrics/http.server.requests", "/actuator/info",
                "/actuator", "/actuator/env", "/actuator/beans")) {
            HttpResponse<String> response = reader.get(path);
            assertThat(response.statusCode()).as(path).isNotEqualTo(200);
            assertThat(response.body()).as(path).doesNotContain("jvm.memory", "http.server.requests", "hikaricp");
        }
        NewsroomClient editor = NewsroomClient.signedIn(port, "editor@masthead.test", "editor-demo1");
        assertThat(editor.get("/actuator/metrics").statusCode()).isEqualTo(403);
        NewsroomClient admin = NewsroomClient.signedIn(port, "admin@masthead.test", "admin-demo12");
        HttpResponse<String> metrics = admin.get("/actuator/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm.memory.used");
    }

    @Test
    void redirectsNeverPointAtTheHostTheClientClaims() {
        for (String path : List.of("/admin", "/admin/articles/new", "/admin/login?foo", "/articles/old-slug-that-redirects")) {
            for (String[] forged : List.of(new String[]{"Host", "evil.example"},
                    new String[]{"X-Forwarded-Host", "evil.example"},
                    new String[]{"Forwarded", "host=evil.example;proto=https"})) {
                RawHttp.Response response = RawHttp.get(port, path, forged);
                String location = response.header("Location");
                assertThat(location == null ? "" : location).as(path + " with " + forged[0]).doesNotContain("evil.example");
            }
        }
        RawHttp.Response login = RawHttp.get(port, "/admin", "Host", "evil.example");
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.header("Location")).isIn("/admin/login", "http://localhost:8080/admin/login");
    }

    @Test
    void everyPageCarriesTheSecurityHeadersAndNoInlineScript() {
        for (String path : List.of("/", SEED_URL, "/news-feed", "/search?q=talks", "/admin/login", "/no-such-page")) {
            for (int visit = 0; visit < 2; visit++) { // rendered, then from the page cache
                HttpResponse<String> response = reader.get(path, "Accept-Encoding", "identity");
                String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
                assertThat(csp).as(path).contains("default-src 'self'", "script-src 'self'", "object-src 'none'",
                        "base-uri 'self'", "frame-ancestors").doesNotContain("unsafe-inline", "unsafe-eval");
                assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("strict-origin-when-cross-origin");
                assertThat(response.headers().firstValue("Cross-Origin-Opener-Policy")).as(path).hasValue("same-origin");
                assertThat(response.headers().firstValue("Permissions-Policy").orElse("")).as(path).contains("camera=()", "geolocation=()");
                assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
                assertThat(response.headers().firstValue("Strict-Transport-Security")).as(path + " over plain HTTP").isEmpty();
                Document page = Jsoup.parse(response.body());
                for (Element script : page.select("script")) {
                    assertThat(script.hasAttr("src") || script.attr("type").equals("application/ld+json"))
                            .as(path + ": " + script.outerHtml()).isTrue();
                }
                assertThat(page.select("*").stream().flatMap(element -> element.attributes().asList().stream())
                        .filter(attribute -> attribute.getKey().startsWith("on")).toList()).as(path).isEmpty();
            }
        }
    }

    @Test
    void aMalformedValidatorIsIgnoredAndAPageIsServed() {
        for (String path : PUBLIC_PAGES) {
            for (String garbage : List.of("garbage", "Thu, 99 Foo 2026 99:99:99 GMT", "", "0", "Tue, 01 Dec 9999999 00:00:00 GMT")) {
                HttpResponse<String> response = reader.get(path, "If-Modified-Since", garbage);
                assertThat(response.statusCode()).as(path + " If-Modified-Since: " + garbage).isEqualTo(200);
            }
            assertThat(reader.get(path, "If-None-Match", "\"\\\"garbage").statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void anAbsurdPageCursorGetsTheBadLinkPageNotAServerError() {
        for (String list : List.of("/news-feed", "/news-feed/items", "/sections/politics", "/authors/tim-zadorozhnyy",
                "/search?q=peace&")) {
            String separator = list.contains("?") ? "" : "?";
            for (String cursor : List.of("9223372036854776.1", "9223372036854775807.9223372036854775807",
                    "253402300799999999.1", "0.0", "-1.5", "1.-5", "1e5.1", "%00", "..", "1771581600000000.99999999999999999999")) {
                HttpResponse<String> response = reader.get(list + separator + "before=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
                assertThat(response.statusCode()).as(list + " before=" + cursor).isIn(200, 400);
                assertThat(response.body()).as(list + " before=" + cursor).doesNotContain("Something went wrong");
            }
        }
    }

    @Test
    void didYouMeanFindsNamesThatAppearOnlyInTheBodyAndCaption() {
        Document page = reader.page("/search?q=Peskof");
        assertThat(page.selectFirst("a.suggestion")).isNotNull();
        assertThat(page.selectFirst("a.suggestion").text()).isEqualToIgnoringCase("Peskov");
    }
}
