package network.ohc.care.core.staff;

import static network.ohc.care.core.TestApi.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import network.ohc.care.core.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Role x facility matrix: every role of facility A against every operation on A's records (allowed or 403),
 * and every role of facility B against A's records (always 404: B's staff cannot even tell they exist).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {
    static final List<String> ROLES = List.of("ADMIN", "DOCTOR", "NURSE", "STAFF");

    String facilityA;
    String facilityB;
    String wardA;
    final Map<String, String> tokensA = new java.util.HashMap<>();
    final Map<String, String> tokensB = new java.util.HashMap<>();

    private boolean ready;

    /** Once per class, but after Quarkus has told RestAssured its port (not yet known in @BeforeAll). */
    @BeforeEach
    void setUp() {
        if (ready) {
            return;
        }
        ready = true;
        facilityA = TestApi.facility();
        facilityB = TestApi.facility();
        wardA = TestApi.location(facilityA, "WARD", TestApi.unique("Ward"), null);
        for (String role : ROLES) {
            tokensA.put(role, TestApi.staff(facilityA, role));
            tokensB.put(role, TestApi.staff(facilityB, role));
        }
    }

    /** One operation on facility A's data: which roles of A may do it, and the request (fresh data each call). */
    record Op(String name, Set<String> allowed, int okStatus, BiFunction<String, AccessMatrixTest, Response> call) {
    }

    List<Op> operations() {
        List<Op> ops = new ArrayList<>();
        Set<String> all = Set.copyOf(ROLES);
        ops.add(new Op("read facility", all, 200, (t, s) -> as(t).get("/api/v1/facilities/" + s.facilityA)));
        ops.add(new Op("update facility", Set.of("ADMIN"), 200,
                (t, s) -> as(t).body(Map.of("district", "Thrissur")).patch("/api/v1/facilities/" + s.facilityA)));
        ops.add(new Op("list locations", all, 200, (t, s) -> as(t).get("/api/v1/facilities/" + s.facilityA + "/locations")));
        ops.add(new Op("create location", Set.of("ADMIN"), 201, (t, s) -> as(t)
                .body(Map.of("kind", "BED", "name", TestApi.unique("Bed"), "parentId", s.wardA))
                .post("/api/v1/facilities/" + s.facilityA + "/locations")));
        ops.add(new Op("set bed status", Set.of("ADMIN", "NURSE", "STAFF"), 200, (t, s) -> {
            String bed = TestApi.location(s.facilityA, "BED", TestApi.unique("Bed"), s.wardA);
            return as(t).body(Map.of("status", "CLEANING")).patch("/api/v1/facilities/" + s.facilityA + "/locations/" + bed);
        }));
        ops.add(new Op("list staff", all, 200, (t, s) -> as(t).get("/api/v1/facilities/" + s.facilityA + "/staff")));
        ops.add(new Op("register patient", all, 201, (t, s) -> as(t)
                .body(Map.of("facilityId", s.facilityA, "name", "P", "sex", "MALE", "age", 30)).post("/api/v1/patients")));
        ops.add(new Op("read patient", all, 200, (t, s) -> as(t).get("/api/v1/patients/" + TestApi.patient(s.facilityA))));
        ops.add(new Op("update patient", all, 200, (t, s) -> as(t).body(Map.of("phone", "+91 98470 12345"))
                .patch("/api/v1/patients/" + TestApi.patient(s.facilityA))));
        ops.add(new Op("open encounter", Set.of("ADMIN", "DOCTOR", "NURSE"), 201, (t, s) -> as(t)
                .body(Map.of("patientId", TestApi.patient(s.facilityA), "encounterClass", "INPATIENT")).post("/api/v1/encounters")));
        ops.add(new Op("read encounter", all, 200,
                (t, s) -> as(t).get("/api/v1/encounters/" + TestApi.encounter(TestApi.patient(s.facilityA), "OUTPATIENT", "PLANNED"))));
        ops.add(new Op("admit", Set.of("ADMIN", "DOCTOR", "NURSE"), 200, (t, s) -> {
            String bed = TestApi.location(s.facilityA, "BED", TestApi.unique("Bed"), s.wardA);
            String enc = TestApi.encounter(TestApi.patient(s.facilityA), "INPATIENT", "IN_PROGRESS");
            return as(t).body(Map.of("bedId", bed)).post("/api/v1/encounters/" + enc + "/admit");
        }));
        ops.add(new Op("discharge", Set.of("ADMIN", "DOCTOR"), 200, (t, s) -> {
            String enc = TestApi.encounter(TestApi.patient(s.facilityA), "OUTPATIENT", "IN_PROGRESS");
            return as(t).body(Map.of("disposition", "HOME")).post("/api/v1/encounters/" + enc + "/discharge");
        }));
        return ops;
    }

    @Test
    void rolesOfTheFacilityGetExactlyWhatTheirRoleAllows() {
        List<String> failures = new ArrayList<>();
        for (Op op : operations()) {
            for (String role : ROLES) {
                Response r = op.call().apply(tokensA.get(role), this);
                int expected = op.allowed().contains(role) ? op.okStatus() : 403;
                if (r.statusCode() != expected) {
                    failures.add(op.name() + " as " + role + " of A: expected " + expected + ", got " + r.statusCode() + " "
                            + r.body().asString());
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void rolesOfAnotherFacilitySeeNothing() {
        List<String> failures = new ArrayList<>();
        for (Op op : operations()) {
            if (op.name().equals("register patient") || op.name().equals("open encounter")) {
                continue; // these name A's records in the body: checked below
            }
            for (String role : ROLES) {
                Response r = op.call().apply(tokensB.get(role), this);
                if (r.statusCode() != 404) {
                    failures.add(op.name() + " as " + role + " of B: expected 404, got " + r.statusCode() + " " + r.body().asString());
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        for (String role : ROLES) {
            assertEquals(422, as(tokensB.get(role)).body(Map.of("facilityId", facilityA, "name", "P", "sex", "MALE", "age", 30))
                    .post("/api/v1/patients").statusCode(), "register at A as " + role + " of B");
            assertEquals(422, as(tokensB.get(role)).body(Map.of("patientId", TestApi.patient(facilityA), "encounterClass", "INPATIENT"))
                    .post("/api/v1/encounters").statusCode(), "encounter for A's patient as " + role + " of B");
        }
    }

    @Test
    void listsOnlyShowTheUsersFacilities() {
        String patientA = TestApi.patient(facilityA);
        for (String role : ROLES) {
            List<String> facilities = as(tokensB.get(role)).queryParam("size", 200).get("/api/v1/facilities").then().statusCode(200)
                    .extract().path("items.id");
            assertEquals(List.of(facilityB), facilities);
            List<String> patients = as(tokensB.get(role)).queryParam("size", 200).get("/api/v1/patients").then().statusCode(200)
                    .extract().path("items.id");
            assertTrue(!patients.contains(patientA), "B's " + role + " listed a patient of A");
            int filtered = as(tokensB.get(role)).queryParam("facilityId", facilityA).get("/api/v1/patients").then().statusCode(200)
                    .extract().path("total");
            assertEquals(0, filtered);
        }
    }

    @Test
    void onlySuperusersCreateFacilitiesAndUsersWithoutRolesSeeNothing() {
        for (String role : ROLES) {
            assertEquals(403, as(tokensA.get(role)).body(Map.of("name", "X", "kind", "CLINIC")).post("/api/v1/facilities").statusCode());
        }
        String nobody = TestApi.staff(facilityA, null);
        assertEquals(0, (int) as(nobody).get("/api/v1/facilities").then().statusCode(200).extract().path("total"));
        assertEquals(404, as(nobody).get("/api/v1/facilities/" + facilityA).statusCode());
    }

    @Test
    void revokingARoleTakesEffectImmediately() {
        String token = TestApi.staff(facilityA, "NURSE");
        assertEquals(200, as(token).get("/api/v1/facilities/" + facilityA).statusCode());
        String me = as(token).get("/api/v1/auth/me").then().statusCode(200).extract().path("id");
        String grant = as(TestApi.admin()).get("/api/v1/facilities/" + facilityA + "/staff").then().statusCode(200).extract()
                .path("find { it.userId == '" + me + "' }.grantId");
        as(tokensA.get("ADMIN")).delete("/api/v1/facilities/" + facilityA + "/staff/" + grant).then().statusCode(204);
        // Removing a role ends the user's tokens (TokenLifetimeTest shows a new sign-in then holds no role there).
        assertEquals(401, as(token).get("/api/v1/facilities/" + facilityA).statusCode());
    }

    @Test
    void noTokenOrABadTokenIs401() {
        String[] paths = {"/api/v1/facilities", "/api/v1/patients", "/api/v1/encounters", "/api/v1/users", "/api/v1/auth/me",
            "/api/v1/facilities/" + facilityA + "/locations", "/api/v1/facilities/" + facilityA + "/staff"};
        for (String path : paths) {
            io.restassured.RestAssured.given().get(path).then().statusCode(401).contentType("application/problem+json");
            io.restassured.RestAssured.given().header("Authorization", "Bearer not.a.token").get(path).then().statusCode(401);
        }
        io.restassured.RestAssured.given().contentType("application/json").body(Map.of("name", "X", "kind", "CLINIC"))
                .post("/api/v1/facilities").then().statusCode(401);
    }
}
