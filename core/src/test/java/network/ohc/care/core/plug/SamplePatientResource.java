package network.ohc.care.core.plug;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import network.ohc.care.bus.contracts.FacilityRole;
import network.ohc.care.plug.sdk.PlugRuntime;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A sample plug endpoint returning patient data, as a plug would write it: access check, then the one audit call. */
@Path("/sample-plug/patients/{id}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SamplePatientResource {
    @Inject
    PlugRuntime care;

    @GET
    @Operation(hidden = true)
    public Map<String, Object> summary(@PathParam("id") UUID patientId, @QueryParam("facilityId") UUID facilityId) {
        care.requireRole(facilityId, Set.of(FacilityRole.values()), "patient");
        care.auditPatientAccess("sample", "sample.summary", patientId, facilityId);
        return Map.of("patientId", patientId, "summary", "nothing to report");
    }
}
