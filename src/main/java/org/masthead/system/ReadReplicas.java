package org.masthead.system;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * PostgreSQL read replicas for the reading that tolerates a little lag ({@code masthead.datasource.replicas}, JDBC
 * URLs, same credentials as the primary): public pages, feeds, sitemaps and search — GET and HEAD requests outside
 * the newsroom, the APIs, media and the actuator — read from a replica (round robin); writes, the newsroom,
 * read-after-write, listeners and background work use the primary. A replica that cannot be reached is skipped for
 * the primary. Without the property (or with the embedded database) nothing changes.
 */
@Configuration(proxyBeanMethods = false)
// replicas of an external primary (spring.datasource.url): the embedded database has none
@ConditionalOnProperty({"masthead.datasource.replicas", "spring.datasource.url"})
class ReadReplicas {

    private static final Logger log = LoggerFactory.getLogger(ReadReplicas.class);
    private static final ThreadLocal<Boolean> MAY_LAG = new ThreadLocal<>();
    private static final String[] PRIMARY_ONLY = {"/admin", "/ghost/", "/media/", "/actuator", "/login", "/logout"};

    /**
     * The primary's pool, also Spring Session's own: a signed-in reader's session is saved whenever the response is
     * committed — possibly while a public page is still being written, in a request that reads from a replica.
     */
    @Bean(destroyMethod = "close")
    @org.springframework.session.jdbc.config.annotation.SpringSessionDataSource
    HikariDataSource primaryDataSource(DataSourceProperties properties,
                                       @Value("${spring.datasource.hikari.maximum-pool-size:16}") int poolSize) {
        HikariDataSource primary = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        primary.setPoolName("masthead");
        primary.setMaximumPoolSize(poolSize);
        return primary;
    }

    @Bean
    @Primary
    DataSource dataSource(DataSourceProperties properties, HikariDataSource primaryDataSource,
                          @Value("${masthead.datasource.replicas}") List<String> replicas,
                          @Value("${spring.datasource.hikari.maximum-pool-size:16}") int poolSize) {
        HikariDataSource primary = primaryDataSource;
        List<DataSource> readers = new ArrayList<>();
        for (int i = 0; i < replicas.size(); i++) {
            HikariDataSource replica = new HikariDataSource();
            replica.setJdbcUrl(replicas.get(i).strip());
            replica.setUsername(properties.determineUsername());
            replica.setPassword(properties.determinePassword());
            replica.setReadOnly(true);
            replica.setPoolName("masthead-replica-" + (i + 1));
            replica.setMaximumPoolSize(poolSize);
            replica.setInitializationFailTimeout(-1); // a replica down at start must not stop the node
            readers.add(replica);
        }
        log.info("Public reads go to {} read replica(s); everything else to the primary", readers.size());
        return new Routing(primary, readers);
    }

    /** Marks the requests that may read from a replica, for their own thread only, and unmarks them after. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> replicaEligibleRequests() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                MAY_LAG.set(mayLag(request));
                try {
                    chain.doFilter(request, response);
                } finally {
                    MAY_LAG.remove();
                }
            }
        });
        // after Spring Session and Spring Security: a session is loaded and saved on the primary
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }

    static boolean mayLag(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return false;
        }
        String path = request.getRequestURI();
        for (String prefix : PRIMARY_ONLY) {
            if (path.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    /** Primary unless the thread may lag; replicas in turn, the primary when a replica cannot be reached. */
    static final class Routing extends AbstractRoutingDataSource implements AutoCloseable {
        private final DataSource primary;
        private final List<DataSource> replicas;
        private final AtomicInteger next = new AtomicInteger();

        Routing(DataSource primary, List<DataSource> replicas) {
            this.primary = primary;
            this.replicas = List.copyOf(replicas);
            Map<Object, Object> targets = new LinkedHashMap<>();
            targets.put("primary", primary);
            for (int i = 0; i < replicas.size(); i++) {
                targets.put("replica-" + i, replicas.get(i));
            }
            setTargetDataSources(targets);
            setDefaultTargetDataSource(primary);
            afterPropertiesSet();
        }

        @Override
        protected Object determineCurrentLookupKey() {
            return Boolean.TRUE.equals(MAY_LAG.get()) ? "replica-" + Math.floorMod(next.getAndIncrement(), replicas.size())
                    : "primary";
        }

        @Override
        public Connection getConnection() throws SQLException {
            try {
                return super.getConnection();
            } catch (SQLException replicaDown) {
                if (!Boolean.TRUE.equals(MAY_LAG.get())) {
                    throw replicaDown;
                }
                log.warn("A read replica could not be reached ({}); reading from the primary", replicaDown.getMessage());
                return primary.getConnection();
            }
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        /** The replicas' pools close with the application (the primary's is a bean of its own). */
        @Override
        public void close() {
            for (DataSource source : replicas) {
                ((HikariDataSource) source).close();
            }
        }
    }
}
