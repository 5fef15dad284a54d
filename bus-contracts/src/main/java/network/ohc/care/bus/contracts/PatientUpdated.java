package network.ohc.care.bus.contracts;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A patient's record changed; {@code changedFields} names what changed (read the record for values). Type {@code care.patient.updated}, version 1. */
@SignalType(name = "care.patient.updated", version = 1,
        description = "A patient's record changed; changedFields names what changed (read the record for values).")
public record PatientUpdated(Envelope envelope, UUID patientId, List<String> changedFields) implements DomainSignal {

    public PatientUpdated {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(patientId, "patientId");
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }
}
