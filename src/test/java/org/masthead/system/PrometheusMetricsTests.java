package org.masthead.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.masthead.content.Authors;
import org.masthead.content.Sections;
import org.masthead.identity.StaffAccounts;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.NewsroomClient;
import org.masthead.support.ReaderClient;
import org.masthead.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** /actuator/prometheus: what an operator scrapes, for Administrators (and on the management port behind a firewall). */
@EmptySiteTest
class PrometheusMetricsTests {

    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired StaffAccounts accounts;
    @LocalServerPort int port;

    @Test
    void theScrapeHasRequestLatenciesPerRouteThePoolTheCachesTheBacklogsAndTheStreams() {
        new ReaderClient(port).get("/"); // a page, so the request metrics have a route
        new ReaderClient(port).get("/"); // and again, from the page cache before the filter chain
        Staff staff = Staff.create(sections, authors, accounts);
        NewsroomClient admin = NewsroomClient.signedIn(port, staff.administrator().email(), Staff.PASSWORD);
        HttpResponse<String> scrape = admin.get("/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .contains("http_server_requests_seconds_count{")
                .contains("uri=\"/\"")
                .contains("hikaricp_connections_active")
                .contains("cache_gets_total{cache=\"pages\"")
                .containsPattern("masthead_page_cache_early_total\\{path=\"/\"\\} [1-9]")
                .contains("masthead_events_pending")
                .contains("masthead_webhooks_owed")
                .contains("masthead_sse_streams{stream=\"news-feed\"}")
                .contains("masthead_sse_streams{stream=\"live-blog\"}");

        assertThat(new ReaderClient(port).get("/actuator/prometheus").statusCode()).as("not for the public").isIn(302, 401, 403);
    }
}
