package network.ohc.care.core.console;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
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
import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import network.ohc.care.bus.contracts.EncounterClass;
import network.ohc.care.bus.contracts.EncounterStatus;
import network.ohc.care.bus.contracts.Sex;
import network.ohc.care.core.api.ProblemException;
import network.ohc.care.core.common.Paging;
import network.ohc.care.core.encounter.Encounter;
import network.ohc.care.core.encounter.EncounterDtos;
import network.ohc.care.core.encounter.EncounterService;
import network.ohc.care.core.facility.Facility;
import network.ohc.care.core.facility.FacilityService;
import network.ohc.care.core.patient.Patient;
import network.ohc.care.core.patient.PatientDtos;
import network.ohc.care.core.patient.PatientService;
import network.ohc.care.core.staff.Access;
import network.ohc.care.core.staff.Permission;
import org.jboss.resteasy.reactive.RestForm;

/** Register and search patients; a patient's page with their encounters and the form to open one. */
@Path("/console")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class PatientPages {
    @Inject
    @Location("console/patients")
    Template patients;
    @Inject
    @Location("console/patient")
    Template patient;
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
    Access access;
    @Inject
    Validator validator;

    @GET
    @Path("facilities/{id}/patients")
    public Response list(@PathParam("id") UUID id, @QueryParam("q") String q) {
        chrome.requireSession();
        return html(200, QuarkusTransaction.requiringNew().call(() -> listPage(id, q, Map.of(), FormErrors.none())));
    }

    @POST
    @Path("facilities/{id}/patients")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(@PathParam("id") UUID id, @RestForm String name, @RestForm String sex, @RestForm String dateOfBirth,
            @RestForm String age, @RestForm String phone, @RestForm String address, @RestForm String identifierSystem,
            @RestForm String identifierValue, @RestForm(ConsoleSession.CSRF_FIELD) String csrf) {
        chrome.requireSession();
        session.checkCsrf(csrf);
        Map<String, String> values = new HashMap<>();
        values.put("name", name == null ? "" : name);
        values.put("sex", sex == null ? "" : sex);
        values.put("dateOfBirth", dateOfBirth == null ? "" : dateOfBirth);
        values.put("age", age == null ? "" : age);
        values.put("phone", phone == null ? "" : phone);
        values.put("address", address == null ? "" : address);
        values.put("identifierSystem", identifierSystem == null ? "" : identifierSystem);
        values.put("identifierValue", identifierValue == null ? "" : identifierValue);
        try {
            List<PatientDtos.IdentifierInput> ids = Forms.text(identifierValue) == null ? null
                    : List.of(new PatientDtos.IdentifierInput(Forms.text(identifierSystem) == null ? "local" : identifierSystem.strip(),
                            identifierValue.strip()));
            PatientDtos.RegisterPatient body = Forms.valid(validator, new PatientDtos.RegisterPatient(id, Forms.text(name),
                    Forms.date("dateOfBirth", dateOfBirth), Forms.integer("age", age), Forms.enumValue("sex", sex, Sex.class),
                    Forms.text(phone), Forms.text(address), ids));
            Patient p = patientService.register(body);
            return Response.seeOther(URI.create(ConsoleSession.ROOT + "/patients/" + p.id)).build();
        } catch (ProblemException e) {
            return reshow(id, values, FormErrors.of(e));
        } catch (FormErrors e) {
            return reshow(id, values, e);
        }
    }

    private Response reshow(UUID facilityId, Map<String, String> values, FormErrors e) {
        if (e.status() == 403 || e.status() == 404) {
            return errors.page(e.status(), "Not allowed", e.summary());
        }
        return html(e.status(), QuarkusTransaction.requiringNew().call(() -> listPage(facilityId, null, values, e)));
    }

    private static final List<String> FIELDS = List.of("name", "sex", "dateOfBirth", "age", "phone", "address", "identifierSystem",
            "identifierValue");

    private String listPage(UUID id, String q, Map<String, String> submitted, FormErrors formErrors) {
        Map<String, String> values = new HashMap<>();
        for (String field : FIELDS) {
            values.put(field, submitted.getOrDefault(field, ""));
        }
        Facility f = facilityService.find(id, Permission.READ);
        String query = Forms.text(q);
        List<Views.PatientRow> found = patientService.list(id, query, null, null, null, null, Paging.of(0, 50)).items().stream()
                .map(Views.PatientRow::of).toList();
        return patients.data("chrome", chrome.of(f, ConsoleSession.ROOT + "/facilities/" + id + "/patients"))
                .data("facility", Views.FacilityRow.of(f)).data("q", query == null ? "" : query).data("found", found)
                .data("canRegister", access.can(id, Permission.REGISTER_PATIENT))
                .data("sexes", options(Sex.values(), values.getOrDefault("sex", ""))).data("v", values).data("errors", formErrors)
                .render();
    }

    @GET
    @Path("patients/{id}")
    public Response show(@PathParam("id") UUID id) {
        chrome.requireSession();
        return html(200, QuarkusTransaction.requiringNew().call(() -> patientPage(id, FormErrors.none())));
    }

    @POST
    @Path("patients/{id}/encounters")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response open(@PathParam("id") UUID id, @RestForm String encounterClass, @RestForm(ConsoleSession.CSRF_FIELD) String csrf) {
        chrome.requireSession();
        session.checkCsrf(csrf);
        try {
            EncounterClass cls = Forms.enumValue("encounterClass", encounterClass, EncounterClass.class);
            EncounterDtos.CreateEncounter body = Forms.valid(validator,
                    new EncounterDtos.CreateEncounter(id, cls, EncounterStatus.IN_PROGRESS));
            Encounter e = encounterService.create(body);
            return Response.seeOther(URI.create(ConsoleSession.ROOT + "/encounters/" + e.id)).build();
        } catch (ProblemException e) {
            return reshowPatient(id, FormErrors.of(e));
        } catch (FormErrors e) {
            return reshowPatient(id, e);
        }
    }

    private Response reshowPatient(UUID id, FormErrors e) {
        if (e.status() == 403 || e.status() == 404) {
            return errors.page(e.status(), "Not allowed", e.summary());
        }
        return html(e.status(), QuarkusTransaction.requiringNew().call(() -> patientPage(id, e)));
    }

    private String patientPage(UUID id, FormErrors formErrors) {
        Patient p = patientService.find(id, Permission.READ);
        Facility f = facilityService.find(p.facilityId, Permission.READ);
        List<Encounter> encounters = encounterService.list(null, p.id, null, null, null, Paging.of(0, 50)).items();
        List<Views.EncounterRow> rows = encounters.stream().map(e -> Views.EncounterRow.of(e, bedName(e.currentBedId))).toList();
        TemplateInstance t = patient.data("chrome", chrome.of(f, "")).data("facility", Views.FacilityRow.of(f))
                .data("patient", Views.PatientRow.of(p)).data("encounters", rows)
                .data("canOpen", access.can(f.id, Permission.CARE) && p.active)
                .data("classes", options(EncounterClass.values(), "INPATIENT")).data("errors", formErrors);
        return t.render();
    }

    static String bedName(UUID bedId) {
        if (bedId == null) {
            return null;
        }
        network.ohc.care.core.location.Location bed = network.ohc.care.core.location.Location.findById(bedId);
        return bed == null ? null : bed.name;
    }

    static List<Views.Option> options(Enum<?>[] values, String selected) {
        return Arrays.stream(values).map(v -> new Views.Option(v.name(), Views.label(v), v.name().equals(selected))).toList();
    }

    static Response html(int status, String body) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(body).build();
    }
}
