package network.ohc.care.core.staff;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import network.ohc.care.bus.contracts.FacilityRole;
import network.ohc.care.core.api.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The signed-in user's roles per facility, read from the database once per request so that a revoked role
 * or a deactivated account takes effect at once, whatever tokens are still out there.
 * Records of facilities where the user holds no role answer 404, as if they did not exist.
 */
@RequestScoped
public class Access {
    @Inject
    SecurityIdentity identity;

    private StaffUser user;
    private Map<UUID, Set<FacilityRole>> roles;

    public StaffUser user() {
        if (user == null) {
            if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
                throw ProblemException.unauthorized("a valid bearer token is required");
            }
            UUID id;
            try {
                id = UUID.fromString(jwt.getSubject());
            } catch (RuntimeException e) {
                throw ProblemException.unauthorized("the token does not name a user");
            }
            StaffUser found = StaffUser.findById(id);
            if (found == null || !found.active) {
                throw ProblemException.unauthorized("the account is not active");
            }
            if (generationOf(jwt) != found.tokenGeneration) {
                throw ProblemException.unauthorized("the token was revoked; sign in again");
            }
            user = found;
        }
        return user;
    }

    private static long generationOf(JsonWebToken jwt) {
        Object claim = jwt.getClaim(TokenService.GENERATION);
        if (claim instanceof jakarta.json.JsonNumber n) {
            return n.longValue();
        }
        if (claim instanceof Number n) {
            return n.longValue();
        }
        return -1;
    }

    public String username() {
        return user().username;
    }

    public boolean superuser() {
        return user().superuser;
    }

    /** Facilities where the user holds at least one role. */
    public Set<UUID> facilities() {
        return Collections.unmodifiableSet(roles().keySet());
    }

    public Set<FacilityRole> rolesIn(UUID facilityId) {
        return roles().getOrDefault(facilityId, Set.of());
    }

    public boolean can(UUID facilityId, Permission permission) {
        return superuser() || permission.grantedTo(rolesIn(facilityId));
    }

    /**
     * Passes if the user may do {@code permission} in the facility; 404 naming {@code what} if the user holds no
     * role there (the record's existence is not revealed), 403 if the roles held do not allow it.
     */
    public void require(UUID facilityId, Permission permission, String what) {
        require(facilityId, permission.roles(), what, "do not allow " + permission.name().toLowerCase().replace('_', ' '));
    }

    /** As {@link #require(UUID, Permission, String)}, for any of {@code roles} (plugs' own rules). */
    public void requireAnyOf(UUID facilityId, Set<FacilityRole> roles, String what) {
        require(facilityId, roles, what, "are not among " + roles);
    }

    private void require(UUID facilityId, Set<FacilityRole> roles, String what, String refusal) {
        if (superuser()) {
            return;
        }
        Set<FacilityRole> held = rolesIn(facilityId);
        if (held.isEmpty()) {
            throw ProblemException.notFound(what);
        }
        if (held.stream().noneMatch(roles::contains)) {
            throw ProblemException.forbidden("your roles here " + held + " " + refusal);
        }
    }

    public void requireSuperuser() {
        if (!superuser()) {
            throw ProblemException.forbidden("only a superuser may do this");
        }
    }

    private Map<UUID, Set<FacilityRole>> roles() {
        if (roles == null) {
            Map<UUID, Set<FacilityRole>> map = new HashMap<>();
            for (FacilityRoleGrant grant : FacilityRoleGrant.activeFor(user().id)) {
                map.computeIfAbsent(grant.facilityId, k -> EnumSet.noneOf(FacilityRole.class)).add(grant.role);
            }
            roles = map;
        }
        return roles;
    }

}
