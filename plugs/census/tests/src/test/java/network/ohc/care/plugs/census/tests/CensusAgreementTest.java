package network.ohc.care.plugs.census.tests;

import static network.ohc.care.plug.test.CareHarness.admin;
import static network.ohc.care.plug.test.CareHarness.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import network.ohc.care.plug.test.CareHarness;
import org.junit.jupiter.api.Test;

/**
 * census is kept from signals only; after any sequence of admissions, transfers, discharges and bed changes it must
 * show exactly the occupancy core has.
 */
@QuarkusTest
class CensusAgreementTest {

    /** ward id -> "beds/occupied/free/cleaning/outOfService", from core's own API (the truth). */
    static Map<String, String> coreTruth(String facility) {
        List<Map<String, Object>> locations = as(admin()).queryParam("size", 200).get("/api/v1/facilities/" + facility + "/locations")
                .then().statusCode(200).extract().path("items");
        Map<String, Map<String, Object>> byId = new HashMap<>();
        locations.forEach(l -> byId.put((String) l.get("id"), l));
        Map<String, int[]> counts = new TreeMap<>();
        for (Map<String, Object> l : locations) {
            if (l.get("kind").equals("WARD") && Boolean.TRUE.equals(l.get("active"))) {
                counts.putIfAbsent((String) l.get("id"), new int[5]);
            }
        }
        for (Map<String, Object> l : locations) {
            if (!l.get("kind").equals("BED") || !Boolean.TRUE.equals(l.get("active"))) {
                continue;
            }
            Map<String, Object> w = l;
            while (w.get("parentId") != null) {
                w = byId.get((String) w.get("parentId"));
            }
            int[] c = counts.get((String) w.get("id"));
            if (c == null) {
                continue;
            }
            c[0]++;
            switch ((String) l.get("status")) {
                case "OCCUPIED" -> c[1]++;
                case "FREE" -> c[2]++;
                case "CLEANING" -> c[3]++;
                default -> c[4]++;
            }
        }
        Map<String, String> out = new TreeMap<>();
        counts.forEach((k, c) -> out.put(k, c[0] + "/" + c[1] + "/" + c[2] + "/" + c[3] + "/" + c[4]));
        return out;
    }

    static Map<String, String> census(String facility) {
        List<Map<String, Object>> wards = as(admin()).get("/api/v1/plugs/census/facilities/" + facility).then().statusCode(200)
                .extract().path("wards");
        Map<String, String> out = new TreeMap<>();
        for (Map<String, Object> w : wards) {
            @SuppressWarnings("unchecked")
            Map<String, Integer> c = (Map<String, Integer>) w.get("counts");
            out.put((String) w.get("wardId"), c.get("beds") + "/" + c.get("occupied") + "/" + c.get("free") + "/" + c.get("cleaning")
                    + "/" + c.get("outOfService"));
        }
        return out;
    }

    /** Two wards, one with beds inside a room, and a random walk of bed operations, checked against core as it goes. */
    @Test
    void agreesWithCoreUnderRandomSequences() {
        for (long seed : new long[] {1, 2, 3}) {
            Random random = new Random(seed);
            String f = CareHarness.facility();
            List<String> beds = new ArrayList<>(CareHarness.ward(f, 3).beds());
            String ward2 = CareHarness.location(f, "WARD", CareHarness.unique("Ward"), null);
            String room = CareHarness.location(f, "ROOM", "Room 1", ward2);
            for (int i = 0; i < 3; i++) {
                beds.add(CareHarness.location(f, "BED", "Room bed " + i, room));
            }
            List<String> encounters = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                encounters.add(CareHarness.inpatient(f));
            }
            Map<String, String> bedOf = new HashMap<>();
            for (int step = 0; step < 40; step++) {
                String enc = encounters.get(random.nextInt(encounters.size()));
                String bed = beds.get(random.nextInt(beds.size()));
                switch (random.nextInt(5)) {
                    case 0, 1 -> {
                        // admit or transfer: refused (409) when the bed is taken, which must change nothing
                        int status = (bedOf.containsKey(enc) ? CareHarness.transfer(enc, bed) : CareHarness.admit(enc, bed))
                                .extract().statusCode();
                        if (status == 200) {
                            bedOf.put(enc, bed);
                        }
                    }
                    case 2 -> {
                        if (bedOf.remove(enc) != null) {
                            CareHarness.discharge(enc).statusCode(200);
                            encounters.remove(enc);
                            encounters.add(CareHarness.inpatient(f));
                        }
                    }
                    case 3 -> as(admin()).body(Map.of("status", random.nextBoolean() ? "FREE" : "OUT_OF_SERVICE"))
                            .patch("/api/v1/facilities/" + f + "/locations/" + bed).then().extract().statusCode();
                    default -> {
                        CareHarness.awaitDelivered("census");
                        assertEquals(coreTruth(f), census(f), "seed " + seed + ", step " + step);
                    }
                }
            }
            CareHarness.awaitDelivered("census");
            Map<String, String> truth = coreTruth(f);
            assertEquals(2, truth.size());
            assertEquals(truth, census(f), "seed " + seed);
        }
    }

    /** Replaying every signal (at-least-once delivery, or an operator's replay) leaves the read model as it was. */
    @Test
    void replayingEverythingChangesNothing() {
        String f = CareHarness.facility();
        CareHarness.Ward w = CareHarness.ward(f, 2);
        String enc = CareHarness.inpatient(f);
        CareHarness.admit(enc, w.beds().get(0)).statusCode(200);
        CareHarness.transfer(enc, w.beds().get(1)).statusCode(200);
        CareHarness.awaitDelivered("census");
        Map<String, String> before = census(f);
        assertEquals("2/1/0/1/0", before.get(w.id()));
        // Everything again; census handles at least this test's 3 locations created and 3 bed changes.
        CareHarness.replayFrom("census", 0, 6);
        assertEquals(before, census(f));
        assertEquals(coreTruth(f), census(f));
    }

    @Test
    void onlyStaffOfTheFacilitySeeIt() {
        String f = CareHarness.facility();
        String other = CareHarness.facility();
        String nurseHere = CareHarness.staff(f, "NURSE");
        String nurseElsewhere = CareHarness.staff(other, "NURSE");
        as(nurseHere).get("/api/v1/plugs/census/facilities/" + f).then().statusCode(200);
        as(nurseElsewhere).get("/api/v1/plugs/census/facilities/" + f).then().statusCode(404)
                .contentType("application/problem+json");
        RestAssured.get("/api/v1/plugs/census/facilities/" + f).then().statusCode(401);
    }

    @Test
    void appearsInOpenApiAndHealth() {
        String openapi = RestAssured.get("/q/openapi").then().statusCode(200).extract().asString();
        assertTrue(openapi.contains("/api/v1/plugs/census/facilities/{facilityId}"), "census endpoint in OpenAPI");
        CareHarness.readiness().statusCode(200)
                .body("checks.find { it.name == 'plug-census' }.status", org.hamcrest.Matchers.equalTo("UP"));
        RestAssured.get("/q/health/ready").then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("UP"));
    }
}
