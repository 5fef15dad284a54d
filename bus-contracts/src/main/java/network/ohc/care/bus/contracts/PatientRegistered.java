package network.ohc.care.bus.contracts;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** A patient was registered at a facility. Either {@code dateOfBirth} or {@code ageYears} is set. Type {@code care.patient.registered}, version 1. */
@SignalType(name = "care.patient.registered", version = 1,
        description = "A patient was registered at a facility; either dateOfBirth or ageYears is set.")
public record PatientRegistered(Envelope envelope, UUID patientId, String name, Sex sex, LocalDate dateOfBirth, Integer ageYears) implements DomainSignal {

    public PatientRegistered {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(patientId, "patientId");
    }
}
