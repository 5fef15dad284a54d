package network.ohc.care.core.patient;

import static network.ohc.care.core.TestApi.admin;
import static network.ohc.care.core.TestApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import network.ohc.care.core.TestApi;
import org.junit.jupiter.api.Test;

/** Probe finding 3: a colliding identifier owned where the user holds no role is a generic conflict. */
@QuarkusTest
class IdentifierOracleTest {
    @Test
    void conflictOutsideTheUsersFacilitiesNamesNoIndexAndNoFacility() {
        String facilityA = TestApi.facility();
        String facilityB = TestApi.facility();
        String system = TestApi.unique("https://ndhm.example/id");
        as(admin()).body(Map.of("facilityId", facilityA, "name", "Owner", "sex", "MALE", "age", 30,
                "identifiers", List.of(Map.of("system", system, "value", "NAT-1")))).post("/api/v1/patients").then().statusCode(201);
        String doctorB = TestApi.staff(facilityB, "DOCTOR");
        String own = TestApi.patient(facilityB);
        List<Map<String, String>> probe = List.of(Map.of("system", system, "value", "fresh-" + TestApi.unique("x")),
                Map.of("system", system, "value", "NAT-1"));
        String body = TestApi.problem(as(doctorB).body(Map.of("identifiers", probe)).patch("/api/v1/patients/" + own).then(), 409)
                .body("errors[0].field", equalTo("identifiers")).body("detail", not(containsString(facilityA)))
                .body("detail", not(containsString("["))).extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(body.contains("identifiers[1]"), body);
        // A user who may read the owning facility learns which identifier collided.
        String doctorA = TestApi.staff(facilityA, "DOCTOR");
        String ownA = TestApi.patient(facilityA);
        TestApi.problem(as(doctorA).body(Map.of("identifiers", probe)).patch("/api/v1/patients/" + ownA).then(), 409)
                .body("errors[0].field", equalTo("identifiers[1]"));
    }
}
