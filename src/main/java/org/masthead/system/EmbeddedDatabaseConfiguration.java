package org.masthead.system;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts PostgreSQL inside the application unless {@code spring.datasource.url} points at an external one, in
 * which case this configuration steps aside and Spring Boot's own DataSource is used.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(MastheadProperties properties) {
        return EmbeddedPostgresServer.start(properties.postgresDir(), properties.embeddedDatabase().port(),
                properties.embeddedDatabase().ephemeral());
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer server) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername(server.username());
        dataSource.setPassword(server.password());
        dataSource.setPoolName("masthead");
        return dataSource;
    }

    @Bean(destroyMethod = "stop")
    EmbeddedDatabaseSupervisor embeddedDatabaseSupervisor(EmbeddedPostgresServer server, MastheadProperties properties,
                                                          DatabaseAvailability availability,
                                                          org.springframework.context.ApplicationEventPublisher events,
                                                          java.time.Clock clock) {
        return new EmbeddedDatabaseSupervisor(server, properties.embeddedDatabase(), availability, events, clock);
    }

    static class NoExternalDatabase implements org.springframework.context.annotation.Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
