package org.masthead.api.integrations;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.masthead.content.Actor;
import org.masthead.system.ChangeSignal;
import org.masthead.system.ChangeSignals;
import org.masthead.text.FieldErrors;
import org.masthead.text.FieldLimits;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Integrations and their keys. Keys are random (26 hex digits for the Content API, a 24-hex id and a 64-hex
 * secret for the Admin API, Ghost's formats); every API request looks its key up, so lookups are cached — and
 * every node drops its cache the moment an Administrator regenerates or revokes a key (a signal through
 * PostgreSQL), so an old key stops working everywhere at once.
 */
@Service
public class Integrations {

    static final String SIGNAL = "integrations";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ChangeSignals signals;
    private final Cache<String, Optional<Integration>> byKey = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(10)).build();

    Integrations(JdbcClient jdbc, Clock clock, ChangeSignals signals) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.signals = signals;
    }

    public List<Integration> all() {
        return jdbc.sql("select * from integration order by lower(name), id").query((rs, n) -> row(rs)).list();
    }

    public Optional<Integration> find(long id) {
        return jdbc.sql("select * from integration where id = ?").param(id).query((rs, n) -> row(rs)).optional();
    }

    /** The integration whose Content API key this is. */
    public Optional<Integration> byContentKey(String key) {
        return byKey.get("content:" + key, ignored -> jdbc.sql("select * from integration where content_key = ?")
                .param(key).query((rs, n) -> row(rs)).optional());
    }

    /** The integration whose Admin API key has this id (a token's {@code kid}). */
    public Optional<Integration> byAdminKeyId(String keyId) {
        return byKey.get("admin:" + keyId, ignored -> jdbc.sql("select * from integration where admin_key_id = ?")
                .param(keyId).query((rs, n) -> row(rs)).optional());
    }

    /**
     * Shown in the newsroom; written at most once a minute per integration, not on every request, and never at the
     * cost of the request: a failed write is only logged.
     */
    public void markUsed(Integration integration) {
        Instant now = clock.instant();
        if (integration.lastUsedAt() == null || integration.lastUsedAt().plus(LAST_USED_PRECISION).isBefore(now)) {
            try {
                jdbc.sql("update integration set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")
                        .params(at(now), integration.id(), at(now.minus(LAST_USED_PRECISION))).update();
            } catch (org.springframework.dao.DataAccessException e) {
                org.slf4j.LoggerFactory.getLogger(Integrations.class).debug("Could not note the use of {}", integration.name(), e);
            }
            byKey.invalidate("content:" + integration.contentKey());
            byKey.invalidate("admin:" + integration.adminKeyId());
        }
    }

    @Transactional
    public Integration create(String name, String description, Actor.Role role, long createdBy) {
        Fields fields = Fields.checked(name, description, role);
        Instant now = clock.instant();
        long id = jdbc.sql("""
                insert into integration (name, description, role, content_key, admin_key_id, admin_secret, created_by,
                    created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """).params(fields.name(), fields.description(), role.name(), hex(13), hex(12), hex(32), createdBy, at(now),
                at(now)).query(Long.class).single();
        return find(id).orElseThrow();
    }

    /** With keys given (the demo site's, which its README prints); anywhere else keys are random. */
    @Transactional
    Integration createWithKeys(String name, String description, Actor.Role role, String contentKey, String adminKeyId,
                               String adminSecret) {
        Fields fields = Fields.checked(name, description, role);
        Instant now = clock.instant();
        long id = jdbc.sql("""
                insert into integration (name, description, role, content_key, admin_key_id, admin_secret, created_at,
                    updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id
                """).params(fields.name(), fields.description(), role.name(), contentKey, adminKeyId, adminSecret, at(now),
                at(now)).query(Long.class).single();
        return find(id).orElseThrow();
    }

    @Transactional
    public Integration update(long id, String name, String description, Actor.Role role) {
        Fields fields = Fields.checked(name, description, role);
        int updated = jdbc.sql("update integration set name = ?, description = ?, role = ?, updated_at = ? where id = ?")
                .params(fields.name(), fields.description(), role.name(), at(clock.instant()), id).update();
        requireFound(updated);
        keysChanged(); // its actor (and role) is cached with its keys
        return find(id).orElseThrow();
    }

    /** A new Content API key; the old one stops working on every node when this commits. */
    @Transactional
    public Integration regenerateContentKey(long id) {
        requireFound(jdbc.sql("update integration set content_key = ?, updated_at = ? where id = ?")
                .params(hex(13), at(clock.instant()), id).update());
        keysChanged();
        return find(id).orElseThrow();
    }

    /** A new Admin API key (id and secret): tokens signed with the old one are refused from the commit on. */
    @Transactional
    public Integration regenerateAdminKey(long id) {
        requireFound(jdbc.sql("update integration set admin_key_id = ?, admin_secret = ?, updated_at = ? where id = ?")
                .params(hex(12), hex(32), at(clock.instant()), id).update());
        keysChanged();
        return find(id).orElseThrow();
    }

    /** Revokes both keys and removes the integration with its webhooks (their delivery log goes with them). */
    @Transactional
    public void delete(long id) {
        requireFound(jdbc.sql("delete from integration where id = ?").param(id).update());
        keysChanged();
    }

    /**
     * Every node drops its cached keys once the change commits: this one right after the commit (so the very next
     * request is checked against the new keys), the others when PostgreSQL delivers the signal.
     */
    private void keysChanged() {
        signals.send(SIGNAL);
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            byKey.invalidateAll();
                        }
                    });
        } else {
            byKey.invalidateAll();
        }
    }

    @EventListener
    void keysChanged(ChangeSignal signal) {
        if (SIGNAL.equals(signal.payload()) || ChangeSignal.RECONNECTED.equals(signal.payload())) {
            byKey.invalidateAll();
        }
    }

    private static void requireFound(int updated) {
        if (updated != 1) {
            throw new org.masthead.system.NotFoundException("That integration no longer exists.");
        }
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static Integration row(ResultSet rs) throws SQLException {
        return new Integration(rs.getLong("id"), rs.getString("public_id"), rs.getString("name"),
                rs.getString("description"), Actor.Role.valueOf(rs.getString("role")), rs.getString("content_key"),
                rs.getString("admin_key_id"), rs.getString("admin_secret"), instant(rs, "created_at"),
                instant(rs, "updated_at"), instant(rs, "last_used_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private record Fields(String name, String description) {

        static Fields checked(String name, String description, Actor.Role role) {
            FieldErrors errors = new FieldErrors();
            String cleanName = errors.requiredLine("name", "The name", name, FieldLimits.NAME, "Name the integration.");
            String cleanDescription = errors.text("description", "The description", description, FieldLimits.DESCRIPTION);
            if (role == null || role == Actor.Role.ADMINISTRATOR) {
                errors.add("role", "Choose what the integration may do: write drafts, publish its own stories, or publish any.");
            }
            errors.throwIfAny();
            return new Fields(cleanName, cleanDescription);
        }
    }
}
