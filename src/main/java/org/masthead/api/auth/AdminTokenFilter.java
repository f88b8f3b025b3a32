package org.masthead.api.auth;

import java.io.IOException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.masthead.api.ApiCaller;
import org.masthead.api.GhostError;
import org.masthead.api.GhostErrors;
import org.masthead.api.integrations.Integration;
import org.masthead.api.integrations.Integrations;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Admin API's token check, as Ghost does it: {@code Authorization: Ghost <jwt>}, an HS256 token whose
 * {@code kid} names an integration's Admin API key and which is signed with that key's secret (hex-decoded),
 * meant for {@code /admin/} and issued at most five minutes ago ({@code iat} is required; a later {@code exp}
 * does not stretch it). Unlike Ghost, a token claiming to be issued more than a minute in the future is refused
 * too, so a leaked token cannot be minted to last. Staff sessions are never accepted here.
 */
public class AdminTokenFilter extends OncePerRequestFilter {

    private static final Pattern HEADER = Pattern.compile("(?i)Ghost\\s+(\\S+)");
    private static final Pattern AUDIENCE = Pattern.compile("/?admin/?$");
    private static final Duration MAX_AGE = Duration.ofMinutes(5);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    /** Answered without a token, as in Ghost: what a client needs before it can talk to the site. */
    private static final List<String> PUBLIC = List.of("/ghost/api/admin/site/", "/ghost/api/admin/site");

    private final Integrations integrations;
    private final Clock clock;

    public AdminTokenFilter(Integrations integrations, Clock clock) {
        this.integrations = integrations;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/ghost/api/admin/") || PUBLIC.contains(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            Integration integration = authenticate(request.getHeader("Authorization"));
            integrations.markUsed(integration);
            ApiCaller.set(request, integration);
        } catch (GhostError refused) {
            GhostErrors.write(response, refused, "GET".equals(request.getMethod()));
            return;
        } catch (org.springframework.dao.DataAccessException e) {
            GhostErrors.write(response, GhostError.of(GhostError.Type.MaintenanceError,
                    "The database is unavailable; try again shortly."), "GET".equals(request.getMethod()));
            return;
        }
        chain.doFilter(request, response);
    }

    Integration authenticate(String header) {
        if (header == null || header.isBlank()) {
            throw GhostError.of(GhostError.Type.NoPermissionError, "Authorization failed",
                    "Unable to determine the authenticated user or integration. Check that cookies are being passed "
                            + "through if using session authentication.", null);
        }
        Matcher scheme = HEADER.matcher(header.strip());
        if (!scheme.matches()) {
            throw GhostError.of(GhostError.Type.UnauthorizedError, "Authorization header format is \"Authorization: Ghost [token]\"",
                    null, "INVALID_AUTH_HEADER");
        }
        SignedJWT token;
        try {
            token = SignedJWT.parse(scheme.group(1));
        } catch (ParseException e) {
            throw GhostError.of(GhostError.Type.BadRequestError, "Invalid JWT", null, "INVALID_JWT");
        }
        String keyId = token.getHeader().getKeyID();
        if (keyId == null || keyId.isBlank()) {
            throw GhostError.of(GhostError.Type.BadRequestError, "Admin API kid missing.", null, "MISSING_ADMIN_API_KID");
        }
        Optional<Integration> integration = integrations.byAdminKeyId(keyId);
        if (integration.isEmpty()) {
            boolean contentKey = keyId.matches("[0-9a-f]{26}") && integrations.byContentKey(keyId).isPresent();
            throw contentKey
                    ? GhostError.of(GhostError.Type.UnauthorizedError, "Invalid API Key type", null, "INVALID_API_KEY_TYPE")
                    : GhostError.of(GhostError.Type.UnauthorizedError, "Unknown Admin API Key", null, "UNKNOWN_ADMIN_API_KEY");
        }
        verify(token, integration.get().adminSecret());
        return integration.get();
    }

    private void verify(SignedJWT token, String secret) {
        if (!JWSAlgorithm.HS256.equals(token.getHeader().getAlgorithm())) {
            throw invalid("invalid algorithm");
        }
        try {
            if (!token.verify(new MACVerifier(HexFormat.of().parseHex(secret)))) {
                throw invalid("invalid signature");
            }
        } catch (JOSEException e) {
            throw invalid("invalid signature");
        }
        JWTClaimsSet claims;
        try {
            claims = token.getJWTClaimsSet();
        } catch (ParseException e) {
            throw invalid("jwt malformed");
        }
        Instant now = clock.instant();
        Date issued = claims.getIssueTime();
        if (issued == null) {
            throw invalid("iat required when maxAge is specified");
        }
        if (now.isAfter(issued.toInstant().plus(MAX_AGE))) {
            throw invalid("maxAge exceeded");
        }
        if (issued.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            throw invalid("iat is in the future");
        }
        Date expires = claims.getExpirationTime();
        if (expires != null && !now.isBefore(expires.toInstant())) {
            throw invalid("jwt expired");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.plus(CLOCK_SKEW).isBefore(notBefore.toInstant())) {
            throw invalid("jwt not active");
        }
        List<String> audience = claims.getAudience();
        if (audience == null || audience.isEmpty() || audience.stream().noneMatch(aud -> AUDIENCE.matcher(aud).find())) {
            throw invalid("jwt audience invalid. expected: /?admin/?$");
        }
    }

    private static GhostError invalid(String reason) {
        return GhostError.of(GhostError.Type.UnauthorizedError, "Invalid token: " + reason, null, "INVALID_JWT");
    }
}
