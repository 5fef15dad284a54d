package network.ohc.care.core.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import network.ohc.care.bus.contracts.BedStatus;
import network.ohc.care.bus.contracts.LocationKind;
import network.ohc.care.core.TestApi;
import network.ohc.care.core.location.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures every console page's server time for a facility of 500 beds (5 wards, 20 rooms, 480 of them free and 20
 * occupied) and prints median and p95 per page. The figure is the page's {@code Server-Timing} header (route to
 * headers sent, rendering included); the localhost round trip is printed beside it. A measurement, not a test: it runs
 * only when asked, and asserts nothing about time (docs/console.md):
 * {@code ./mvnw -pl core test -Dtest=ConsoleRenderTimeTest -Dcare.console.measure=true}, then look for "console render".
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "care.console.measure", matches = "true")
class ConsoleRenderTimeTest {
    private static final int WARMUP = 5;
    private static final int SAMPLES = 40;

    @Test
    void everyPageOfA500BedFacility() {
        String facility = TestApi.facility();
        UUID facilityId = UUID.fromString(facility);
        List<String> wards = new ArrayList<>();
        List<String> beds = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int w = 0; w < 5; w++) {
                Location ward = location(facilityId, LocationKind.WARD, "Ward " + w, null);
                wards.add(ward.id.toString());
                for (int r = 0; r < 4; r++) {
                    Location room = location(facilityId, LocationKind.ROOM, "Room " + w + "." + r, ward.id);
                    for (int b = 0; b < 25; b++) {
                        Location bed = location(facilityId, LocationKind.BED, "Bed " + w + "." + r + "." + b, room.id);
                        bed.bedStatus = b % 7 == 0 ? BedStatus.CLEANING : BedStatus.FREE;
                        beds.add(bed.id.toString());
                    }
                }
            }
        });
        String encounter = null;
        for (int i = 0; i < 20; i++) {
            encounter = TestApi.encounter(TestApi.patient(facility), "INPATIENT", "IN_PROGRESS");
            String bed = QuarkusTransaction.requiringNew().call(() -> Location.<Location>find(
                    "facilityId = ?1 and kind = ?2 and bedStatus = ?3", facilityId, LocationKind.BED, BedStatus.FREE).firstResult().id)
                    .toString();
            TestApi.admit(TestApi.admin(), encounter, bed).statusCode(200);
        }
        String patient = TestApi.patient(facility);
        String waiting = TestApi.encounter(patient, "INPATIENT", "IN_PROGRESS");
        String user = ConsoleTest.user(facility, "NURSE");
        String userId = TestApi.as(TestApi.admin()).get("/api/v1/users?username=" + user).then().extract().path("items[0].id");
        ConsoleClient admin = ConsoleClient.signIn("admin", TestApi.ADMIN_PASSWORD);

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("facility chooser", "/console");
        pages.put("facility (500 beds)", "/console/facilities/" + facility);
        pages.put("bed board (100 beds)", "/console/facilities/" + facility + "/wards/" + wards.get(0));
        pages.put("patients", "/console/facilities/" + facility + "/patients");
        pages.put("patient", "/console/patients/" + patient);
        pages.put("encounter, bed picker", "/console/encounters/" + waiting);
        pages.put("encounter, admitted", "/console/encounters/" + encounter);
        pages.put("manage", "/console/facilities/" + facility + "/manage");
        pages.put("facility edit", "/console/admin/facilities/" + facility);
        pages.put("location edit", "/console/facilities/" + facility + "/manage/locations/" + beds.get(1));
        pages.put("users", "/console/admin/users");
        pages.put("user", "/console/admin/users/" + userId);
        pages.put("deploy: plugs", "/console/deploy/plugs");
        pages.put("deploy: signal delivery", "/console/deploy/bus");
        pages.put("deploy: dead letters", "/console/deploy/bus/test-recorder");
        System.out.printf("console render: %-26s %9s %9s   %s%n", "page", "median", "p95", "(server time; localhost round trip median/p95)");
        pages.forEach((what, path) -> measure(admin, what, path));
    }

    private static Location location(UUID facility, LocationKind kind, String name, UUID parent) {
        Location l = new Location();
        l.facilityId = facility;
        l.kind = kind;
        l.name = name;
        l.parentId = parent;
        l.persist();
        return l;
    }

    private static void measure(ConsoleClient client, String what, String path) {
        for (int i = 0; i < WARMUP; i++) {
            assertEquals(200, client.get(path).statusCode(), path);
        }
        double[] server = new double[SAMPLES];
        double[] roundTrip = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long t = System.nanoTime();
            Response r = client.get(path);
            roundTrip[i] = (System.nanoTime() - t) / 1e6;
            assertEquals(200, r.statusCode(), path);
            server[i] = Double.parseDouble(r.header("Server-Timing").replaceAll(".*dur=([0-9.]+).*", "$1"));
        }
        Arrays.sort(server);
        Arrays.sort(roundTrip);
        System.out.printf("console render: %-26s %6.1f ms %6.1f ms   (%.1f / %.1f ms)%n", what, server[SAMPLES / 2], p95(server),
                roundTrip[SAMPLES / 2], p95(roundTrip));
    }

    private static double p95(double[] sorted) {
        return sorted[(int) Math.ceil(sorted.length * 0.95) - 1];
    }
}
