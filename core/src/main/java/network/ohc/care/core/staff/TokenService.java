package network.ohc.care.core.staff;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import network.ohc.care.core.api.ProblemException;
import network.ohc.care.core.common.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Issues short-lived signed JWT access tokens (RS256) carrying the user's token generation, and rotating refresh
 * tokens: a refresh token works once; presenting a used one revokes its whole family.
 */
@ApplicationScoped
public class TokenService {
    public static final String USER = "user";
    public static final String SUPERUSER = "superuser";
    /** Claim holding {@link StaffUser#tokenGeneration} at issue time. */
    public static final String GENERATION = "gen";
    private static final Logger LOG = Logger.getLogger(TokenService.class);

    private final SecureRandom random = new SecureRandom();

    @ConfigProperty(name = "mp.jwt.verify.issuer", defaultValue = "care")
    String issuer;

    @Inject
    TokenConfig config;

    /** A new sign-in: a new refresh family. */
    @Transactional
    public StaffDtos.Token issue(StaffUser user) {
        return issue(user, UUID.randomUUID());
    }

    /** Commits the family's revocation even though the caller gets a 401. */
    @Transactional(dontRollbackOn = ProblemException.class)
    public StaffDtos.Token refresh(String presented) {
        RefreshToken row = RefreshToken.find("tokenHash", hash(presented)).firstResult();
        Instant now = Clock.now();
        if (row == null) {
            throw ProblemException.unauthorized("the refresh token is not valid");
        }
        if (row.usedAt != null || row.revokedAt != null) {
            if (row.usedAt != null) {
                LOG.warnf("refresh token of user %s reused; revoking its family %s", row.userId, row.familyId);
                RefreshToken.update("revokedAt = ?1 where familyId = ?2 and revokedAt is null", now, row.familyId);
            }
            throw ProblemException.unauthorized("the refresh token is not valid");
        }
        StaffUser user = StaffUser.findById(row.userId);
        if (!now.isBefore(row.expiresAt) || user == null || !user.active || user.tokenGeneration != row.generation) {
            throw ProblemException.unauthorized("the refresh token is not valid");
        }
        row.usedAt = now;
        return issue(user, row.familyId);
    }

    /** Ends the sign-in that issued this refresh token (sign-out): every refresh token of its family stops working. */
    @Transactional
    public void revokeFamily(String presented) {
        RefreshToken row = RefreshToken.find("tokenHash", hash(presented)).firstResult();
        if (row != null) {
            RefreshToken.update("revokedAt = ?1 where familyId = ?2 and revokedAt is null", Clock.now(), row.familyId);
        }
    }

    /** True while this refresh token's sign-in is neither signed out, revoked nor expired (it may have been used). */
    @Transactional
    public boolean familyAlive(String presented) {
        RefreshToken row = RefreshToken.find("tokenHash", hash(presented)).firstResult();
        return row != null && row.revokedAt == null && Clock.now().isBefore(row.expiresAt);
    }

    /** Ends every access and refresh token of the user (password change, deactivation, role removal). */
    @Transactional
    public void revokeAll(StaffUser user) {
        user.tokenGeneration++;
        RefreshToken.update("revokedAt = ?1 where userId = ?2 and revokedAt is null and usedAt is null", Clock.now(), user.id);
    }

    private StaffDtos.Token issue(StaffUser user, UUID family) {
        Set<String> groups = new HashSet<>();
        groups.add(USER);
        if (user.superuser) {
            groups.add(SUPERUSER);
        }
        String access = Jwt.issuer(issuer)
                .subject(user.id.toString())
                .upn(user.username)
                .groups(groups)
                .claim("name", user.fullName)
                .claim(GENERATION, user.tokenGeneration)
                .expiresIn(config.accessLifetime())
                .sign();
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        RefreshToken row = new RefreshToken();
        row.id = UUID.randomUUID();
        row.familyId = family;
        row.userId = user.id;
        row.tokenHash = hash(refresh);
        row.generation = user.tokenGeneration;
        row.issuedAt = Clock.now();
        row.expiresAt = row.issuedAt.plus(config.refreshLifetime());
        row.persist();
        return new StaffDtos.Token(access, "Bearer", config.accessLifetime().toSeconds(), refresh, config.refreshLifetime().toSeconds());
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
