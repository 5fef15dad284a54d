package network.ohc.care.core.audit;

import java.time.Instant;
import java.util.UUID;

/** One access to patient data, as written to {@code patient_access_audit}. */
public record AccessRecord(Instant at, UUID userId, String username, String action, String recordType, UUID recordId,
        UUID patientId, UUID facilityId, String clientAddress, Outcome outcome, int status, String plug, String query,
        boolean write) {
}
