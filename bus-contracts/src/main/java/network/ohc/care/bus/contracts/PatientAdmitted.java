package network.ohc.care.bus.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A patient was admitted to a bed. Type {@code care.encounter.patient-admitted}, version 1. */
@SignalType(name = "care.encounter.patient-admitted", version = 1,
        description = "A patient was admitted to a bed.")
public record PatientAdmitted(Envelope envelope, UUID encounterId, UUID patientId, UUID bedId, UUID wardId, Instant admittedAt) implements DomainSignal {

    public PatientAdmitted {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(encounterId, "encounterId");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(bedId, "bedId");
    }
}
