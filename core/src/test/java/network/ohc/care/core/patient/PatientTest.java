package network.ohc.care.core.patient;

import static network.ohc.care.core.TestApi.admin;
import static network.ohc.care.core.TestApi.as;
import static network.ohc.care.core.TestApi.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import network.ohc.care.core.TestApi;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PatientTest {

    @Test
    void registerWithDateOfBirthOrAgeAndIdentifiers() {
        String f = TestApi.facility();
        String system = "urn:test:" + TestApi.unique("mrn");
        String id = as(admin()).body(Map.of("facilityId", f, "name", "Anita Joseph", "sex", "FEMALE", "dateOfBirth", "1990-05-17",
                "phone", "+91 98470 00000", "address", "Kochi", "identifiers", List.of(Map.of("system", system, "value", "A-1"))))
                .post("/api/v1/patients").then().statusCode(201).body("name", equalTo("Anita Joseph"))
                .body("age", equalTo(Period.between(LocalDate.of(1990, 5, 17), LocalDate.now()).getYears()))
                .body("identifiers[0].system", equalTo(system)).body("identifiers[0].value", equalTo("A-1"))
                .body("facilityId", equalTo(f)).extract().path("id");
        as(admin()).body(Map.of("facilityId", f, "name", "Unknown Age", "sex", "UNKNOWN", "age", 60)).post("/api/v1/patients").then()
                .statusCode(201).body("age", equalTo(60)).body("dateOfBirth", nullValue());

        // Identifiers are unique per system.
        problem(as(admin()).body(Map.of("facilityId", f, "name", "Dup", "sex", "MALE", "age", 3,
                "identifiers", List.of(Map.of("system", system, "value", "A-1")))).post("/api/v1/patients").then(), 409)
                .body("errors[0].field", equalTo("identifiers[0]"));

        as(admin()).queryParam("identifierSystem", system).queryParam("identifierValue", "A-1").get("/api/v1/patients").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id));
        as(admin()).queryParam("facilityId", f).queryParam("name", "anita").get("/api/v1/patients").then().statusCode(200)
                .body("items", hasSize(1));
        as(admin()).queryParam("phone", "+91 98470 00000").queryParam("facilityId", f).get("/api/v1/patients").then().statusCode(200)
                .body("total", equalTo(1));

        // Update: named fields change, others stay; identifiers are added.
        as(admin()).body(Map.of("age", 34, "identifiers", List.of(Map.of("system", system, "value", "A-2"))))
                .patch("/api/v1/patients/" + id).then().statusCode(200).body("age", equalTo(34)).body("dateOfBirth", nullValue())
                .body("identifiers", hasSize(2)).body("name", equalTo("Anita Joseph")).body("version", equalTo(1));
        as(admin()).body(Map.of("active", false)).patch("/api/v1/patients/" + id).then().statusCode(200).body("active", equalTo(false));
        problem(as(admin()).body(Map.of("patientId", id, "encounterClass", "OUTPATIENT")).post("/api/v1/encounters").then(), 422)
                .body("errors[0].field", equalTo("patientId"));
        problem(as(admin()).get("/api/v1/patients/" + java.util.UUID.randomUUID()).then(), 404);
    }

    @Test
    void registeringAtAnUnknownFacilityIs422() {
        problem(as(admin()).body(Map.of("facilityId", java.util.UUID.randomUUID().toString(), "name", "X", "sex", "MALE", "age", 1))
                .post("/api/v1/patients").then(), 422).body("errors[0].field", equalTo("facilityId"));
    }
}
