package network.ohc.care.core.staff;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import network.ohc.care.bus.contracts.FacilityRole;
import network.ohc.care.bus.contracts.StaffRoleGranted;
import network.ohc.care.bus.contracts.StaffRoleRevoked;
import network.ohc.care.core.api.ProblemException;
import network.ohc.care.core.common.Actor;
import network.ohc.care.core.common.Clock;
import network.ohc.care.core.common.Filters;
import network.ohc.care.core.common.PageResult;
import network.ohc.care.core.common.Paging;
import network.ohc.care.core.signal.SignalEmitter;

@ApplicationScoped
public class UserService {
    @Inject
    Access access;
    @Inject
    PasswordHasher hasher;
    @Inject
    SignalEmitter signals;
    @Inject
    TokenService tokens;

    /** Superusers create any user; a facility admin may create ordinary users, to then grant them roles. */
    @Transactional
    public StaffUser create(StaffDtos.CreateUser in) {
        boolean wantsSuperuser = Boolean.TRUE.equals(in.superuser());
        if (!access.superuser()) {
            boolean adminSomewhere = access.facilities().stream().anyMatch(f -> access.rolesIn(f).contains(FacilityRole.ADMIN));
            if (!adminSomewhere) {
                throw ProblemException.forbidden("only superusers and facility admins create users");
            }
            if (wantsSuperuser) {
                throw ProblemException.forbidden("only a superuser may create another superuser");
            }
        }
        return createUnchecked(in.username().strip(), in.password(), in.fullName().strip(), wantsSuperuser);
    }

    /** Creates a user without an access check: for bootstrap and demo data. */
    @Transactional
    public StaffUser createUnchecked(String username, String password, String fullName, boolean superuser) {
        if (StaffUser.findByUsername(username).isPresent()) {
            throw ProblemException.conflict("username", "is already taken");
        }
        StaffUser u = new StaffUser();
        u.username = username;
        u.passwordHash = hasher.hash(password);
        u.fullName = fullName;
        u.superuser = superuser;
        u.persistAndFlush();
        return u;
    }

    @Transactional
    public StaffUser get(UUID id) {
        StaffUser self = access.user();
        if (!self.id.equals(id) && !self.superuser) {
            throw ProblemException.notFound("user");
        }
        StaffUser u = StaffUser.findById(id);
        if (u == null) {
            throw ProblemException.notFound("user");
        }
        return u;
    }

    @Transactional
    public StaffUser update(UUID id, StaffDtos.UpdateUser in) {
        StaffUser u = get(id);
        if (in.active() != null && !access.superuser()) {
            throw ProblemException.forbidden("only a superuser may activate or deactivate users");
        }
        if (in.active() != null && !in.active() && u.id.equals(access.user().id)) {
            throw ProblemException.unprocessable("active", "you cannot deactivate yourself");
        }
        boolean self = u.id.equals(access.user().id);
        if (in.password() != null && self
                && (in.currentPassword() == null || !hasher.verify(in.currentPassword(), u.passwordHash))) {
            throw ProblemException.badRequest("currentPassword", "must be your current password to set a new one");
        }
        if (in.password() != null && !self && !access.superuser()) {
            throw ProblemException.forbidden("only a superuser may reset another user's password");
        }
        if (in.fullName() != null) {
            u.fullName = in.fullName().strip();
        }
        boolean endTokens = false;
        if (in.password() != null) {
            u.passwordHash = hasher.hash(in.password());
            endTokens = true;
        }
        if (in.active() != null) {
            endTokens |= u.active && !in.active();
            u.active = in.active();
        }
        if (endTokens) {
            tokens.revokeAll(u);
        }
        u.persistAndFlush();
        return u;
    }

    @Transactional
    public PageResult<StaffUser> list(String username, Paging paging) {
        access.requireSuperuser();
        Filters filters = new Filters().add("lower(username) like :u escape '\\'", "u",
                username == null ? null : Filters.likePattern(username));
        return paging.apply(StaffUser.find(filters.query("username"), filters.params()));
    }

    @Transactional
    public List<Object[]> staffOf(UUID facilityId) {
        requireFacility(facilityId, Permission.READ);
        return FacilityRoleGrant.getEntityManager().createQuery(
                "select g, u from FacilityRoleGrant g, StaffUser u where u.id = g.userId and g.facilityId = :f "
                        + "and g.revokedAt is null order by u.username, g.role", Object[].class)
                .setParameter("f", facilityId)
                .getResultList();
    }

    @Transactional
    public FacilityRoleGrant grant(UUID facilityId, StaffDtos.GrantRole in) {
        requireFacility(facilityId, Permission.MANAGE_FACILITY);
        StaffUser user = StaffUser.findById(in.userId());
        if (user == null) {
            throw ProblemException.unprocessable("userId", "no such user");
        }
        if (!user.active) {
            throw ProblemException.unprocessable("userId", "the user is not active");
        }
        if (FacilityRoleGrant.count("userId = ?1 and facilityId = ?2 and role = ?3 and revokedAt is null", user.id, facilityId,
                in.role()) > 0) {
            throw ProblemException.conflict("role", "the user already holds this role here");
        }
        FacilityRoleGrant g = new FacilityRoleGrant();
        g.userId = user.id;
        g.facilityId = facilityId;
        g.role = in.role();
        g.persistAndFlush();
        signals.emit(new StaffRoleGranted(signals.envelope(StaffRoleGranted.class, "StaffUser", user.id, facilityId), user.id,
                user.username, g.role));
        return g;
    }

    @Transactional
    public void revoke(UUID facilityId, UUID grantId) {
        requireFacility(facilityId, Permission.MANAGE_FACILITY);
        FacilityRoleGrant g = FacilityRoleGrant.findById(grantId);
        if (g == null || !g.facilityId.equals(facilityId) || g.revokedAt != null) {
            throw ProblemException.notFound("role grant");
        }
        g.revokedAt = Clock.now();
        g.revokedBy = Actor.current();
        g.persistAndFlush();
        StaffUser user = StaffUser.findById(g.userId);
        tokens.revokeAll(user);
        user.persistAndFlush();
        signals.emit(new StaffRoleRevoked(signals.envelope(StaffRoleRevoked.class, "StaffUser", user.id, facilityId), user.id,
                user.username, g.role));
    }

    /**
     * 404 unless the facility exists and the user may do {@code permission} there, as the facility API answers.
     * Read by name, not through the facility package: facilities depend on staff for access, not the reverse.
     */
    private void requireFacility(UUID facilityId, Permission permission) {
        long found = Panache.getEntityManager().createQuery("select count(f) from Facility f where f.id = :id", Long.class)
                .setParameter("id", facilityId).getSingleResult();
        if (found == 0) {
            throw ProblemException.notFound("facility");
        }
        access.require(facilityId, permission, "facility");
    }
}
