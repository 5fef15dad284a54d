package network.ohc.care.core.facility;

import static network.ohc.care.core.TestApi.admin;
import static network.ohc.care.core.TestApi.as;
import static network.ohc.care.core.TestApi.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import network.ohc.care.core.TestApi;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FacilityAndLocationTest {

    @Test
    void createReadUpdateAndDeactivateAFacility() {
        String name = TestApi.unique("Taluk Hospital");
        String id = as(admin()).body(Map.of("name", name, "kind", "HOSPITAL", "address", "Main Rd", "district", "Kollam", "state", "Kerala"))
                .post("/api/v1/facilities").then().statusCode(201).header("Location", org.hamcrest.Matchers.containsString("/api/v1/facilities/")).body("name", equalTo(name)).body("active", equalTo(true))
                .body("createdBy", equalTo("admin")).body("createdAt", notNullValue()).extract().path("id");
        as(admin()).get("/api/v1/facilities/" + id).then().statusCode(200).body("district", equalTo("Kollam"));
        as(admin()).body(Map.of("name", name + " (renamed)", "active", false)).patch("/api/v1/facilities/" + id).then().statusCode(200)
                .body("name", equalTo(name + " (renamed)")).body("active", equalTo(false)).body("district", equalTo("Kollam"))
                .body("version", equalTo(1));
        problem(as(admin()).body(Map.of("kind", "BED", "name", "x")).post("/api/v1/facilities/" + id + "/locations").then(), 422);
        problem(as(admin()).body(Map.of("kind", "WARD", "name", "x")).post("/api/v1/facilities/" + id + "/locations").then(), 422);
        problem(as(admin()).get("/api/v1/facilities/" + java.util.UUID.randomUUID()).then(), 404);
    }

    @Test
    void listPagesAndFilters() {
        String tag = TestApi.unique("Filter");
        for (int i = 0; i < 3; i++) {
            as(admin()).body(Map.of("name", tag + " PHC " + i, "kind", "PRIMARY_HEALTH_CENTRE", "district", "Wayanad"))
                    .post("/api/v1/facilities").then().statusCode(201);
        }
        as(admin()).queryParam("name", tag.toLowerCase()).queryParam("size", 2).get("/api/v1/facilities").then().statusCode(200)
                .body("total", equalTo(3)).body("items", hasSize(2)).body("page", equalTo(0)).body("size", equalTo(2));
        as(admin()).queryParam("name", tag).queryParam("size", 2).queryParam("page", 1).get("/api/v1/facilities").then()
                .statusCode(200).body("items", hasSize(1));
        as(admin()).queryParam("kind", "PRIMARY_HEALTH_CENTRE").queryParam("district", "wayanad").get("/api/v1/facilities").then()
                .statusCode(200).body("total", greaterThanOrEqualTo(3)).body("items.kind", everyItem(equalTo("PRIMARY_HEALTH_CENTRE")));
        // LIKE wildcards in the filter are literal text.
        as(admin()).queryParam("name", "%").get("/api/v1/facilities").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void locationTreeRules() {
        String f = TestApi.facility();
        String ward = TestApi.location(f, "WARD", "Surgical", null);
        String room = TestApi.location(f, "ROOM", "Room 1", ward);
        String bedInRoom = TestApi.location(f, "BED", "S1-1", room);
        String bedInWard = TestApi.location(f, "BED", "S-hall-1", ward);
        as(admin()).get("/api/v1/facilities/" + f + "/locations/" + bedInRoom).then().statusCode(200).body("status", equalTo("FREE"))
                .body("parentId", equalTo(room)).body("kind", equalTo("BED"));
        as(admin()).get("/api/v1/facilities/" + f + "/locations/" + ward).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.nullValue());

        String path = "/api/v1/facilities/" + f + "/locations";
        problem(as(admin()).body(Map.of("kind", "WARD", "name", "W2", "parentId", ward)).post(path).then(), 422)
                .body("errors[0].field", equalTo("parentId"));
        problem(as(admin()).body(Map.of("kind", "ROOM", "name", "R")).post(path).then(), 422).body("errors[0].field", equalTo("parentId"));
        problem(as(admin()).body(Map.of("kind", "ROOM", "name", "R", "parentId", room)).post(path).then(), 422)
                .body("errors[0].field", equalTo("parentId"));
        problem(as(admin()).body(Map.of("kind", "BED", "name", "B", "parentId", bedInWard)).post(path).then(), 422);
        problem(as(admin()).body(Map.of("kind", "BED", "name", "B", "parentId", ward, "status", "OCCUPIED")).post(path).then(), 422)
                .body("errors[0].field", equalTo("status"));
        problem(as(admin()).body(Map.of("kind", "WARD", "name", "Surgical")).post(path).then(), 409).body("errors[0].field", equalTo("name"));
        // A parent from another facility is refused.
        String other = TestApi.facility();
        String otherWard = TestApi.location(other, "WARD", "Other", null);
        problem(as(admin()).body(Map.of("kind", "BED", "name", "B", "parentId", otherWard)).post(path).then(), 422);
        problem(as(admin()).get("/api/v1/facilities/" + other + "/locations/" + ward).then(), 404);

        as(admin()).queryParam("kind", "BED").get(path).then().statusCode(200).body("total", equalTo(2));
        as(admin()).queryParam("parentId", room).get(path).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].id", equalTo(bedInRoom));

        // Bed status: free <-> cleaning <-> out of service by hand; occupied only through admission.
        as(admin()).body(Map.of("status", "OUT_OF_SERVICE")).patch(path + "/" + bedInWard).then().statusCode(200)
                .body("status", equalTo("OUT_OF_SERVICE"));
        as(admin()).queryParam("status", "FREE").get(path).then().statusCode(200).body("total", equalTo(1));
        problem(as(admin()).body(Map.of("status", "OCCUPIED")).patch(path + "/" + bedInWard).then(), 422);
        problem(as(admin()).body(Map.of("status", "FREE")).patch(path + "/" + ward).then(), 422);
        // Deactivation: not while something active is inside, not an occupied bed.
        problem(as(admin()).body(Map.of("active", false)).patch(path + "/" + ward).then(), 409);
        as(admin()).body(Map.of("active", false, "name", "S-hall-1 (old)")).patch(path + "/" + bedInWard).then().statusCode(200)
                .body("active", equalTo(false)).body("name", equalTo("S-hall-1 (old)"));
        String enc = TestApi.encounter(TestApi.patient(f), "INPATIENT", "IN_PROGRESS");
        problem(TestApi.admit(admin(), enc, bedInWard), 422);
        TestApi.admit(admin(), enc, bedInRoom).statusCode(200);
        problem(as(admin()).body(Map.of("active", false)).patch(path + "/" + bedInRoom).then(), 409);
        problem(as(admin()).body(Map.of("status", "CLEANING")).patch(path + "/" + bedInRoom).then(), 409);
    }
}
