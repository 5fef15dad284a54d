package network.ohc.care.core.console;

import io.quarkus.narayana.jta.QuarkusTransaction;
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
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import network.ohc.care.bus.contracts.FacilityRole;
import network.ohc.care.bus.contracts.LocationKind;
import network.ohc.care.core.api.ProblemException;
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
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Facility admins: wards, rooms and beds; staff and their roles. Every change is the API's service call. */
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
    ConsoleSession session;
    @Inject
    ConsoleErrors errors;
    @Inject
    FacilityService facilityService;
    @Inject
    LocationService locations;
    @Inject
    UserService users;
    @Inject
    Validator validator;
    @Inject
    BedBoard board;

    @io.quarkus.qute.TemplateData
    record StaffRow(String grantId, String username, String fullName, String role) {
    }

    @GET
    public Response page(@PathParam("id") UUID id) {
        chrome.requireSession();
        return PatientPages.html(200, QuarkusTransaction.requiringNew().call(() -> render(id, FormErrors.none())));
    }

    @POST
    @Path("locations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addLocation(@PathParam("id") UUID id, @RestForm String kind, @RestForm String name, @RestForm String parentId,
            @RestForm(ConsoleSession.CSRF_FIELD) String csrf) {
        return act(id, csrf, () -> locations.create(id, Forms.valid(validator, new LocationDtos.CreateLocation(
                Forms.enumValue("kind", kind, LocationKind.class), Forms.text(name), Forms.uuid("parentId", parentId), null))));
    }

    @POST
    @Path("staff")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response grant(@PathParam("id") UUID id, @RestForm String username, @RestForm String role,
            @RestForm(ConsoleSession.CSRF_FIELD) String csrf) {
        return act(id, csrf, () -> {
            facilityService.find(id, Permission.MANAGE_FACILITY);
            StaffUser u = Forms.text(username) == null ? null : StaffUser.findByUsername(username.strip()).orElse(null);
            if (u == null) {
                throw FormErrors.field("username", "no such user");
            }
            users.grant(id, Forms.valid(validator, new StaffDtos.GrantRole(u.id, Forms.enumValue("role", role, FacilityRole.class))));
        });
    }

    @POST
    @Path("staff/{grant}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("id") UUID id, @PathParam("grant") UUID grant, @RestForm(ConsoleSession.CSRF_FIELD) String csrf) {
        return act(id, csrf, () -> users.revoke(id, grant));
    }

    private Response act(UUID id, String csrf, Runnable action) {
        chrome.requireSession();
        session.checkCsrf(csrf);
        FormErrors failed;
        try {
            action.run();
            return Response.seeOther(URI.create(ConsoleSession.ROOT + "/facilities/" + id + "/manage")).build();
        } catch (ProblemException e) {
            failed = FormErrors.of(e);
        } catch (FormErrors e) {
            failed = e;
        }
        if (failed.status() == 403 || failed.status() == 404) {
            return errors.page(failed.status(), "Not allowed", failed.summary());
        }
        FormErrors shown = failed;
        return PatientPages.html(failed.status(), QuarkusTransaction.requiringNew().call(() -> render(id, shown)));
    }

    private String render(UUID id, FormErrors formErrors) {
        Facility f = facilityService.find(id, Permission.MANAGE_FACILITY);
        List<Views.Option> parents = new ArrayList<>();
        for (network.ohc.care.core.location.Location l : locations.list(id, null, null, null, true, null,
                Paging.of(0, Paging.MAX_SIZE)).items()) {
            if (l.kind != LocationKind.BED) {
                parents.add(new Views.Option(l.id.toString(), Views.label(l.kind) + " · " + l.name, false));
            }
        }
        List<StaffRow> staff = users.staffOf(id).stream().map(r -> {
            FacilityRoleGrant g = (FacilityRoleGrant) r[0];
            StaffUser u = (StaffUser) r[1];
            return new StaffRow(g.id.toString(), u.username, u.fullName, Views.label(g.role));
        }).toList();
        return manage.data("chrome", chrome.of(f, "")).data("facility", Views.FacilityRow.of(f)).data("wards", board.wards(id))
                .data("parents", parents).data("staff", staff)
                .data("kinds", PatientPages.options(LocationKind.values(), "BED"))
                .data("roles", PatientPages.options(FacilityRole.values(), "NURSE")).data("errors", formErrors).render();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return errors.problem(e);
    }

    @ServerExceptionMapper
    public Response csrf(ConsoleSession.CsrfRefused e) {
        return errors.csrf(e);
    }

    @ServerExceptionMapper
    public Response notSignedIn(ConsoleChrome.NotSignedIn e) {
        return errors.notSignedIn();
    }
}
