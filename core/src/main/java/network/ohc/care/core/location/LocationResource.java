package network.ohc.care.core.location;

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
import network.ohc.care.bus.contracts.BedStatus;
import network.ohc.care.bus.contracts.LocationKind;
import network.ohc.care.core.api.Params;
import network.ohc.care.core.common.PageResult;
import network.ohc.care.core.common.Paging;
import network.ohc.care.core.location.LocationDtos.CreateLocation;
import network.ohc.care.core.location.LocationDtos.LocationView;
import network.ohc.care.core.location.LocationDtos.UpdateLocation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/facilities/{facilityId}/locations")
@Authenticated
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Locations and beds", description = "The ward, room and bed tree of a facility, and the status of each bed.")
public class LocationResource {
    @Inject
    LocationService service;

    @GET
    public PageResult<LocationView> list(@PathParam("facilityId") UUID facilityId, @QueryParam("kind") String kind,
            @QueryParam("parentId") String parentId, @QueryParam("status") String status, @QueryParam("active") String active,
            @QueryParam("name") String name, @QueryParam("page") String page, @QueryParam("size") String size) {
        Paging paging = Paging.of(Params.integer("page", page), Params.integer("size", size));
        return service.list(facilityId, Params.enumValue("kind", kind, LocationKind.class), Params.uuid("parentId", parentId),
                Params.enumValue("status", status, BedStatus.class), Params.bool("active", active), Params.text("name", name, 200),
                paging).map(LocationView::of);
    }

    @POST
    @APIResponse(responseCode = "201", description = "The location, created; its URL in Location", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LocationView.class)))
    public Response create(@PathParam("facilityId") UUID facilityId, @Valid CreateLocation body) {
        Location l = service.create(facilityId, Params.requireBody(body));
        return Response.created(URI.create("/api/v1/facilities/" + facilityId + "/locations/" + l.id))
                .entity(LocationView.of(l)).build();
    }

    @GET
    @Path("{id}")
    public LocationView get(@PathParam("facilityId") UUID facilityId, @PathParam("id") UUID id) {
        return LocationView.of(service.get(facilityId, id));
    }

    @PATCH
    @Path("{id}")
    public LocationView update(@PathParam("facilityId") UUID facilityId, @PathParam("id") UUID id, @Valid UpdateLocation body) {
        return LocationView.of(service.update(facilityId, id, Params.requireBody(body)));
    }
}
