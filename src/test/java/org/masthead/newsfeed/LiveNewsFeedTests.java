package org.masthead.newsfeed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.masthead.article.Article;
import org.masthead.article.ArticleContent;
import org.masthead.author.Authors;
import org.masthead.editorial.Newsroom;
import org.masthead.identity.StaffAccounts;
import org.masthead.section.Sections;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.RawHttp;
import org.masthead.support.SseClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@EmptySiteTest
class LiveNewsFeedTests {

    @Autowired Newsroom newsroom;
    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired StaffAccounts accounts;
    @Autowired LiveNewsFeed feed;
    @LocalServerPort int port;

    private Article publish(org.masthead.support.Newsroom staff, String headline) {
        Article article = newsroom.create(staff.editor(), new ArticleContent(headline, null, null, staff.section().id(),
                List.of(staff.byline().id()), List.of(), "Live text.", null, "en"));
        return newsroom.publish(staff.editor(), article.id(), article.version());
    }

    @Test
    void aPublishedArticleReachesOpenStreamsAndAWithdrawnOneIsAnnounced() throws Exception {
        var staff = org.masthead.support.Newsroom.create(sections, authors, accounts);
        try (SseClient stream = new SseClient(port, null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.next("ready", Duration.ofSeconds(5))).isNotNull();
            Article article = publish(staff, "Live story " + staff.section().slug());

            SseClient.Event published = stream.next("published", Duration.ofSeconds(2));
            assertThat(published).isNotNull();
            assertThat(published.data()).contains("\"articleId\":" + article.id(), "Live story " + staff.section().slug(),
                    "data-article-id=\\\"" + article.id() + "\\\"");

            newsroom.unpublish(staff.editor(), article.id(), article.version());
            SseClient.Event withdrawn = stream.next("unpublished", Duration.ofSeconds(2));
            assertThat(withdrawn).isNotNull();
            assertThat(withdrawn.data()).contains("\"articleId\":" + article.id());
        }
    }

    @Test
    void aReconnectWithLastEventIdDeliversWhatWasMissedExactlyOnce() throws Exception {
        var staff = org.masthead.support.Newsroom.create(sections, authors, accounts);
        String lastSeen;
        try (SseClient stream = new SseClient(port, null)) {
            lastSeen = stream.next("ready", Duration.ofSeconds(5)).id();
        }
        Article first = publish(staff, "While away one " + staff.section().slug());
        Article second = publish(staff, "While away two " + staff.section().slug());

        try (SseClient again = new SseClient(port, lastSeen)) {
            List<SseClient.Event> received = new ArrayList<>();
            SseClient.Event event;
            while ((event = again.next(Duration.ofMillis(700))) != null) {
                received.add(event);
            }
            List<String> mine = received.stream().filter(e -> e.name().equals("published"))
                    .map(SseClient.Event::data)
                    .filter(data -> data.contains("While away") && data.contains(staff.section().slug())).toList();
            assertThat(mine).hasSize(2);
            assertThat(mine.get(0)).contains("\"articleId\":" + first.id());
            assertThat(mine.get(1)).contains("\"articleId\":" + second.id());
            assertThat(received.stream().map(SseClient.Event::id).toList()).doesNotHaveDuplicates();
        }
    }

    @Test
    void beyondTheConfiguredNumberOfStreamsReadersGet503WithRetryAfter() throws Exception {
        List<java.net.Socket> open = new ArrayList<>();
        try {
            // twenty readers on twenty addresses, each within the per-client limit, fill the node
            for (int reader = 2; feed.openStreams() < 20 && reader < 60; reader++) {
                java.net.Socket stream = RawHttp.open(port, "/news-feed/stream", "127.0.0." + reader);
                assertThat(RawHttp.status(stream)).isEqualTo(200);
                open.add(stream);
                awaitOpenStreams(open.size());
            }
            HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/news-feed/stream")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("30");
            assertThat(refused.body()).contains("at capacity");
        } finally {
            for (java.net.Socket stream : open) {
                stream.close();
            }
        }
        awaitNoStreams();
    }

    @Test
    void oneClientCannotTakeMoreThanItsShareOfStreams() throws Exception {
        List<SseClient> mine = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                SseClient stream = new SseClient(port, null);
                assertThat(stream.status()).isEqualTo(200);
                mine.add(stream);
            }
            RawHttp.Response refused = RawHttp.get(port, "/news-feed/stream", "Accept", "text/event-stream");
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Retry-After")).isNotNull();
            // everyone else is still served
            java.net.Socket other = RawHttp.open(port, "/news-feed/stream", "127.0.0.77");
            try {
                assertThat(RawHttp.status(other)).isEqualTo(200);
            } finally {
                other.close();
            }
        } finally {
            mine.forEach(SseClient::close);
        }
        awaitNoStreams();
    }

    private void awaitOpenStreams(int count) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> feed.openStreams() >= count);
    }

    /** Departed readers are noticed by the next heartbeat and their streams cleaned up. */
    private void awaitNoStreams() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> feed.openStreams() == 0);
    }
}
