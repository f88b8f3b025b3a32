package org.masthead.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.github.benmanes.caffeine.cache.Cache;
import org.junit.jupiter.api.Test;
import org.masthead.support.DemoSiteTest;
import org.masthead.support.ReaderClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.util.ReflectionTestUtils;

/** The page cache keys pages by the parameters they read: junk query strings neither fill memory nor miss. */
@DemoSiteTest
class PageCacheKeyTests {

    @Autowired PageCache cache;
    @LocalServerPort int port;

    private long entries() {
        Cache<?, ?> entries = (Cache<?, ?>) ReflectionTestUtils.getField(cache, "entries");
        entries.cleanUp();
        return entries.estimatedSize();
    }

    @Test
    void junkQueryStringsDoNotAddCacheEntries() {
        ReaderClient reader = new ReaderClient(port);
        String etag = reader.get("/news-feed").headers().firstValue("ETag").orElseThrow();
        long before = entries();
        for (int i = 0; i < 300; i++) {
            HttpResponse<String> response = reader.get("/news-feed?junk" + i + "=" + "x".repeat(i % 50) + "&utm_source=n" + i);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(reader.get("/?fbclid=" + i + "&z" + i).statusCode()).isEqualTo(200);
        }
        assertThat(entries() - before).isLessThanOrEqualTo(2);
        // tracking parameters are not part of what a page reads: the stored page answers them
        assertThat(reader.get("/news-feed?utm_source=newsletter&utm_medium=email").headers().firstValue("ETag")).hasValue(etag);
    }

    @Test
    void theParametersAPageReadsAreNormalisedIntoOneKey() {
        ReaderClient reader = new ReaderClient(port);
        String next = reader.page("/news-feed").selectFirst("a.show-more").attr("href");
        String cursor = next.substring(next.indexOf("before=") + 7);
        reader.get("/news-feed?before=" + cursor);
        long before = entries();
        assertThat(reader.get("/news-feed?utm_campaign=x&before=" + cursor).statusCode()).isEqualTo(200);
        assertThat(reader.get("/news-feed?before=" + cursor + "&utm_campaign=y").statusCode()).isEqualTo(200);
        assertThat(entries()).isLessThanOrEqualTo(before);
    }
}
