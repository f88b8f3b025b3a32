package org.masthead.api.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.masthead.text.FieldErrors;
import org.masthead.text.FieldLimits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhooks, each belonging to an integration, and their delivery log. Registering checks the event against
 * Ghost's list and the target against {@link TargetAddresses}; a webhook a target switched off with 410 Gone can be
 * switched back on here.
 */
@Service
public class Webhooks {

    /** A webhook as stored; {@code secret} signs its deliveries when set. */
    public record Webhook(long id, String publicId, long integrationId, String event, String targetUrl, String name,
                          String secret, String apiVersion, boolean active, String disabledReason, Instant createdAt,
                          Instant updatedAt, Instant lastTriggeredAt, String lastTriggeredStatus,
                          String lastTriggeredError) {
    }

    /** One call owed to, or made to, a webhook's target. */
    public record Delivery(long id, long webhookId, String event, String resourceKey, String payload, Instant createdAt,
                           String status, int attempts, Instant nextAttemptAt, Instant lastAttemptAt,
                           Integer responseStatus, String responseExcerpt, Integer latencyMs, String error,
                           Long resentFrom) {
    }

    /** What a webhook is: the same fields whether it comes from the newsroom or the Admin API. */
    public record Fields(String event, String targetUrl, String name, String secret, String apiVersion) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean allowPrivateTargets;

    Webhooks(JdbcClient jdbc, Clock clock, WebhookSender.Settings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.allowPrivateTargets = settings.allowPrivateTargets();
    }

    public List<Webhook> of(long integrationId) {
        return jdbc.sql("select * from webhook where integration_id = ? order by created_at, id").param(integrationId)
                .query((rs, n) -> webhook(rs)).list();
    }

    public Optional<Webhook> find(long id) {
        return jdbc.sql("select * from webhook where id = ?").param(id).query((rs, n) -> webhook(rs)).optional();
    }

    public Optional<Webhook> findByPublicId(String publicId) {
        return jdbc.sql("select * from webhook where public_id = ?").param(publicId).query((rs, n) -> webhook(rs)).optional();
    }

    /** Whether any webhook may fire: only then are payloads built and resources' last states kept. */
    boolean anyActive() {
        return jdbc.sql("select exists (select 1 from webhook where active)").query(Boolean.class).single();
    }

    /** The active webhooks listening to any of these events. */
    List<Webhook> listeningTo(List<String> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from webhook where active and event = any(?) order by id")
                .param(events.toArray(String[]::new)).query((rs, n) -> webhook(rs)).list();
    }

    @Transactional
    public Webhook create(long integrationId, Fields fields) {
        Fields checked = checked(fields);
        Instant now = clock.instant();
        long id = jdbc.sql("""
                insert into webhook (integration_id, event, target_url, name, secret, api_version, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id
                """).params(integrationId, checked.event(), checked.targetUrl(), checked.name(), checked.secret(),
                checked.apiVersion(), at(now), at(now)).query(Long.class).single();
        return find(id).orElseThrow();
    }

    @Transactional
    public Webhook update(long id, Fields fields) {
        Fields checked = checked(fields);
        Webhook current = find(id).orElseThrow(() -> new org.masthead.system.NotFoundException("That webhook no longer exists."));
        if (checked.equals(new Fields(current.event(), current.targetUrl(), current.name(), current.secret(),
                current.apiVersion()))) {
            return current; // nothing changed: not even updated_at moves
        }
        requireFound(jdbc.sql("""
                update webhook set event = ?, target_url = ?, name = ?, secret = ?, api_version = ?, updated_at = ?
                where id = ?
                """).params(checked.event(), checked.targetUrl(), checked.name(), checked.secret(), checked.apiVersion(),
                at(clock.instant()), id).update());
        return find(id).orElseThrow();
    }

    @Transactional
    public void delete(long id) {
        requireFound(jdbc.sql("delete from webhook where id = ?").param(id).update());
    }

    /** Switches a webhook back on (after a 410) or off by hand; switched off, it is owed nothing more. */
    @Transactional
    public void setActive(long id, boolean active) {
        requireFound(jdbc.sql("update webhook set active = ?, disabled_reason = case when ? then '' else ? end, updated_at = ? where id = ?")
                .params(active, active, "Switched off in the newsroom.", at(clock.instant()), id).update());
        if (!active) {
            jdbc.sql("""
                    update webhook_delivery set status = 'failed', next_attempt_at = null,
                        error = 'Not sent: the webhook was switched off.'
                    where webhook_id = ? and status = 'pending'
                    """).param(id).update();
        }
    }

    /** The newest deliveries first, a page at a time. */
    public List<Delivery> deliveries(long webhookId, Long beforeId, int limit) {
        return jdbc.sql("""
                select * from webhook_delivery where webhook_id = :webhook and (cast(:before as bigint) is null or id < :before)
                order by id desc limit :limit
                """).param("webhook", webhookId).param("before", beforeId).param("limit", limit)
                .query((rs, n) -> delivery(rs)).list();
    }

    public Optional<Delivery> delivery(long id) {
        return jdbc.sql("select * from webhook_delivery where id = ?").param(id).query((rs, n) -> delivery(rs)).optional();
    }

    /** The same payload again, as a new delivery (signed anew when it is sent), after the resource's earlier ones. */
    @Transactional
    public Delivery resend(long deliveryId) {
        Delivery original = delivery(deliveryId)
                .orElseThrow(() -> new org.masthead.system.NotFoundException("No delivery " + deliveryId));
        Instant now = clock.instant();
        long id = jdbc.sql("""
                insert into webhook_delivery (webhook_id, event, resource_key, payload, created_at, status, next_attempt_at,
                    resent_from)
                values (?, ?, ?, ?, ?, 'pending', ?, ?) returning id
                """).params(original.webhookId(), original.event(), original.resourceKey(), original.payload(), at(now),
                at(now), original.id()).query(Long.class).single();
        return delivery(id).orElseThrow();
    }

    boolean allowsPrivateTargets() {
        return allowPrivateTargets;
    }

    private Fields checked(Fields fields) {
        FieldErrors errors = new FieldErrors();
        String event = fields.event() == null ? "" : fields.event().strip();
        if (!WebhookEvents.SUPPORTED.contains(event)) {
            errors.add("event", "Choose an event Masthead sends: " + String.join(", ",
                    WebhookEvents.SUPPORTED.stream().sorted().toList()) + ".");
        }
        String target = fields.targetUrl() == null ? "" : fields.targetUrl().strip();
        try {
            TargetAddresses.check(target, allowPrivateTargets);
        } catch (TargetAddresses.RefusedTarget refused) {
            errors.add("target_url", refused.getMessage());
        }
        String name = errors.line("name", "The name", fields.name(), FieldLimits.NAME);
        String secret = errors.line("secret", "The secret", fields.secret(), FieldLimits.NAME);
        String version = fields.apiVersion() == null || fields.apiVersion().isBlank() ? "v6" : fields.apiVersion().strip();
        if (!version.matches("v\\d+(\\.\\d+)?")) {
            errors.add("api_version", "The API version looks like v6.");
        }
        errors.throwIfAny();
        return new Fields(event, target, name, secret, version);
    }

    private static void requireFound(int updated) {
        if (updated != 1) {
            throw new org.masthead.system.NotFoundException("That webhook no longer exists.");
        }
    }

    static Webhook webhook(ResultSet rs) throws SQLException {
        return new Webhook(rs.getLong("id"), rs.getString("public_id"), rs.getLong("integration_id"), rs.getString("event"),
                rs.getString("target_url"), rs.getString("name"), rs.getString("secret"), rs.getString("api_version"),
                rs.getBoolean("active"), rs.getString("disabled_reason"), instant(rs, "created_at"),
                instant(rs, "updated_at"), instant(rs, "last_triggered_at"), rs.getString("last_triggered_status"),
                rs.getString("last_triggered_error"));
    }

    static Delivery delivery(ResultSet rs) throws SQLException {
        return new Delivery(rs.getLong("id"), rs.getLong("webhook_id"), rs.getString("event"), rs.getString("resource_key"),
                rs.getString("payload"), instant(rs, "created_at"), rs.getString("status"), rs.getInt("attempts"),
                instant(rs, "next_attempt_at"), instant(rs, "last_attempt_at"), rs.getObject("response_status", Integer.class),
                rs.getString("response_excerpt"), rs.getObject("latency_ms", Integer.class), rs.getString("error"),
                rs.getObject("resent_from", Long.class));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
