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
import java.util.function.Supplier;
import network.ohc.care.bus.contracts.Disposition;
import network.ohc.care.bus.contracts.EncounterStatus;
import network.ohc.care.core.api.ProblemException;
import network.ohc.care.core.encounter.BedAssignment;
import network.ohc.care.core.encounter.Encounter;
import network.ohc.care.core.encounter.EncounterDtos;
import network.ohc.care.core.encounter.EncounterService;
import network.ohc.care.core.facility.Facility;
import network.ohc.care.core.facility.FacilityService;
import network.ohc.care.core.patient.Patient;
import network.ohc.care.core.patient.PatientService;
import network.ohc.care.core.staff.Access;
import network.ohc.care.core.staff.Permission;
import org.jboss.resteasy.reactive.RestForm;

/** The encounter page: admit, transfer (picking among free beds) and discharge, each as the API does it. */
@Path("/console/encounters")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class EncounterPages {
    @Inject
    @Location("console/encounter")
    Template encounter;
    @Inject
    ConsoleChrome chrome;
    @Inject
    ConsoleSession session;
    @Inject
    ConsoleErrors errors;
    @Inject
    FacilityService facilityService;
    @Inject
    PatientService patientService;
    @Inject
    EncounterService encounterService;
    @Inject
    BedBoard board;
    @Inject
    Access access;
    @Inject
    Validator validator;
    @Inject
    EncounterTabs tabs;

    @io.quarkus.qute.TemplateData
    record BedGroup(String ward, List<Views.Option> beds) {
    }

    @io.quarkus.qute.TemplateData
    record Stay(String bed, String reason, String started, String ended) {
    }

    @GET
    @Path("{id}")
    public Response show(@PathParam("id") UUID id) {
        chrome.requireSession();
        return PatientPages.html(200, QuarkusTransaction.requiringNew().call(() -> page(id, FormErrors.none())));
    }

    @POST
    @Path("{id}/admit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response admit(@PathParam("id") UUID id, @RestForm String bedId, @RestForm(ConsoleSession.CSRF_FIELD) String csrf) {
        return act(id, csrf, () -> encounterService.admit(id, bed(bedId)));
    }

    @POST
    @Path("{id}/transfer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response transfer(@PathParam("id") UUID id, @RestForm String bedId, @RestForm(ConsoleSession.CSRF_FIELD) String csrf) {
        return act(id, csrf, () -> encounterService.transfer(id, bed(bedId)));
    }

    @POST
    @Path("{id}/discharge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response discharge(@PathParam("id") UUID id, @RestForm String disposition, @RestForm String notes,
            @RestForm(ConsoleSession.CSRF_FIELD) String csrf) {
        return act(id, csrf, () -> encounterService.discharge(id, Forms.valid(validator,
                new EncounterDtos.Discharge(Forms.enumValue("disposition", disposition, Disposition.class), Forms.text(notes)))));
    }

    private UUID bed(String bedId) {
        UUID bed = Forms.uuid("bedId", bedId);
        if (bed == null) {
            throw FormErrors.field("bedId", "choose a free bed");
        }
        return Forms.valid(validator, new EncounterDtos.BedRequest(bed)).bedId();
    }

    private Response act(UUID id, String csrf, Supplier<Encounter> action) {
        chrome.requireSession();
        session.checkCsrf(csrf);
        FormErrors failed;
        try {
            action.get();
            return Response.seeOther(URI.create(ConsoleSession.ROOT + "/encounters/" + id)).build();
        } catch (ProblemException e) {
            failed = FormErrors.of(e);
        } catch (FormErrors e) {
            failed = e;
        }
        if (failed.status() == 403 || failed.status() == 404) {
            return errors.page(failed.status(), "Not allowed", failed.summary());
        }
        FormErrors shown = failed;
        return PatientPages.html(failed.status(), QuarkusTransaction.requiringNew().call(() -> page(id, shown)));
    }

    private String page(UUID id, FormErrors formErrors) {
        Encounter e = encounterService.get(id);
        Patient p = patientService.find(e.patientId, Permission.READ);
        Facility f = facilityService.find(e.facilityId, Permission.READ);
        boolean open = e.status == EncounterStatus.IN_PROGRESS || e.status == EncounterStatus.PLANNED;
        boolean canCare = access.can(f.id, Permission.CARE);
        List<BedGroup> free = new ArrayList<>();
        if (open && canCare) {
            for (BedBoard.Ward w : board.bedsByWard(f.id)) {
                List<Views.Option> beds = w.beds().stream().filter(BedBoard.Bed::free)
                        .map(b -> new Views.Option(b.id(), b.place().isEmpty() ? b.name() : b.place() + " · " + b.name(), false)).toList();
                if (!beds.isEmpty()) {
                    free.add(new BedGroup(w.name(), beds));
                }
            }
        }
        List<Stay> stays = BedAssignment.<BedAssignment>list("encounterId = ?1 order by startedAt, id", e.id).stream()
                .map(a -> new Stay(PatientPages.bedName(a.bedId), Views.label(Reason.of(a.reason)), Views.when(a.startedAt),
                        Views.when(a.endedAt)))
                .toList();
        return encounter.data("chrome", chrome.of(f, "")).data("facility", Views.FacilityRow.of(f))
                .data("patient", Views.PatientRow.of(p)).data("enc", Views.EncounterRow.of(e, PatientPages.bedName(e.currentBedId)))
                .data("freeBeds", free).data("stays", stays)
                .data("canAdmit", open && canCare && e.currentBedId == null
                        && e.encounterClass != network.ohc.care.bus.contracts.EncounterClass.OUTPATIENT)
                .data("canTransfer", e.status == EncounterStatus.IN_PROGRESS && canCare && e.currentBedId != null)
                .data("canDischarge", e.status == EncounterStatus.IN_PROGRESS && access.can(f.id, Permission.DISCHARGE))
                .data("dispositions", PatientPages.options(Disposition.values(), "HOME"))
                .data("tabs", tabs.render(e))
                .data("errors", formErrors).render();
    }

    /** Bed stay reasons as words. */
    enum Reason {
        ADMISSION, TRANSFER, OTHER;

        static Reason of(String s) {
            try {
                return valueOf(s);
            } catch (RuntimeException e) {
                return OTHER;
            }
        }
    }
}
