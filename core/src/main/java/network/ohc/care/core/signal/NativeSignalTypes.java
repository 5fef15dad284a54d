package network.ohc.care.core.signal;

import io.quarkus.runtime.annotations.RegisterForReflection;
import network.ohc.care.bus.contracts.BedStatusChanged;
import network.ohc.care.bus.contracts.EncounterCancelled;
import network.ohc.care.bus.contracts.EncounterCompleted;
import network.ohc.care.bus.contracts.EncounterStarted;
import network.ohc.care.bus.contracts.Envelope;
import network.ohc.care.bus.contracts.FacilityCreated;
import network.ohc.care.bus.contracts.FacilityUpdated;
import network.ohc.care.bus.contracts.LocationCreated;
import network.ohc.care.bus.contracts.LocationUpdated;
import network.ohc.care.bus.contracts.PatientAdmitted;
import network.ohc.care.bus.contracts.PatientRegistered;
import network.ohc.care.bus.contracts.PatientTransferred;
import network.ohc.care.bus.contracts.PatientUpdated;
import network.ohc.care.bus.contracts.StaffRoleGranted;
import network.ohc.care.bus.contracts.StaffRoleRevoked;

/**
 * Signals are written to and read from the outbox with Jackson, which needs their record components by reflection;
 * a native image keeps only what is registered. Keep in step with {@code SignalCatalog.coreSignals()} (a test checks).
 */
@RegisterForReflection(targets = { Envelope.class, FacilityCreated.class, FacilityUpdated.class, LocationCreated.class,
        LocationUpdated.class, BedStatusChanged.class, PatientRegistered.class, PatientUpdated.class, EncounterStarted.class,
        PatientAdmitted.class, PatientTransferred.class, EncounterCompleted.class, EncounterCancelled.class, StaffRoleGranted.class,
        StaffRoleRevoked.class })
public final class NativeSignalTypes {
    private NativeSignalTypes() {
    }
}
