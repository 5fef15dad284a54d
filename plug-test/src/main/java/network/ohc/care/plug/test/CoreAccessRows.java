package network.ohc.care.plug.test;

import static network.ohc.care.plug.test.AccessMatrix.as;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Core's rows of the {@link AccessMatrix}: who may call each of core's operations. Each call builds the data it acts on
 * in the "own" facility (as the superuser), so every principal is tried on a fresh record.
 */
public final class CoreAccessRows {
    static final Set<String> ALL = AccessMatrix.ALL_ROLES;
    static final Set<String> ADMIN = Set.of("ADMIN");
    static final Set<String> CARE = Set.of("ADMIN", "DOCTOR", "NURSE");
    static final Set<String> DISCHARGE = Set.of("ADMIN", "DOCTOR");

    private CoreAccessRows() {
    }

    /**
     * Adds core's rows. {@code deadLetter} gives "subscriber/id" of an open dead letter for the discard row (the
     * superuser's call, tried last, discards it).
     */
    public static AccessMatrix addTo(AccessMatrix m, String own, Supplier<String> deadLetter) {
        String ward = CareHarness.location(own, "WARD", CareHarness.unique("Ward"), null);
        String fac = "/api/v1/facilities/" + own;
        String letter = deadLetter.get();
        String subscriber = letter.split("/")[0];
        m.publicOp("POST /api/v1/auth/login");
        // Refresh takes the refresh token in its body, no bearer token: like sign-in, not tried here (TokenLifetimeTest).
        m.publicOp("POST /api/v1/auth/refresh");
        m.signedIn("GET /api/v1/auth/me", t -> as(t).get("/api/v1/auth/me"));
        // The signal contracts, like the OpenAPI document, are public.
        m.publicOp("GET /api/v1/bus/asyncapi");
        // The plugs in the build and their (secret-masked) configuration: any signed-in user sees them.
        m.signedIn("GET /api/v1/plugs", t -> as(t).get("/api/v1/plugs"));

        m.signedIn("GET /api/v1/facilities", t -> as(t).get("/api/v1/facilities"));
        m.superuser("POST /api/v1/facilities", t -> as(t).body(Map.of("name", CareHarness.unique("F"), "kind", "CLINIC"))
                .post("/api/v1/facilities"));
        m.facility("GET /api/v1/facilities/{id}", ALL, t -> as(t).get(fac));
        m.facility("PATCH /api/v1/facilities/{id}", ADMIN, t -> as(t).body(Map.of("district", "Thrissur")).patch(fac));

        m.facility("GET /api/v1/facilities/{facilityId}/locations", ALL, t -> as(t).get(fac + "/locations"));
        m.facility("POST /api/v1/facilities/{facilityId}/locations", ADMIN, t -> as(t)
                .body(Map.of("kind", "BED", "name", CareHarness.unique("Bed"), "parentId", ward)).post(fac + "/locations"));
        m.facility("GET /api/v1/facilities/{facilityId}/locations/{id}", ALL, t -> as(t).get(fac + "/locations/" + ward));
        m.facility("PATCH /api/v1/facilities/{facilityId}/locations/{id}", ADMIN, t -> {
            String bed = CareHarness.location(own, "BED", CareHarness.unique("Bed"), ward);
            return as(t).body(Map.of("name", CareHarness.unique("Renamed"), "active", false)).patch(fac + "/locations/" + bed);
        });

        m.facility("GET /api/v1/facilities/{facilityId}/staff", ALL, t -> as(t).get(fac + "/staff"));
        m.facility("POST /api/v1/facilities/{facilityId}/staff", ADMIN,
                t -> as(t).body(Map.of("userId", newUser(), "role", "ADMIN")).post(fac + "/staff"));
        m.facility("DELETE /api/v1/facilities/{facilityId}/staff/{grantId}", ADMIN, t -> {
            String grant = CareHarness.as(CareHarness.admin()).body(Map.of("userId", newUser(), "role", "NURSE")).post(fac + "/staff")
                    .then().statusCode(201).extract().path("grantId");
            return as(t).delete(fac + "/staff/" + grant);
        });

        m.superuser("GET /api/v1/users", t -> as(t).get("/api/v1/users"));
        m.adminAnywhere("POST /api/v1/users", t -> as(t).body(Map.of("username", CareHarness.unique("u").toLowerCase(), "password",
                CareHarness.STAFF_PASSWORD, "fullName", "U")).post("/api/v1/users"));
        m.superuser("GET /api/v1/users/{id}", t -> as(t).get("/api/v1/users/" + newUser()));
        m.superuser("PATCH /api/v1/users/{id}", t -> as(t).body(Map.of("fullName", "Renamed")).patch("/api/v1/users/" + newUser()));

        m.signedIn("GET /api/v1/patients", t -> as(t).get("/api/v1/patients"));
        m.facility("POST /api/v1/patients", ALL, t -> as(t)
                .body(Map.of("facilityId", own, "name", "P", "sex", "MALE", "age", 30)).post("/api/v1/patients"));
        m.facility("GET /api/v1/patients/{id}", ALL, t -> as(t).get("/api/v1/patients/" + CareHarness.patient(own)));
        m.facility("PATCH /api/v1/patients/{id}", ALL, t -> as(t).body(Map.of("phone", "+91 98470 12345"))
                .patch("/api/v1/patients/" + CareHarness.patient(own)));

        String enc = "/api/v1/encounters/";
        m.signedIn("GET /api/v1/encounters", t -> as(t).get("/api/v1/encounters"));
        m.facility("POST /api/v1/encounters", CARE, t -> as(t)
                .body(Map.of("patientId", CareHarness.patient(own), "encounterClass", "INPATIENT")).post("/api/v1/encounters"));
        m.facility("GET /api/v1/encounters/{id}", ALL, t -> as(t).get(enc + encounter(own, "PLANNED")));
        m.facility("GET /api/v1/encounters/{id}/beds", ALL, t -> as(t).get(enc + encounter(own, "IN_PROGRESS") + "/beds"));
        m.facility("POST /api/v1/encounters/{id}/start", CARE, t -> as(t).post(enc + encounter(own, "PLANNED") + "/start"));
        m.facility("POST /api/v1/encounters/{id}/admit", CARE, t -> {
            String bed = CareHarness.location(own, "BED", CareHarness.unique("Bed"), ward);
            return as(t).body(Map.of("bedId", bed)).post(enc + encounter(own, "IN_PROGRESS") + "/admit");
        });
        m.facility("POST /api/v1/encounters/{id}/transfer", CARE, t -> {
            String e = encounter(own, "IN_PROGRESS");
            CareHarness.admit(e, CareHarness.location(own, "BED", CareHarness.unique("Bed"), ward)).statusCode(200);
            String bed = CareHarness.location(own, "BED", CareHarness.unique("Bed"), ward);
            return as(t).body(Map.of("bedId", bed)).post(enc + e + "/transfer");
        });
        m.facility("POST /api/v1/encounters/{id}/discharge", DISCHARGE,
                t -> as(t).body(Map.of("disposition", "HOME")).post(enc + encounter(own, "IN_PROGRESS") + "/discharge"));
        m.facility("POST /api/v1/encounters/{id}/cancel", CARE,
                t -> as(t).body(Map.of("reason", "entered in error")).post(enc + encounter(own, "PLANNED") + "/cancel"));

        // The patient access audit: a facility's admins read their facility's records.
        m.facility("GET /api/v1/audit", ADMIN, t -> as(t).get("/api/v1/audit?facilityId=" + own));

        String bus = "/api/v1/bus/subscriptions";
        m.superuser("GET " + bus, t -> as(t).get(bus));
        m.superuser("GET " + bus + "/{name}/dead-letters", t -> as(t).get(bus + "/" + subscriber + "/dead-letters"));
        // Replaying from the head redelivers nothing: the row checks who may, without disturbing other tests.
        m.superuser("POST " + bus + "/{name}/replay",
                t -> as(t).body(Map.of("fromPosition", CareHarness.head())).post(bus + "/" + subscriber + "/replay"));
        m.superuser("POST " + bus + "/{name}/dead-letters/{id}/discard", t -> as(t).post(bus + "/" + letter.replace("/",
                "/dead-letters/") + "/discard"));
        return m;
    }

    /**
     * A nurse (or any role but ADMIN) granting herself ADMIN is refused, and she holds no more roles afterwards.
     * Returns a description of what went wrong, or null.
     */
    public static String selfEscalation(String own, String role) {
        String token = CareHarness.staff(own, role);
        String me = as(token).get("/api/v1/auth/me").then().statusCode(200).extract().path("id");
        int status = as(token).body(Map.of("userId", me, "role", "ADMIN")).post("/api/v1/facilities/" + own + "/staff").statusCode();
        if (status != 403) {
            return role + " granting herself ADMIN got " + status;
        }
        int patch = as(token).body(Map.of("name", "Escalated")).patch("/api/v1/facilities/" + own).statusCode();
        if (patch != 403) {
            return role + " could edit the facility after trying to grant herself ADMIN: " + patch;
        }
        return null;
    }

    /** A facility ADMIN creating a superuser is refused. Returns what went wrong, or null. */
    public static String adminCreatingASuperuser(String own) {
        String token = CareHarness.staff(own, "ADMIN");
        int status = as(token).body(Map.of("username", CareHarness.unique("su").toLowerCase(), "password", CareHarness.STAFF_PASSWORD,
                "fullName", "Would-be superuser", "superuser", true)).post("/api/v1/users").statusCode();
        return status == 403 ? null : "a facility ADMIN creating a superuser got " + status;
    }

    private static String newUser() {
        return CareHarness.as(CareHarness.admin()).body(Map.of("username", CareHarness.unique("u").toLowerCase(), "password",
                CareHarness.STAFF_PASSWORD, "fullName", "U")).post("/api/v1/users").then().statusCode(201).extract().path("id");
    }

    private static String encounter(String facility, String status) {
        return CareHarness.as(CareHarness.admin()).body(Map.of("patientId", CareHarness.patient(facility), "encounterClass", "INPATIENT",
                "status", status)).post("/api/v1/encounters").then().statusCode(201).extract().path("id");
    }
}
