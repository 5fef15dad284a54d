package network.ohc.care.core.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import network.ohc.care.bus.contracts.BedStatus;
import network.ohc.care.core.api.ProblemException;
import network.ohc.care.core.common.Paging;
import network.ohc.care.core.facility.Facility;
import network.ohc.care.core.facility.FacilityService;
import network.ohc.care.core.location.LocationDtos;
import network.ohc.care.core.location.LocationService;
import network.ohc.care.core.staff.Access;
import network.ohc.care.core.staff.Permission;
import org.jboss.resteasy.reactive.RestForm;

/** Facility chooser, the facility page (wards at a glance) and the bed board of a ward. */
@Path("/console")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class WardPages {
    @Inject
    @Location("console/facilities")
    Template facilities;
    @Inject
    @Location("console/facility")
    Template facility;
    @Inject
    @Location("console/board")
    Template board;
    @Inject
    ConsoleChrome chrome;
    @Inject
    ConsoleSession session;
    @Inject
    FacilityService facilityService;
    @Inject
    LocationService locations;
    @Inject
    BedBoard beds;
    @Inject
    Access access;
    @Inject
    FacilityPanels panels;

    @GET
    public String chooser() {
        Chrome c = chrome.of(null, ConsoleSession.ROOT);
        List<Views.FacilityRow> mine = facilityService.list(null, null, null, null, null, Paging.of(0, Paging.MAX_SIZE)).items()
                .stream().map(Views.FacilityRow::of).toList();
        return facilities.data("chrome", c).data("facilities", mine).render();
    }

    @GET
    @Path("facilities/{id}")
    public String facility(@PathParam("id") UUID id) {
        chrome.requireSession();
        Facility f = facilityService.find(id, Permission.READ);
        Chrome c = chrome.of(f, ConsoleSession.ROOT + "/facilities/" + id);
        return facility.data("chrome", c).data("facility", Views.FacilityRow.of(f)).data("wards", beds.summaries(id))
                .data("panels", panels.render(f)).render();
    }

    @GET
    @Path("facilities/{id}/wards/{ward}")
    public String board(@PathParam("id") UUID id, @PathParam("ward") UUID wardId) {
        chrome.requireSession();
        Facility f = facilityService.find(id, Permission.READ);
        BedBoard.Ward ward = beds.ward(id, wardId).orElseThrow(() -> ProblemException.notFound("ward"));
        Chrome c = chrome.of(f, ConsoleSession.ROOT + "/facilities/" + id);
        return board.data("chrome", c).data("facility", Views.FacilityRow.of(f)).data("ward", ward)
                .data("canSetStatus", access.can(id, Permission.SET_BED_STATUS))
                .data("canManage", access.can(id, Permission.MANAGE_FACILITY)).render();
    }

    /** Mark a bed cleaned (free), cleaning or out of service: the API's PATCH of the bed's status. */
    @POST
    @Path("facilities/{id}/beds/{bed}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setStatus(@PathParam("id") UUID id, @PathParam("bed") UUID bedId, @RestForm String status,
            @RestForm String ward, @RestForm(ConsoleSession.CSRF_FIELD) String csrf) {
        chrome.requireSession();
        session.checkCsrf(csrf);
        BedStatus s = Forms.enumValue("status", status, BedStatus.class);
        if (s == null) {
            throw FormErrors.field("status", "must not be blank");
        }
        locations.update(id, bedId, new LocationDtos.UpdateLocation(null, null, s));
        UUID wardId = Forms.uuid("ward", ward);
        return Response.seeOther(URI.create(ConsoleSession.ROOT + "/facilities/" + id + (wardId == null ? "" : "/wards/" + wardId)))
                .build();
    }
}
