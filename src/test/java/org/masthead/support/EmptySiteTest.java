package org.masthead.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port over a fresh, empty embedded PostgreSQL: for tests that write their
 * own articles and must not disturb the demo site others read.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "masthead.data-dir=target/test-data/empty-site",
        "masthead.embedded-database.ephemeral=true",
        "masthead.demo-content=false",
        // webhooks go to servers the tests start on 127.0.0.1, and are retried within the test's patience
        "masthead.webhooks.allow-private-targets=true",
        // imports fetch pictures from old sites the tests serve on 127.0.0.1
        "masthead.import.allow-private-addresses=true",
        "masthead.webhooks.first-retry=300ms",
        "masthead.webhooks.poll-interval=200ms",
        // a short throttle window, so the tests that trip it can wait it out
        "masthead.login.window=3s",
        "masthead.login.failures-per-account=5",
        "masthead.login.failures-per-address=12",
        "masthead.news-feed.max-streams=20",
        "masthead.news-feed.max-streams-per-client=4",
        "masthead.news-feed.heartbeat=500ms"})
public @interface EmptySiteTest {
}
