package network.ohc.care.core.http;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import network.ohc.care.core.audit.AuditRecorder;
import network.ohc.care.core.audit.Outcome;
import network.ohc.care.core.console.EncounterPages;
import network.ohc.care.core.console.PatientPages;
import network.ohc.care.core.console.WardPages;
import network.ohc.care.core.encounter.EncounterDtos.EncounterView;
import network.ohc.care.core.encounter.EncounterResource;
import network.ohc.care.core.patient.PatientDtos.PatientView;
import network.ohc.care.core.patient.PatientResource;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Records every call of the patient and encounter API, whatever its outcome (the status of the answer, error
 * answers included): the record's id comes from the path or the answer, its facility from the answer or, for
 * refused calls, from the record itself when the writer stores it. Kept with the HTTP filters, not in the audit
 * package: it knows the resources it audits, which themselves record through the audit package.
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
        if (type == PatientPages.class || type == EncounterPages.class || type == WardPages.class) {
            console(request, response, resource, uri);
            return;
        }
        String recordType = type == PatientResource.class ? "PATIENT" : type == EncounterResource.class ? "ENCOUNTER" : null;
        if (recordType == null) {
            return;
        }
        // The answer names the record in the common case; the path and query are parsed only when it does not
        // (UriInfo builds a new map on each call: a third of this filter's time in a profile).
        UUID recordId;
        UUID patientId;
        UUID facilityId;
        Object entity = response.getEntity();
        if (entity instanceof PatientView p) {
            recordId = p.id();
            patientId = p.id();
            facilityId = p.facilityId();
        } else if (entity instanceof EncounterView e) {
            recordId = e.id();
            patientId = e.patientId();
            facilityId = e.facilityId();
        } else {
            recordId = uuid(uri.getPathParameters().getFirst("id"));
            facilityId = uuid(uri.getQueryParameters().getFirst("facilityId"));
            if (recordType.equals("PATIENT")) {
                patientId = recordId;
            } else if (recordId == null) {
                patientId = uuid(uri.getQueryParameters().getFirst("patientId"));
            } else {
                patientId = null;
            }
        }
        String action = recordType.toLowerCase() + "." + resource.getMethodName();
        String query = recordId == null ? uri.getRequestUri().getRawQuery() : null;
        int status = response.getStatus();
        recorder.record(action, recordType, recordId, patientId, facilityId, Outcome.ofStatus(status), status, null, query,
                !"GET".equals(request.getMethod()));
    }

    /**
     * The console's pages show and change the same records as the API, so they are audited the same way, as
     * {@code console.<page>.<method>}: a patient's or encounter's page by its id, a facility's patient list, a
     * registration and a bed board (which shows the occupants) by the facility.
     */
    private void console(ContainerRequestContext request, ContainerResponseContext response, SimpleResourceInfo resource, UriInfo uri) {
        String method = resource.getMethodName();
        UUID id = uuid(uri.getPathParameters().getFirst("id"));
        Class<?> type = resource.getResourceClass();
        String recordType;
        UUID recordId = null;
        UUID patientId = null;
        UUID facilityId = null;
        if (type == EncounterPages.class) {
            recordType = "ENCOUNTER";
            recordId = id;
        } else if (type == PatientPages.class && (method.equals("show") || method.equals("open"))) {
            recordType = "PATIENT";
            recordId = id;
            patientId = id;
        } else if (type == PatientPages.class || method.equals("board")) {
            recordType = type == PatientPages.class ? "PATIENT" : "BED_BOARD";
            facilityId = id;
        } else {
            return; // the facility chooser and bed status changes show no patient data
        }
        int status = response.getStatus();
        String query = recordId == null ? uri.getRequestUri().getRawQuery() : null;
        recorder.record("console." + recordType.toLowerCase() + "." + method, recordType, recordId, patientId, facilityId,
                Outcome.ofStatus(status), status, null, query, !"GET".equals(request.getMethod()));
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
