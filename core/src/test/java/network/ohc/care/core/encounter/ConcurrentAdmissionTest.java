package network.ohc.care.core.encounter;

import static network.ohc.care.core.TestApi.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import network.ohc.care.core.TestApi;
import org.junit.jupiter.api.Test;

/** A bed holds one patient at a time, under concurrent requests and at the database level. */
@QuarkusTest
class ConcurrentAdmissionTest {
    @Inject
    AgroalDataSource db;

    @Test
    void concurrentAdmissionsToOneBedAdmitExactlyOne() throws Exception {
        String facility = TestApi.facility();
        String bed = TestApi.wardWithBeds(facility, 1).get(1);
        int n = 8;
        List<String> encounters = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            encounters.add(TestApi.encounter(TestApi.patient(facility), "INPATIENT", "IN_PROGRESS"));
        }
        String token = admin();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String enc : encounters) {
                Callable<Integer> call = () -> {
                    go.await();
                    return TestApi.as(token).body(Map.of("bedId", bed)).post("/api/v1/encounters/" + enc + "/admit").statusCode();
                };
                results.add(pool.submit(call));
            }
            go.countDown();
            int ok = 0;
            int conflict = 0;
            for (Future<Integer> f : results) {
                int status = f.get();
                if (status == 200) {
                    ok++;
                } else if (status == 409) {
                    conflict++;
                }
            }
            assertEquals(1, ok, "exactly one admission wins");
            assertEquals(n - 1, conflict, "every other admission is a 409");
        } finally {
            pool.shutdownNow();
        }
        int inBed = TestApi.as(token).queryParam("bedId", bed).get("/api/v1/encounters").then().statusCode(200).extract().path("total");
        assertEquals(1, inBed);
    }

    @Test
    void concurrentTransfersIntoOneBedMoveExactlyOne() throws Exception {
        String facility = TestApi.facility();
        List<String> ward = TestApi.wardWithBeds(facility, 5);
        String target = ward.get(5);
        List<String> encounters = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            String enc = TestApi.encounter(TestApi.patient(facility), "INPATIENT", "IN_PROGRESS");
            TestApi.admit(admin(), enc, ward.get(i)).statusCode(200);
            encounters.add(enc);
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String enc : encounters) {
                results.add(pool.submit(() -> {
                    go.await();
                    return TestApi.as(admin()).body(Map.of("bedId", target)).post("/api/v1/encounters/" + enc + "/transfer").statusCode();
                }));
            }
            go.countDown();
            long ok = 0;
            for (Future<Integer> f : results) {
                int s = f.get();
                assertTrue(s == 200 || s == 409, "unexpected status " + s);
                ok += s == 200 ? 1 : 0;
            }
            assertEquals(1, ok);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theDatabaseRefusesASecondOpenStayInOneBedEvenBypassingTheApp() throws Exception {
        String facility = TestApi.facility();
        String bed = TestApi.wardWithBeds(facility, 1).get(1);
        String e1 = TestApi.encounter(TestApi.patient(facility), "INPATIENT", "IN_PROGRESS");
        String e2 = TestApi.encounter(TestApi.patient(facility), "INPATIENT", "IN_PROGRESS");
        TestApi.admit(admin(), e1, bed).statusCode(200);
        try (Connection c = db.getConnection()) {
            SQLException stay = assertThrows(SQLException.class, () -> insertStay(c, e2, facility, bed));
            assertEquals("23505", stay.getSQLState(), stay.getMessage());
            try (PreparedStatement ps = c.prepareStatement("UPDATE core.encounter SET current_bed_id = ? WHERE id = ?")) {
                ps.setObject(1, UUID.fromString(bed));
                ps.setObject(2, UUID.fromString(e2));
                SQLException occupied = assertThrows(SQLException.class, ps::executeUpdate);
                assertEquals("23505", occupied.getSQLState(), occupied.getMessage());
            }
            // A ward is not a bed: the composite foreign key pins stays to BED locations.
            String wardId = TestApi.location(facility, "WARD", TestApi.unique("W"), null);
            SQLException notBed = assertThrows(SQLException.class, () -> insertStay(c, e2, facility, wardId));
            assertEquals("23503", notBed.getSQLState(), notBed.getMessage());
            // Clinical rows are never deleted.
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM core.encounter WHERE id = ?")) {
                ps.setObject(1, UUID.fromString(e1));
                assertThrows(SQLException.class, ps::executeUpdate);
            }
            // Status lifecycle is enforced by the database too.
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE core.encounter SET status = 'PLANNED' WHERE id = ?")) {
                ps.setObject(1, UUID.fromString(e2));
                assertThrows(SQLException.class, ps::executeUpdate);
            }
        }
    }

    private static void insertStay(Connection c, String encounter, String facility, String bed) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO core.bed_assignment (id, encounter_id, facility_id, bed_id, reason, started_at, created_at, created_by,
                    updated_at, updated_by) VALUES (?, ?, ?, ?, 'ADMISSION', now(), now(), 'test', now(), 'test')""")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, UUID.fromString(encounter));
            ps.setObject(3, UUID.fromString(facility));
            ps.setObject(4, UUID.fromString(bed));
            ps.executeUpdate();
        }
    }
}
