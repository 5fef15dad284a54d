package network.ohc.care.core.audit;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import network.ohc.care.core.encounter.EncounterDtos.EncounterView;
import network.ohc.care.core.encounter.EncounterResource;
import network.ohc.care.core.patient.PatientDtos.PatientView;
import network.ohc.care.core.patient.PatientResource;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Records every call of the patient and encounter API, whatever its outcome (the status of the answer, error
 * answers included): the record's id comes from the path or the answer, its facility from the answer or, for
 * refused calls, from the record itself when the writer stores it.
 */
public class PatientAccessFilter {
    @Inject
    AuditRecorder recorder;

    @ServerResponseFilter
    public void audit(ContainerRequestContext request, ContainerResponseContext response, SimpleResourceInfo resource, UriInfo uri) {
        if (resource == null || !recorder.enabled()) {
            return;
        }
        Class<?> type = resource.getResourceClass();
        String recordType = type == PatientResource.class ? "PATIENT" : type == EncounterResource.class ? "ENCOUNTER" : null;
        if (recordType == null) {
            return;
        }
        UUID recordId = uuid(uri.getPathParameters().getFirst("id"));
        UUID patientId = null;
        UUID facilityId = uuid(uri.getQueryParameters().getFirst("facilityId"));
        Object entity = response.getEntity();
        if (entity instanceof PatientView p) {
            recordId = p.id();
            patientId = p.id();
            facilityId = p.facilityId();
        } else if (entity instanceof EncounterView e) {
            recordId = e.id();
            patientId = e.patientId();
            facilityId = e.facilityId();
        } else if (recordType.equals("PATIENT")) {
            patientId = recordId;
        } else if (recordId == null) {
            patientId = uuid(uri.getQueryParameters().getFirst("patientId"));
        }
        String action = recordType.toLowerCase() + "." + resource.getMethodName();
        String query = recordId == null ? uri.getRequestUri().getRawQuery() : null;
        int status = response.getStatus();
        recorder.record(action, recordType, recordId, patientId, facilityId, Outcome.ofStatus(status), status, null, query,
                !"GET".equals(request.getMethod()));
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
