package network.ohc.care.core.staff;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import network.ohc.care.core.api.Params;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Roles held in a facility. Revoking keeps the grant as history. */
@Path("/api/v1/facilities/{facilityId}/staff")
@Authenticated
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Staff", description = "Staff accounts and the roles they hold in each facility.")
public class StaffResource {
    @Inject
    UserService service;

    @GET
    public List<StaffDtos.StaffMemberView> list(@PathParam("facilityId") UUID facilityId) {
        return service.staffOf(facilityId).stream().map(row -> {
            FacilityRoleGrant g = (FacilityRoleGrant) row[0];
            StaffUser u = (StaffUser) row[1];
            return new StaffDtos.StaffMemberView(g.id, u.id, u.username, u.fullName, g.role, g.createdAt, g.createdBy);
        }).toList();
    }

    @POST
    @APIResponse(responseCode = "201", description = "The role, granted; its URL in Location", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StaffDtos.StaffMemberView.class)))
    public Response grant(@PathParam("facilityId") UUID facilityId, @Valid StaffDtos.GrantRole body) {
        FacilityRoleGrant g = service.grant(facilityId, Params.requireBody(body));
        StaffUser u = StaffUser.findById(g.userId);
        return Response.created(URI.create("/api/v1/facilities/" + facilityId + "/staff/" + g.id))
                .entity(new StaffDtos.StaffMemberView(g.id, u.id, u.username, u.fullName, g.role, g.createdAt, g.createdBy))
                .build();
    }

    @DELETE
    @Path("{grantId}")
    public Response revoke(@PathParam("facilityId") UUID facilityId, @PathParam("grantId") UUID grantId) {
        service.revoke(facilityId, grantId);
        return Response.noContent().build();
    }
}
