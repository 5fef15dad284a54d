package network.ohc.care.bus.contracts;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EnvelopeTest {
    @Test
    void requiredPartsAreChecked() {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        assertThrows(NullPointerException.class, () -> new Envelope(null, "t", 1, now, "A", id, null, null, null));
        assertThrows(NullPointerException.class, () -> new Envelope(id, null, 1, now, "A", id, null, null, null));
        assertThrows(NullPointerException.class, () -> new Envelope(id, "t", 1, null, "A", id, null, null, null));
        assertThrows(NullPointerException.class, () -> new Envelope(id, "t", 1, now, null, id, null, null, null));
        assertThrows(NullPointerException.class, () -> new Envelope(id, "t", 1, now, "A", null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new Envelope(id, "t", 0, now, "A", id, null, null, null));
        new Envelope(id, "t", 1, now, "A", id, null, null, null);
    }

    @Test
    void signalsCopyTheirListsAndCheckTheirIds() {
        Envelope e = SampleSignals.envelope(PatientUpdated.class, "Patient", SampleSignals.PATIENT);
        List<String> fields = new java.util.ArrayList<>(List.of("name"));
        PatientUpdated s = new PatientUpdated(e, SampleSignals.PATIENT, fields);
        fields.add("phone");
        org.junit.jupiter.api.Assertions.assertEquals(List.of("name"), s.changedFields());
        assertThrows(NullPointerException.class, () -> new PatientAdmitted(e, null, SampleSignals.PATIENT, null, null, null));
    }
}
