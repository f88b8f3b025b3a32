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
import org.masthead.content.ArticleContent;
import org.masthead.content.ArticleKind;
import org.masthead.content.Authors;
import org.masthead.content.EditableArticle;
import org.masthead.content.Publishing;
import org.masthead.content.Sections;
import org.masthead.identity.StaffAccounts;
import org.masthead.support.Staff;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.RawHttp;
import org.masthead.support.SseClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@EmptySiteTest
class LiveNewsFeedTests {

    @Autowired Publishing publishing;
    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired StaffAccounts accounts;
    @Autowired LiveNewsFeed feed;
    @LocalServerPort int port;

    private EditableArticle publish(Staff staff, String headline) {
        return publishing.create(Staff.actor(staff.editor()), new Publishing.Create(ArticleKind.ARTICLE,
                ArticleContent.markdown(headline, null, null, staff.section().id(), List.of(staff.byline().id()), List.of(),
                        "Live text.", null, "en"), "", Publishing.Then.PUBLISH));
    }

    @Test
    void aPublishedArticleReachesOpenStreamsAndAWithdrawnOneIsAnnounced() throws Exception {
        var staff = Staff.create(sections, authors, accounts);
        try (SseClient stream = new SseClient(port, null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.next("ready", Duration.ofSeconds(5))).isNotNull();
            EditableArticle article = publish(staff, "Live story " + staff.section().slug());

            SseClient.Event published = stream.next("published", Duration.ofSeconds(2));
            assertThat(published).isNotNull();
            assertThat(published.data()).contains("\"articleId\":" + article.id(), "Live story " + staff.section().slug(),
                    "data-article-id=\\\"" + article.id() + "\\\"");

            publishing.move(Staff.actor(staff.editor()), new Publishing.Move(article.id(), article.version(), Publishing.Then.UNPUBLISH));
            SseClient.Event withdrawn = stream.next("unpublished", Duration.ofSeconds(2));
            assertThat(withdrawn).isNotNull();
            assertThat(withdrawn.data()).contains("\"articleId\":" + article.id());
        }
    }

    @Test
    void aReconnectWithLastEventIdDeliversWhatWasMissedExactlyOnce() throws Exception {
        var staff = Staff.create(sections, authors, accounts);
        String lastSeen;
        try (SseClient stream = new SseClient(port, null)) {
            lastSeen = stream.next("ready", Duration.ofSeconds(5)).id();
        }
        EditableArticle first = publish(staff, "While away one " + staff.section().slug());
        EditableArticle second = publish(staff, "While away two " + staff.section().slug());

        try (SseClient again = new SseClient(port, lastSeen)) {
            List<SseClient.Event> received = new ArrayList<>();
            java.util.function.Supplier<List<String>> mineOf = () -> received.stream().filter(e -> e.name().equals("published"))
                    .map(SseClient.Event::data)
                    .filter(data -> data.contains("While away") && data.contains(staff.section().slug())).toList();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            // feed events are written by a listener after the commit: replayed if there by now, else live
            while (System.nanoTime() < deadline) {
                SseClient.Event event = again.next(Duration.ofMillis(400));
                if (event != null) {
                    received.add(event);
                } else if (mineOf.get().size() >= 2) {
                    break; // both arrived and nothing more came: no duplicate is on its way
                }
            }
            List<String> mine = mineOf.get();
            assertThat(mine).hasSize(2);
            // each feed event is written by its own listener after its commit: two stories published within
            // milliseconds may be numbered either way round; what counts is that both arrive, once each
            assertThat(mine).anySatisfy(data -> assertThat(data).contains("\"articleId\":" + first.id()));
            assertThat(mine).anySatisfy(data -> assertThat(data).contains("\"articleId\":" + second.id()));
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
