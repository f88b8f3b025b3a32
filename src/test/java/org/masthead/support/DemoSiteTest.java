package org.masthead.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port with the demo newsroom loaded into a fresh embedded PostgreSQL.
 * Tests sharing it only read, so they can run in any order against the same context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "masthead.data-dir=target/test-data/demo-site",
        "masthead.embedded-database.ephemeral=true",
        "masthead.demo-content=true",
        "masthead.webhooks.allow-private-targets=true",
        // fail fast instead of after Hikari's 30 s default if a request ever waits for a connection it cannot get
        "spring.datasource.hikari.connection-timeout=5000"})
public @interface DemoSiteTest {
}
