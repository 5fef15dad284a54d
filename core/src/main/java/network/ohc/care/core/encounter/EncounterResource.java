package network.ohc.care.core.encounter;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import network.ohc.care.bus.contracts.EncounterClass;
import network.ohc.care.bus.contracts.EncounterStatus;
import network.ohc.care.core.api.Params;
import network.ohc.care.core.common.PageResult;
import network.ohc.care.core.common.Paging;
import network.ohc.care.core.encounter.EncounterDtos.EncounterView;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/encounters")
@Authenticated
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Encounters", description = "Visits and admissions of a patient: start, admit to a bed, transfer, discharge, cancel, and the bed history.")
public class EncounterResource {
    @Inject
    EncounterService service;

    @GET
    public PageResult<EncounterView> list(@QueryParam("facilityId") String facilityId, @QueryParam("patientId") String patientId,
            @QueryParam("status") String status, @QueryParam("encounterClass") String encounterClass,
            @QueryParam("bedId") String bedId, @QueryParam("page") String page, @QueryParam("size") String size) {
        Paging paging = Paging.of(Params.integer("page", page), Params.integer("size", size));
        return service.list(Params.uuid("facilityId", facilityId), Params.uuid("patientId", patientId),
                Params.enumValue("status", status, EncounterStatus.class),
                Params.enumValue("encounterClass", encounterClass, EncounterClass.class), Params.uuid("bedId", bedId), paging)
                .map(EncounterView::of);
    }

    @POST
    @APIResponse(responseCode = "201", description = "The encounter, opened; its URL in Location", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EncounterView.class)))
    public Response create(@Valid EncounterDtos.CreateEncounter body) {
        Encounter e = service.create(Params.requireBody(body));
        return Response.created(URI.create("/api/v1/encounters/" + e.id)).entity(EncounterView.of(e)).build();
    }

    @GET
    @Path("{id}")
    public EncounterView get(@PathParam("id") UUID id) {
        return EncounterView.of(service.get(id));
    }

    @GET
    @Path("{id}/beds")
    public List<EncounterDtos.BedStayView> beds(@PathParam("id") UUID id) {
        return service.bedHistory(id).stream().map(EncounterDtos.BedStayView::of).toList();
    }

    @POST
    @Path("{id}/start")
    public EncounterView start(@PathParam("id") UUID id) {
        return EncounterView.of(service.start(id));
    }

    @POST
    @Path("{id}/admit")
    public EncounterView admit(@PathParam("id") UUID id, @Valid EncounterDtos.BedRequest body) {
        return EncounterView.of(service.admit(id, Params.requireBody(body).bedId()));
    }

    @POST
    @Path("{id}/transfer")
    public EncounterView transfer(@PathParam("id") UUID id, @Valid EncounterDtos.BedRequest body) {
        return EncounterView.of(service.transfer(id, Params.requireBody(body).bedId()));
    }

    @POST
    @Path("{id}/discharge")
    public EncounterView discharge(@PathParam("id") UUID id, @Valid EncounterDtos.Discharge body) {
        return EncounterView.of(service.discharge(id, Params.requireBody(body)));
    }

    @POST
    @Path("{id}/cancel")
    public EncounterView cancel(@PathParam("id") UUID id, @Valid EncounterDtos.Cancel body) {
        return EncounterView.of(service.cancel(id, body));
    }
}
