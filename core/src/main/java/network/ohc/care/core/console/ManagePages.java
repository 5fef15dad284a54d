package network.ohc.care.core.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import network.ohc.care.bus.contracts.FacilityRole;
import network.ohc.care.bus.contracts.LocationKind;
import network.ohc.care.core.common.Paging;
import network.ohc.care.core.facility.Facility;
import network.ohc.care.core.facility.FacilityService;
import network.ohc.care.core.location.LocationDtos;
import network.ohc.care.core.location.LocationService;
import network.ohc.care.core.staff.FacilityRoleGrant;
import network.ohc.care.core.staff.Permission;
import network.ohc.care.core.staff.StaffDtos;
import network.ohc.care.core.staff.StaffUser;
import network.ohc.care.core.staff.UserService;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Facility admins: add wards, rooms and beds; grant and revoke staff roles. Editing the facility and its locations is
 * {@link FacilityEditPages} and {@link LocationEditPages}. Every change is the API's service call.
 */
@Path("/console/facilities/{id}/manage")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class ManagePages {
    @Inject
    @Location("console/manage")
    Template manage;
    @Inject
    ConsoleChrome chrome;
    @Inject
    FormActions forms;
    @Inject
    FacilityService facilityService;
    @Inject
    LocationService locations;
    @Inject
    UserService users;
    @Inject
    Validator validator;

    @io.quarkus.qute.TemplateData
    record LocationRow(String id, String kind, String name, boolean active) {
    }

    @io.quarkus.qute.TemplateData
    record StaffRow(String grantId, String username, String fullName, String role) {
    }

    @GET
    public Response page(@PathParam("id") UUID id) {
        return forms.page(200, () -> render(id, FormErrors.none()));
    }

    @POST
    @Path("locations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addLocation(@PathParam("id") UUID id, @RestForm String kind, @RestForm String name, @RestForm String parentId,
            @RestForm(ConsoleSession.CSRF_FIELD) String csrf) {
        return forms.submit(csrf, () -> {
            locations.create(id, Forms.valid(validator, new LocationDtos.CreateLocation(
                    Forms.enumValue("kind", kind, LocationKind.class), Forms.text(name), Forms.uuid("parentId", parentId), null)));
            return here(id);
        }, e -> render(id, e));
    }

    @POST
    @Path("staff")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response grant(@PathParam("id") UUID id, @RestForm String username, @RestForm String role,
            @RestForm(ConsoleSession.CSRF_FIELD) String csrf) {
        return forms.submit(csrf, () -> {
            facilityService.find(id, Permission.MANAGE_FACILITY);
            StaffUser u = Forms.text(username) == null ? null : StaffUser.findByUsername(username.strip()).orElse(null);
            if (u == null) {
                throw FormErrors.field("username", "no such user");
            }
            users.grant(id, Forms.valid(validator, new StaffDtos.GrantRole(u.id, Forms.enumValue("role", role, FacilityRole.class))));
            return here(id);
        }, e -> render(id, e));
    }

    @POST
    @Path("staff/{grant}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("id") UUID id, @PathParam("grant") UUID grant, @RestForm(ConsoleSession.CSRF_FIELD) String csrf) {
        return forms.submit(csrf, () -> {
            users.revoke(id, grant);
            return here(id);
        }, e -> render(id, e));
    }

    private static String here(UUID id) {
        return ConsoleSession.ROOT + "/facilities/" + id + "/manage";
    }

    private String render(UUID id, FormErrors formErrors) {
        Facility f = facilityService.find(id, Permission.MANAGE_FACILITY);
        // Wards and rooms only: a 500-bed facility's beds would crowd them out of one page of the list.
        List<Views.Option> parents = new ArrayList<>();
        List<LocationRow> places = new ArrayList<>();
        for (LocationKind kind : List.of(LocationKind.WARD, LocationKind.ROOM)) {
            for (network.ohc.care.core.location.Location l : locations.list(id, kind, null, null, null, null,
                    Paging.of(0, Paging.MAX_SIZE)).items()) {
                if (l.active) {
                    parents.add(new Views.Option(l.id.toString(), Views.label(l.kind) + " · " + l.name, false));
                }
                places.add(new LocationRow(l.id.toString(), Views.label(l.kind), l.name, l.active));
            }
        }
        List<StaffRow> staff = users.staffOf(id).stream().map(r -> {
            FacilityRoleGrant g = (FacilityRoleGrant) r[0];
            StaffUser u = (StaffUser) r[1];
            return new StaffRow(g.id.toString(), u.username, u.fullName, Views.label(g.role));
        }).toList();
        return manage.data("chrome", chrome.of(f, here(id))).data("facility", Views.FacilityRow.of(f))
                .data("parents", parents).data("places", places).data("staff", staff)
                .data("kinds", PatientPages.options(LocationKind.values(), "BED"))
                .data("roles", PatientPages.options(FacilityRole.values(), "NURSE")).data("errors", formErrors).render();
    }
}
