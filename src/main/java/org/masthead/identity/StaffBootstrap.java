package org.masthead.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Headless installs: when no staff account exists and MASTHEAD_ADMIN_EMAIL and MASTHEAD_ADMIN_PASSWORD are set
 * (or masthead.admin.email / .password), that Administrator is created at startup. An existing account is
 * never overwritten.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StaffBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StaffBootstrap.class);
    private final StaffAccounts accounts;
    private final Environment environment;

    StaffBootstrap(StaffAccounts accounts, Environment environment) {
        this.accounts = accounts;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        int normalized = accounts.normalizeStoredEmails();
        if (normalized > 0) {
            log.info("Rewrote {} staff email address(es) into their normalised form", normalized);
        }
        String email = environment.getProperty("masthead.admin.email");
        String password = environment.getProperty("masthead.admin.password");
        if (email == null || email.isBlank() || password == null) {
            return;
        }
        accounts.createFirstAdministrator(email, environment.getProperty("masthead.admin.name", "Administrator"), password)
                .ifPresentOrElse(
                        admin -> log.info("Created the first Administrator, {}", admin.email()),
                        () -> log.info("Staff accounts exist; MASTHEAD_ADMIN_EMAIL is ignored"));
    }
}
