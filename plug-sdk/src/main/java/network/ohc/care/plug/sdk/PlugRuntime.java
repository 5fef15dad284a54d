package network.ohc.care.plug.sdk;

import java.util.Set;
import java.util.UUID;
import network.ohc.care.bus.contracts.DomainSignal;
import network.ohc.care.bus.contracts.Envelope;
import network.ohc.care.bus.contracts.FacilityRole;

/**
 * What core gives a plug at run time. Inject it ({@code @Inject PlugRuntime care;}) in a plug's beans: the instance
 * is bound to the plug whose {@code package} (in its descriptor, {@code META-INF/care-plug.properties}) holds the
 * injecting class, so the plug's name is never written in its code.
 */
public interface PlugRuntime {

    /** The name of the plug this runtime is bound to (from its descriptor). */
    String plug();

    /** The plug's own database for plain SQL: its schema, as its role. Its Panache entities need nothing of this. */
    PlugDatabase database();

    /**
     * The database of the plug {@code plug} (its own schema and role).
     *
     * @deprecated the plug's name belongs in its descriptor only: use {@link #database()}.
     */
    @Deprecated(forRemoval = true)
    PlugDatabase database(String plug);

    /**
     * Records a signal of the plug's own ({@code <plug>.<event>}, declared in its contract jar) in core's outbox inside
     * the caller's transaction ({@code @Transactional}): it is delivered after that transaction commits, and never if
     * it rolls back. It is written on the plug's own connection, the one its persistence unit uses in that transaction,
     * so the plug's rows and the signal commit together as one local transaction of one datasource (no two-phase
     * commit). Outside a transaction it throws {@link IllegalStateException}; in
     * {@link PlugDatabase#transaction} use {@link PlugDatabase#publish}.
     */
    void publish(DomainSignal signal);

    /**
     * Passes if the signed-in user may act in the facility with one of {@code roles} (superusers always may); otherwise
     * ends the request with 404 naming {@code what} when the user holds no role in the facility (its records are not
     * revealed), or 403 when the roles held are not enough. For use in a plug's REST resources.
     */
    void requireRole(UUID facilityId, Set<FacilityRole> roles, String what);

    /** A fresh envelope (time-ordered id, type and version from the class, now, actor, correlation) for a new signal. */
    Envelope envelope(Class<? extends DomainSignal> type, String aggregateType, UUID aggregateId, UUID facilityId);

    /**
     * A fresh envelope for a signal caused by another one (a handler reacting to {@code cause}): actor and
     * correlation id are carried over, so the chain can be traced from the original request.
     */
    Envelope envelope(Class<? extends DomainSignal> type, String aggregateType, UUID aggregateId, UUID facilityId, Envelope cause);

    /** Passes for superusers; otherwise ends the request with 403. For a plug's operations endpoints. */
    void requireSuperuser();

    /**
     * Records, in core's patient access audit, that the plug {@code plug} served patient data of {@code patientId}
     * (in {@code facilityId}) to the signed-in user; {@code action} names what was done (e.g. {@code "labs.list"}).
     * Call it from every plug endpoint that returns patient data, after the access checks passed. Who and from which
     * address are taken from the current request; the call does not wait for the database.
     */
    void auditPatientAccess(String plug, String action, UUID patientId, UUID facilityId);

    /** {@link #auditPatientAccess(String, String, UUID, UUID)} for this plug. */
    default void auditPatientAccess(String action, UUID patientId, UUID facilityId) {
        auditPatientAccess(plug(), action, patientId, facilityId);
    }
}
