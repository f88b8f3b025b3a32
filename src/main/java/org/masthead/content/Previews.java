package org.masthead.content;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.masthead.content.internal.EditorialPolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Share-preview links: an Editor sends a draft to someone without an account (a source checking a quote, a lawyer).
 * A link names the article and when it expires and is signed with a key all nodes share, so a forged or altered
 * link fails before the database is asked; it also works only while its row says it was not revoked.
 */
@Service
public class Previews {

    public static final Duration LONGEST = Duration.ofDays(30);
    private static final Pattern TOKEN = Pattern.compile("(\\d{1,18})\\.([0-9a-f]{32})\\.(\\d{1,12})\\.([A-Za-z0-9_-]{43})");
    private static final String KEY_NAME = "preview-links";

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile byte[] key;

    Previews(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A link, with the address to send while it is valid. */
    public record ShareLink(UUID id, long articleId, Instant createdAt, Instant expiresAt, Instant revokedAt, String token) {

        public boolean isActive(Instant now) {
            return revokedAt == null && expiresAt.isAfter(now);
        }

        public String path() {
            return "/preview/" + token;
        }
    }

    @Transactional
    public ShareLink share(Actor actor, long articleId, Duration validFor) {
        EditorialPolicy.requireAllowed(actor.can(Actor.Role.EDITOR), "share previews");
        if (validFor.isNegative() || validFor.isZero() || validFor.compareTo(LONGEST) > 0) {
            throw new ArticleValidationException(java.util.Map.of("validFor", "A preview link lasts between an hour and 30 days."));
        }
        if (jdbc.sql("select count(*) from article where id = ?").param(articleId).query(Long.class).single() == 0) {
            throw new org.masthead.system.NotFoundException("No article " + articleId);
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant expires = now.plus(validFor);
        jdbc.sql("insert into preview_link (id, article_id, created_by, created_at, expires_at) values (?, ?, ?, ?, ?)")
                .params(id, articleId, actor.staffId(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                        OffsetDateTime.ofInstant(expires, ZoneOffset.UTC)).update();
        return new ShareLink(id, articleId, now, expires, null, token(articleId, id, expires));
    }

    /** The article's links, newest first. */
    public List<ShareLink> links(long articleId) {
        return jdbc.sql("select * from preview_link where article_id = ? order by created_at desc").param(articleId)
                .query((rs, row) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    Instant expires = rs.getObject("expires_at", OffsetDateTime.class).toInstant();
                    OffsetDateTime revoked = rs.getObject("revoked_at", OffsetDateTime.class);
                    return new ShareLink(id, articleId, rs.getObject("created_at", OffsetDateTime.class).toInstant(), expires,
                            revoked == null ? null : revoked.toInstant(), token(articleId, id, expires));
                }).list();
    }

    @Transactional
    public void revoke(Actor actor, long articleId, UUID linkId) {
        EditorialPolicy.requireAllowed(actor.can(Actor.Role.EDITOR), "revoke preview links");
        jdbc.sql("update preview_link set revoked_at = ? where id = ? and article_id = ? and revoked_at is null")
                .params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), linkId, articleId).update();
    }

    /** The article a link shows, if the link is genuine, unexpired and not revoked. */
    public Optional<Long> articleFor(String token) {
        Matcher parts = token == null ? null : TOKEN.matcher(token);
        if (parts == null || !parts.matches()) {
            return Optional.empty();
        }
        long articleId = Long.parseLong(parts.group(1));
        UUID id = UUID.fromString(parts.group(2).replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
        Instant expires = Instant.ofEpochSecond(Long.parseLong(parts.group(3)));
        if (!MessageDigest.isEqual(token(articleId, id, expires).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII)) || !expires.isAfter(clock.instant())) {
            return Optional.empty();
        }
        return jdbc.sql("select article_id from preview_link where id = ? and article_id = ? and revoked_at is null")
                .params(id, articleId).query(Long.class).optional();
    }

    private String token(long articleId, UUID id, Instant expires) {
        String claims = articleId + "." + id.toString().replace("-", "") + "." + expires.getEpochSecond();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return claims + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(claims.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signing key, made by whichever node needs it first and shared through the database. */
    private byte[] key() {
        byte[] known = key;
        if (known == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            jdbc.sql("insert into signing_key (name, secret) values (?, ?) on conflict (name) do nothing")
                    .params(KEY_NAME, fresh).update();
            known = jdbc.sql("select secret from signing_key where name = ?").param(KEY_NAME).query(byte[].class).single();
            key = known;
        }
        return known;
    }
}
