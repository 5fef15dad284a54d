package network.ohc.care.core.facility;

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
import network.ohc.care.core.facility.FacilityDtos.CreateFacility;
import network.ohc.care.core.facility.FacilityDtos.FacilityView;
import network.ohc.care.core.facility.FacilityDtos.UpdateFacility;
import network.ohc.care.core.staff.Permission;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/facilities")
@Authenticated
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Facilities", description = "Hospitals and other facilities; created by superusers, edited by the facility's admins.")
public class FacilityResource {
    @Inject
    FacilityService service;

    @GET
    public PageResult<FacilityView> list(@QueryParam("name") String name, @QueryParam("kind") String kind,
            @QueryParam("district") String district, @QueryParam("state") String state, @QueryParam("active") String active,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        Paging paging = Paging.of(Params.integer("page", page), Params.integer("size", size));
        return service.list(Params.text("name", name, 200), Params.enumValue("kind", kind, FacilityKind.class),
                Params.text("district", district, 120), Params.text("state", state, 120), Params.bool("active", active), paging)
                .map(FacilityView::of);
    }

    @POST
    @APIResponse(responseCode = "201", description = "The facility, created; its URL in Location", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FacilityView.class)))
    public Response create(@Valid CreateFacility body) {
        Facility f = service.create(Params.requireBody(body));
        return Response.created(URI.create("/api/v1/facilities/" + f.id)).entity(FacilityView.of(f)).build();
    }

    @GET
    @Path("{id}")
    public FacilityView get(@PathParam("id") UUID id) {
        return FacilityView.of(service.find(id, Permission.READ));
    }

    @PATCH
    @Path("{id}")
    public FacilityView update(@PathParam("id") UUID id, @Valid UpdateFacility body) {
        return FacilityView.of(service.update(id, Params.requireBody(body)));
    }
}
