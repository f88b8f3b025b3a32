package org.masthead.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Cross-node signals through PostgreSQL LISTEN/NOTIFY, no broker needed. {@link #send} and {@link #evict} notify
 * inside the caller's transaction (PostgreSQL delivers only on commit, so no node evicts before the change is
 * visible); a dedicated connection listens, is re-opened after a database restart, and turns every notification
 * into a {@link ChangeSignal} application event on this node — and eviction signals into {@link ContentChanged}
 * with their surrogate keys.
 */
@Component
public class ChangeSignals implements SmartLifecycle {

    static final String CHANNEL = "masthead_changes";
    static final String EVICT_PREFIX = "evict:";
    /** NOTIFY payloads must stay under 8000 bytes; a longer key list becomes "evict everything". */
    private static final int MAX_PAYLOAD = 7_500;
    private static final Logger log = LoggerFactory.getLogger(ChangeSignals.class);

    /** Names this node in its own eviction signals, which PostgreSQL also delivers back to it. */
    private final String node = java.util.UUID.randomUUID().toString().substring(0, 8);
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final ApplicationEventPublisher events;
    private volatile boolean running;
    private volatile Thread listener;
    private volatile Connection connection;

    ChangeSignals(JdbcClient jdbc, DataSource dataSource, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.events = events;
    }

    /** Announces a change to every node, this one included, when the current transaction commits. */
    public void send(String payload) {
        jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, payload).query((rs, row) -> 1).list();
    }

    /**
     * Every node drops the cached responses and lists tagged with these keys, once the transaction commits: this
     * node at once after the commit (so whoever made the change sees it on the next request), the others when the
     * notification arrives.
     */
    public void evict(java.util.Collection<SurrogateKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        String payload = EVICT_PREFIX + node + ":" + SurrogateKey.header(keys);
        send(payload.length() > MAX_PAYLOAD ? EVICT_PREFIX + node + ":*" : payload);
        ContentChanged here = ContentChanged.of(keys);
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            events.publishEvent(here);
                        }
                    });
        } else {
            events.publishEvent(here);
        }
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "masthead-change-signals");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        closeQuietly();
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100; // after the web server starts, before it stops
    }

    private void listen() {
        Duration backoff = Duration.ofMillis(250);
        boolean reconnecting = false;
        while (running) {
            try {
                connection = open();
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (reconnecting) {
                    log.info("Listening for change signals again");
                    deliver(ChangeSignal.RECONNECTED);
                }
                backoff = Duration.ofMillis(250);
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(10_000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            deliver(notification.getParameter());
                        }
                    } else {
                        try (Statement probe = connection.createStatement()) {
                            probe.execute("select 1"); // a half-open connection fails here, within the socket timeout
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                reconnecting = true;
                log.warn("Change signal listener lost its connection ({}); retrying in {} ms", e.getMessage(), backoff.toMillis());
                closeQuietly();
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : backoff.multipliedBy(2);
            }
        }
    }

    private void deliver(String payload) {
        try {
            if (payload.startsWith(EVICT_PREFIX)) {
                String[] senderAndKeys = payload.substring(EVICT_PREFIX.length()).split(":", 2);
                // this node evicted at its own commit already; the others learn it here
                if (senderAndKeys.length == 2 && !senderAndKeys[0].equals(node)) {
                    events.publishEvent(senderAndKeys[1].equals("*") ? ContentChanged.all()
                            : new ContentChanged(SurrogateKey.parse(senderAndKeys[1]), false));
                }
            } else if (payload.equals(ChangeSignal.RECONNECTED)) {
                events.publishEvent(ContentChanged.all()); // changes may have been missed meanwhile
            }
            events.publishEvent(new ChangeSignal(payload));
        } catch (RuntimeException e) {
            log.warn("A change signal receiver failed on {}", payload, e);
        }
    }

    /** Its own connection, outside the pool: it is held for as long as the node runs. */
    private Connection open() throws SQLException {
        if (dataSource instanceof HikariDataSource hikari) {
            java.util.Properties properties = new java.util.Properties();
            if (hikari.getUsername() != null) {
                properties.setProperty("user", hikari.getUsername());
            }
            if (hikari.getPassword() != null) {
                properties.setProperty("password", hikari.getPassword());
            }
            properties.setProperty("tcpKeepAlive", "true");
            properties.setProperty("socketTimeout", "30");
            return java.sql.DriverManager.getConnection(hikari.getJdbcUrl(), properties);
        }
        return dataSource.getConnection();
    }

    private void closeQuietly() {
        Connection current = connection;
        if (current != null) {
            try {
                current.close();
            } catch (SQLException ignored) {
                // closing a broken connection
            }
        }
    }
}
