package network.ohc.care.core.staff;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/users")
@Authenticated
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Staff")
public class UserResource {
    @Inject
    UserService service;

    @GET
    public PageResult<StaffDtos.UserView> list(@QueryParam("username") String username, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        Paging paging = Paging.of(Params.integer("page", page), Params.integer("size", size));
        return service.list(Params.text("username", username, 150), paging)
                .map(u -> StaffDtos.UserView.of(u, FacilityRoleGrant.activeFor(u.id)));
    }

    @POST
    @APIResponse(responseCode = "201", description = "The user, created; its URL in Location", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StaffDtos.UserView.class)))
    public Response create(@Valid StaffDtos.CreateUser body) {
        StaffUser u = service.create(Params.requireBody(body));
        return Response.created(URI.create("/api/v1/users/" + u.id)).entity(StaffDtos.UserView.of(u, java.util.List.of())).build();
    }

    @GET
    @Path("{id}")
    public StaffDtos.UserView get(@PathParam("id") UUID id) {
        StaffUser u = service.get(id);
        return StaffDtos.UserView.of(u, FacilityRoleGrant.activeFor(u.id));
    }

    @PATCH
    @Path("{id}")
    public StaffDtos.UserView update(@PathParam("id") UUID id, @Valid StaffDtos.UpdateUser body) {
        StaffUser u = service.update(id, Params.requireBody(body));
        return StaffDtos.UserView.of(u, FacilityRoleGrant.activeFor(u.id));
    }
}
