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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import network.ohc.care.bus.contracts.BedStatus;
import network.ohc.care.bus.contracts.LocationKind;
import network.ohc.care.core.facility.Facility;
import network.ohc.care.core.facility.FacilityService;
import network.ohc.care.core.location.LocationDtos;
import network.ohc.care.core.location.LocationService;
import network.ohc.care.core.staff.Permission;
import org.jboss.resteasy.reactive.RestForm;

/** Facility admins rename a ward, room or bed, (de)activate it and set a bed's status: the API's PATCH of the location. */
@Path("/console/facilities/{id}/manage/locations/{location}")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class LocationEditPages {
    @Inject
    @Location("console/location-edit")
    Template edit;
    @Inject
    ConsoleChrome chrome;
    @Inject
    FormActions forms;
    @Inject
    FacilityService facilities;
    @Inject
    LocationService locations;
    @Inject
    Validator validator;

    @io.quarkus.qute.TemplateData
    record LocationForm(String id, String kind, boolean bed, String name, boolean active, String status, String statusLabel,
            boolean occupied) {
    }

    @GET
    public Response page(@PathParam("id") UUID id, @PathParam("location") UUID locationId, @QueryParam("saved") String saved) {
        return forms.page(200, () -> render(id, locationId, null, FormErrors.none()).data("saved", saved != null).render());
    }

    /** Sends the name and active flag as shown, and the status only for beds that are not occupied. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("id") UUID id, @PathParam("location") UUID locationId, @RestForm String name,
            @RestForm String active, @RestForm String status, @RestForm(ConsoleSession.CSRF_FIELD) String csrf) {
        return forms.submit(csrf, () -> {
            facilities.find(id, Permission.MANAGE_FACILITY);
            locations.update(id, locationId, Forms.valid(validator, new LocationDtos.UpdateLocation(name == null ? "" : name,
                    active != null, Forms.enumValue("status", status, BedStatus.class))));
            return ConsoleSession.ROOT + "/facilities/" + id + "/manage/locations/" + locationId + "?saved=1";
        }, e -> render(id, locationId, name, e).data("saved", false).render());
    }

    private io.quarkus.qute.TemplateInstance render(UUID id, UUID locationId, String typedName, FormErrors errors) {
        Facility f = facilities.find(id, Permission.MANAGE_FACILITY);
        network.ohc.care.core.location.Location l = locations.get(id, locationId);
        boolean bed = l.kind == LocationKind.BED;
        String status = l.bedStatus == null ? "" : l.bedStatus.name();
        LocationForm form = new LocationForm(l.id.toString(), Views.label(l.kind), bed, typedName == null ? l.name : typedName,
                l.active, status, Views.label(l.bedStatus), l.bedStatus == BedStatus.OCCUPIED);
        // Occupied comes only from an admission; the form never offers it.
        List<Views.Option> statuses = Arrays.stream(BedStatus.values()).filter(s -> s != BedStatus.OCCUPIED)
                .map(s -> new Views.Option(s.name(), Views.label(s), s.name().equals(status))).toList();
        String ward = l.wardId() == null ? null : l.wardId().toString();
        return edit.data("chrome", chrome.of(f, "")).data("facility", Views.FacilityRow.of(f)).data("location", form)
                .data("statuses", statuses).data("ward", ward).data("errors", errors);
    }
}
