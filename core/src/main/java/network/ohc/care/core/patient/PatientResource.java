package network.ohc.care.core.patient;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import network.ohc.care.core.api.Params;
import network.ohc.care.core.common.PageResult;
import network.ohc.care.core.common.Paging;
import network.ohc.care.core.patient.PatientDtos.PatientView;
import network.ohc.care.core.staff.Permission;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/patients")
@Authenticated
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Patients", description = "Patients and their identifiers (system and value, unique).")
public class PatientResource {
    @Inject
    PatientService service;

    @GET
    public PageResult<PatientView> list(@QueryParam("facilityId") String facilityId, @QueryParam("name") String name,
            @QueryParam("phone") String phone, @QueryParam("identifierSystem") String identifierSystem,
            @QueryParam("identifierValue") String identifierValue, @QueryParam("active") String active,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        Paging paging = Paging.of(Params.integer("page", page), Params.integer("size", size));
        return service.list(Params.uuid("facilityId", facilityId), Params.text("name", name, 200), Params.text("phone", phone, 20),
                Params.text("identifierSystem", identifierSystem, 200), Params.text("identifierValue", identifierValue, 200),
                Params.bool("active", active), paging).map(PatientView::of);
    }

    @POST
    @APIResponse(responseCode = "201", description = "The patient, registered; its URL in Location", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PatientView.class)))
    public Response register(@Valid PatientDtos.RegisterPatient body) {
        Patient p = service.register(Params.requireBody(body));
        return Response.created(URI.create("/api/v1/patients/" + p.id)).entity(PatientView.of(p)).build();
    }

    @GET
    @Path("{id}")
    public PatientView get(@PathParam("id") UUID id) {
        return PatientView.of(service.find(id, Permission.READ));
    }

    @PATCH
    @Path("{id}")
    public PatientView update(@PathParam("id") UUID id, @Valid PatientDtos.UpdatePatient body) {
        return PatientView.of(service.update(id, Params.requireBody(body)));
    }
}
