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
import java.util.Map;
import java.util.UUID;
import network.ohc.care.core.facility.Facility;
import network.ohc.care.core.facility.FacilityDtos;
import network.ohc.care.core.facility.FacilityKind;
import network.ohc.care.core.facility.FacilityService;
import network.ohc.care.core.staff.Access;
import network.ohc.care.core.staff.Permission;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Superusers create facilities; facility admins edit theirs (the API's POST and PATCH of /api/v1/facilities). Under
 * /console/admin: a path below /console/facilities/{id}/manage would be claimed by {@link ManagePages}' class path.
 */
@Path("/console/admin/facilities")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class FacilityEditPages {
    @Inject
    @Location("console/facility-edit")
    Template edit;
    @Inject
    ConsoleChrome chrome;
    @Inject
    FormActions forms;
    @Inject
    FacilityService facilities;
    @Inject
    Access access;
    @Inject
    Validator validator;

    @GET
    @Path("new")
    public Response newFacility() {
        return forms.page(200, () -> {
            Chrome c = chrome.of(null, "");
            access.requireSuperuser();
            return form(c, null, typed(null, "HOSPITAL", null, null, null, null), FormErrors.none());
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String name, @RestForm String kind, @RestForm String address, @RestForm String district,
            @RestForm String state, @RestForm(ConsoleSession.CSRF_FIELD) String csrf) {
        return forms.submit(csrf, () -> {
            Facility f = facilities.create(Forms.valid(validator, new FacilityDtos.CreateFacility(Forms.text(name),
                    Forms.enumValue("kind", kind, FacilityKind.class), Forms.text(address), Forms.text(district), Forms.text(state))));
            return ConsoleSession.ROOT + "/facilities/" + f.id + "/manage";
        }, e -> form(chrome.of(null, ""), null, typed(name, kind, address, district, state, "on"), e));
    }

    @GET
    @Path("{id}")
    public Response details(@PathParam("id") UUID id) {
        return forms.page(200, () -> {
            Facility f = facilities.find(id, Permission.MANAGE_FACILITY);
            return form(chrome.of(f, ""), f, typed(f.name, f.kind.name(), f.address, f.district, f.state, f.active ? "on" : null),
                    FormErrors.none());
        });
    }

    /** Every field is sent as shown; a cleared address, district or state is stored empty. */
    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") UUID id, @RestForm String name, @RestForm String kind, @RestForm String address,
            @RestForm String district, @RestForm String state, @RestForm String active,
            @RestForm(ConsoleSession.CSRF_FIELD) String csrf) {
        return forms.submit(csrf, () -> {
            facilities.update(id, Forms.valid(validator, new FacilityDtos.UpdateFacility(name == null ? "" : name,
                    Forms.enumValue("kind", kind, FacilityKind.class), strip(address), strip(district), strip(state), active != null)));
            return ConsoleSession.ROOT + "/facilities/" + id + "/manage";
        }, e -> {
            Facility f = facilities.find(id, Permission.MANAGE_FACILITY);
            return form(chrome.of(f, ""), f, typed(name, kind, address, district, state, active), e);
        });
    }

    private String form(Chrome c, Facility f, Map<String, String> v, FormErrors errors) {
        return edit.data("chrome", c).data("facility", f == null ? null : Views.FacilityRow.of(f)).data("v", v)
                .data("kinds", PatientPages.options(FacilityKind.values(), v.getOrDefault("kind", ""))).data("errors", errors).render();
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static Map<String, String> typed(String name, String kind, String address, String district, String state, String active) {
        Map<String, String> v = new java.util.HashMap<>();
        v.put("name", name == null ? "" : name);
        v.put("kind", kind == null ? "" : kind);
        v.put("address", address == null ? "" : address);
        v.put("district", district == null ? "" : district);
        v.put("state", state == null ? "" : state);
        if (active != null) {
            v.put("active", "on");
        }
        return v;
    }
}
