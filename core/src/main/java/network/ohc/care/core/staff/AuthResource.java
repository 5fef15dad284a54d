package network.ohc.care.core.staff;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Context;
import java.time.Duration;
import java.util.Optional;
import network.ohc.care.core.common.Clock;
import network.ohc.care.core.api.Params;
import network.ohc.care.core.api.ProblemException;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication", description = "Sign in for a bearer token (RS256 JWT) and see who you are.")
public class AuthResource {
    @Inject
    PasswordHasher hasher;
    @Inject
    TokenService tokens;
    @Inject
    Access access;
    @Inject
    LoginThrottle throttle;

    /** Exchanges a username and password for a bearer token. */
    @POST
    @Path("login")
    @PermitAll
    @Transactional
    public StaffDtos.Token login(@Valid StaffDtos.Login body, @Context HttpServerRequest request) {
        Params.requireBody(body);
        String address = request.remoteAddress() == null ? "" : request.remoteAddress().host();
        Duration wait = throttle.waitFor(body.username(), address, Clock.now());
        if (!wait.isZero()) {
            throw new TooManyAttempts(wait);
        }
        Optional<StaffUser> user = StaffUser.findByUsername(body.username().strip());
        if (user.isEmpty()) {
            hasher.verifyDummy(body.password());
            throttle.failed(body.username(), address, Clock.now());
            throw ProblemException.unauthorized("wrong username or password");
        }
        StaffUser u = user.get();
        if (!hasher.verify(body.password(), u.passwordHash) || !u.active) {
            throttle.failed(body.username(), address, Clock.now());
            throw ProblemException.unauthorized("wrong username or password");
        }
        throttle.succeeded(body.username());
        return tokens.issue(u);
    }

    /**
     * Exchanges a refresh token for a new access token and a new refresh token; the one given stops working.
     * Presenting a refresh token a second time revokes every token of that sign-in.
     */
    @POST
    @Path("refresh")
    @PermitAll
    public StaffDtos.Token refresh(@Valid StaffDtos.Refresh body) {
        return tokens.refresh(Params.requireBody(body).refreshToken());
    }

    /** The signed-in user with the roles held per facility. */
    @GET
    @Path("me")
    @Authenticated
    @Transactional
    public StaffDtos.UserView me() {
        StaffUser u = access.user();
        return StaffDtos.UserView.of(u, FacilityRoleGrant.activeFor(u.id));
    }
}
