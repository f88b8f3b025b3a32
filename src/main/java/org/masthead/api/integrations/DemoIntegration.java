package org.masthead.api.integrations;

import org.masthead.content.Actor;
import org.masthead.system.MastheadProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo site's integration, so the README's curl examples and Ghost's clients work on a fresh demo install
 * with keys anyone can read (like the demo staff passwords, it exists only with demo content — never on a real
 * installation).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class DemoIntegration implements ApplicationRunner {

    static final String CONTENT_KEY = "c0ffee0123456789abcdef0123";
    static final String ADMIN_KEY_ID = "5f0c1b2a1234567890abcdef";
    static final String ADMIN_SECRET = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final Logger log = LoggerFactory.getLogger(DemoIntegration.class);

    private final MastheadProperties properties;
    private final Integrations integrations;
    private final JdbcClient jdbc;

    DemoIntegration(MastheadProperties properties, Integrations integrations, JdbcClient jdbc) {
        this.properties = properties;
        this.integrations = integrations;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean demoNewsroom = properties.demoContent() && jdbc.sql(
                "select exists (select 1 from staff_user where email = 'admin@masthead.test')").query(Boolean.class).single();
        if (!demoNewsroom || !integrations.all().isEmpty()) {
            return;
        }
        integrations.createWithKeys("Demo app", "Try the Ghost-compatible APIs with these keys (demo site only).",
                Actor.Role.EDITOR, CONTENT_KEY, ADMIN_KEY_ID, ADMIN_SECRET);
        log.info("Demo integration ready: Content API key {}, Admin API key {}:{}", CONTENT_KEY, ADMIN_KEY_ID, ADMIN_SECRET);
    }
}
