package network.ohc.care.bus.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One fixed, fully populated instance of every core signal: the input of the golden-file checks. */
final class SampleSignals {
    static final Instant AT = Instant.parse("2026-01-02T03:04:05.123456Z");
    static final UUID FACILITY = id(1);
    static final UUID WARD = id(2);
    static final UUID BED = id(3);
    static final UUID BED_2 = id(4);
    static final UUID PATIENT = id(5);
    static final UUID ENCOUNTER = id(6);
    static final UUID USER = id(7);
    static final UUID WARD_2 = id(8);

    private SampleSignals() {
    }

    static UUID id(int n) {
        return UUID.fromString(String.format("018f0000-0000-7000-8000-%012d", n));
    }

    static Envelope envelope(Class<? extends DomainSignal> type, String aggregateType, UUID aggregateId) {
        return new Envelope(id(900), SignalCatalog.typeName(type), SignalCatalog.version(type), AT, aggregateType, aggregateId, FACILITY,
                "demo.nurse", "c0ffee00-0000-4000-8000-000000000001");
    }

    static List<DomainSignal> all() {
        return List.of(
                new FacilityCreated(envelope(FacilityCreated.class, "Facility", FACILITY), FACILITY, "District Hospital", "HOSPITAL",
                        "Ernakulam", "Kerala", true),
                new FacilityUpdated(envelope(FacilityUpdated.class, "Facility", FACILITY), FACILITY, "District Hospital", "HOSPITAL",
                        "Ernakulam", "Kerala", false),
                new LocationCreated(envelope(LocationCreated.class, "Location", BED), BED, WARD, LocationKind.BED, "A-1", BedStatus.FREE),
                new LocationUpdated(envelope(LocationUpdated.class, "Location", BED), BED, WARD, LocationKind.BED, "A-1 (old)", false),
                new BedStatusChanged(envelope(BedStatusChanged.class, "Location", BED), BED, WARD, BedStatus.FREE, BedStatus.OCCUPIED,
                        ENCOUNTER),
                new PatientRegistered(envelope(PatientRegistered.class, "Patient", PATIENT), PATIENT, "Lakshmi Pillai", Sex.FEMALE,
                        LocalDate.of(1958, 3, 14), 67),
                new PatientUpdated(envelope(PatientUpdated.class, "Patient", PATIENT), PATIENT, List.of("phone", "address")),
                new EncounterStarted(envelope(EncounterStarted.class, "Encounter", ENCOUNTER), ENCOUNTER, PATIENT,
                        EncounterClass.INPATIENT, AT),
                new PatientAdmitted(envelope(PatientAdmitted.class, "Encounter", ENCOUNTER), ENCOUNTER, PATIENT, BED, WARD, AT),
                new PatientTransferred(envelope(PatientTransferred.class, "Encounter", ENCOUNTER), ENCOUNTER, PATIENT, BED, WARD, BED_2,
                        WARD_2, AT),
                new EncounterCompleted(envelope(EncounterCompleted.class, "Encounter", ENCOUNTER), ENCOUNTER, PATIENT, BED_2, WARD_2,
                        Disposition.HOME, AT),
                new EncounterCancelled(envelope(EncounterCancelled.class, "Encounter", ENCOUNTER), ENCOUNTER, PATIENT, "entered in error",
                        AT),
                new StaffRoleGranted(envelope(StaffRoleGranted.class, "StaffUser", USER), USER, "demo.nurse", FacilityRole.NURSE),
                new StaffRoleRevoked(envelope(StaffRoleRevoked.class, "StaffUser", USER), USER, "demo.nurse", FacilityRole.NURSE));
    }
}
