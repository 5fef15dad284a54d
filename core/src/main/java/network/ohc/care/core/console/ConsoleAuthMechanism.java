package network.ohc.care.core.console;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.spi.runtime.BlockingSecurityExecutor;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import java.util.Set;
import network.ohc.care.core.api.ProblemException;
import network.ohc.care.core.staff.StaffDtos;
import network.ohc.care.core.staff.TokenService;

/**
 * Reads the API's own bearer token from the console's session cookie, for {@code /console} paths only, and hands it
 * to the same token validation as the {@code Authorization} header. The session also needs its refresh token's
 * sign-in to be alive (sign-out ends it at once). When the access token has expired, the refresh token is rotated
 * through the API's own refresh and the new pair replaces the cookies, so a session lasts as long as its refresh
 * family. Anything missing, expired, revoked or forged leaves the request anonymous: the console sends it to sign-in.
 */
@ApplicationScoped
public class ConsoleAuthMechanism implements HttpAuthenticationMechanism {
    @Inject
    TokenService tokens;
    @Inject
    BlockingSecurityExecutor blocking;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String path = context.normalizedPath();
        if (!ConsoleSession.inConsole(path) || path.startsWith(ConsoleSession.ASSETS)) {
            return Uni.createFrom().nullItem();
        }
        String refresh = value(context.request().getCookie(ConsoleSession.REFRESH_COOKIE));
        if (refresh == null) {
            return Uni.createFrom().nullItem();
        }
        String access = value(context.request().getCookie(ConsoleSession.COOKIE));
        Uni<SecurityIdentity> current = access == null ? Uni.createFrom().nullItem() : validate(access, context, identityProviderManager);
        return current.onItem().transformToUni(identity -> current(identity)
                ? blocking.executeBlocking(() -> tokens.familyAlive(refresh)).map(alive -> alive ? identity : null)
                : rotate(access, refresh, context, identityProviderManager));
    }

    /** The validator allows some clock skew past expiry; the console rotates on the access token's own expiry. */
    private static boolean current(SecurityIdentity identity) {
        return identity != null && identity.getPrincipal() instanceof JsonWebToken jwt
                && jwt.getExpirationTime() > System.currentTimeMillis() / 1000;
    }

    private Uni<SecurityIdentity> rotate(String access, String refresh, RoutingContext context, IdentityProviderManager manager) {
        return blocking.<StaffDtos.Token> executeBlocking(() -> {
            try {
                return tokens.refresh(refresh);
            } catch (ProblemException e) {
                return null;
            }
        }).onItem().transformToUni(pair -> {
            if (pair == null) {
                return Uni.createFrom().nullItem();
            }
            ConsoleSession.rotated(context, access, pair);
            return validate(pair.accessToken(), context, manager);
        });
    }

    private static Uni<SecurityIdentity> validate(String token, RoutingContext context, IdentityProviderManager manager) {
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(new JsonWebTokenCredential(token));
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return manager.authenticate(request).onFailure().recoverWithNull();
    }

    private static String value(Cookie cookie) {
        return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (!ConsoleSession.inConsole(context.normalizedPath())) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(new ChallengeData(302, "Location", ConsoleSession.LOGIN_PATH));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public int getPriority() {
        // After the bearer-token mechanism, so the API's behaviour (and its 401 challenge) stays exactly as it was.
        return DEFAULT_PRIORITY - 100;
    }
}
