package network.ohc.care.core.encounter;

import static network.ohc.care.core.TestApi.admin;
import static network.ohc.care.core.TestApi.as;
import static network.ohc.care.core.TestApi.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import network.ohc.care.core.TestApi;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EncounterFlowTest {

    @Test
    void admitTransferDischargeKeepsBedHistoryAndStatuses() {
        String facility = TestApi.facility();
        List<String> ward = TestApi.wardWithBeds(facility, 2);
        String bed1 = ward.get(1);
        String bed2 = ward.get(2);
        String patient = TestApi.patient(facility);
        String enc = TestApi.encounter(patient, "INPATIENT", "PLANNED");

        as(admin()).get("/api/v1/encounters/" + enc).then().statusCode(200).body("status", equalTo("PLANNED"))
                .body("facilityId", equalTo(facility));
        as(admin()).post("/api/v1/encounters/" + enc + "/start").then().statusCode(200).body("status", equalTo("IN_PROGRESS"))
                .body("startedAt", notNullValue());

        TestApi.admit(admin(), enc, bed1).statusCode(200).body("currentBedId", equalTo(bed1));
        bedStatus(facility, bed1, "OCCUPIED");

        as(admin()).body(Map.of("bedId", bed2)).post("/api/v1/encounters/" + enc + "/transfer").then().statusCode(200)
                .body("currentBedId", equalTo(bed2));
        bedStatus(facility, bed1, "CLEANING");
        bedStatus(facility, bed2, "OCCUPIED");

        as(admin()).body(Map.of("disposition", "HOME", "notes", "recovered")).post("/api/v1/encounters/" + enc + "/discharge").then()
                .statusCode(200).body("status", equalTo("COMPLETED")).body("currentBedId", nullValue())
                .body("disposition", equalTo("HOME")).body("endedAt", notNullValue());
        bedStatus(facility, bed2, "CLEANING");

        as(admin()).get("/api/v1/encounters/" + enc + "/beds").then().statusCode(200).body("", hasSize(2))
                .body("[0].bedId", equalTo(bed1)).body("[0].reason", equalTo("ADMISSION")).body("[0].endedAt", notNullValue())
                .body("[1].bedId", equalTo(bed2)).body("[1].reason", equalTo("TRANSFER")).body("[1].endedAt", notNullValue());

        // A completed encounter cannot be admitted, discharged or cancelled again.
        problem(TestApi.admit(admin(), enc, bed1), 409);
        problem(as(admin()).body(Map.of("disposition", "HOME")).post("/api/v1/encounters/" + enc + "/discharge").then(), 409);
        problem(as(admin()).body(Map.of()).post("/api/v1/encounters/" + enc + "/cancel").then(), 409);
    }

    @Test
    void occupiedOrCleaningBedsCannotBeTakenAndOutpatientsAreNotAdmitted() {
        String facility = TestApi.facility();
        List<String> ward = TestApi.wardWithBeds(facility, 1);
        String bed = ward.get(1);
        String a = TestApi.encounter(TestApi.patient(facility), "INPATIENT", "IN_PROGRESS");
        String b = TestApi.encounter(TestApi.patient(facility), "EMERGENCY", "IN_PROGRESS");
        String out = TestApi.encounter(TestApi.patient(facility), "OUTPATIENT", "IN_PROGRESS");

        TestApi.admit(admin(), a, bed).statusCode(200);
        problem(TestApi.admit(admin(), b, bed), 409).body("errors[0].field", equalTo("bedId"));
        problem(TestApi.admit(admin(), out, bed), 422).body("errors[0].field", equalTo("encounterClass"));
        problem(TestApi.admit(admin(), b, ward.get(0)), 422).body("errors[0].field", equalTo("bedId"));

        as(admin()).body(Map.of("disposition", "REFERRED")).post("/api/v1/encounters/" + a + "/discharge").then().statusCode(200);
        problem(TestApi.admit(admin(), b, bed), 409).body("detail", org.hamcrest.Matchers.containsString("cleaning"));
        as(admin()).body(Map.of("status", "FREE")).patch("/api/v1/facilities/" + facility + "/locations/" + bed).then().statusCode(200)
                .body("status", equalTo("FREE"));
        TestApi.admit(admin(), b, bed).statusCode(200);
    }

    @Test
    void cancellingAnAdmittedEncounterFreesTheBed() {
        String facility = TestApi.facility();
        String bed = TestApi.wardWithBeds(facility, 1).get(1);
        String enc = TestApi.encounter(TestApi.patient(facility), "INPATIENT", "PLANNED");
        TestApi.admit(admin(), enc, bed).statusCode(200).body("status", equalTo("IN_PROGRESS"));
        as(admin()).body(Map.of("reason", "entered in error")).post("/api/v1/encounters/" + enc + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancelReason", equalTo("entered in error"));
        bedStatus(facility, bed, "FREE");
        problem(as(admin()).post("/api/v1/encounters/" + enc + "/start").then(), 409);
    }

    @Test
    void listFiltersByFacilityStatusAndClass() {
        String facility = TestApi.facility();
        String p = TestApi.patient(facility);
        String e1 = TestApi.encounter(p, "OUTPATIENT", "IN_PROGRESS");
        TestApi.encounter(p, "INPATIENT", "PLANNED");
        as(admin()).queryParam("facilityId", facility).get("/api/v1/encounters").then().statusCode(200).body("total", equalTo(2));
        as(admin()).queryParam("facilityId", facility).queryParam("status", "IN_PROGRESS").get("/api/v1/encounters").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(e1));
        as(admin()).queryParam("facilityId", facility).queryParam("encounterClass", "INPATIENT").queryParam("size", "1")
                .get("/api/v1/encounters").then().statusCode(200).body("total", equalTo(1)).body("items", hasSize(1));
        problem(as(admin()).queryParam("status", "DONE").get("/api/v1/encounters").then(), 400).body("errors[0].field", equalTo("status"));
    }

    static void bedStatus(String facility, String bed, String status) {
        as(admin()).get("/api/v1/facilities/" + facility + "/locations/" + bed).then().statusCode(200).body("status", equalTo(status));
    }
}
