package network.ohc.care.core.audit;

import static network.ohc.care.core.TestApi.admin;
import static network.ohc.care.core.TestApi.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import network.ohc.care.core.TestApi;
import org.junit.jupiter.api.Test;

/** Issue 11 item 2: every access to a patient or encounter is in the append-only audit, readable by the right people. */
@QuarkusTest
class PatientAccessAuditTest {
    @Inject
    AuditLog log;
    @Inject
    AuditPurge purge;
    @Inject
    AgroalDataSource dataSource;

    private List<Map<String, Object>> audit(String token, String query) {
        log.flush();
        return as(token).get("/api/v1/audit?size=200&" + query).then().statusCode(200).extract().path("items");
    }

    private static String me(String token) {
        return as(token).get("/api/v1/auth/me").then().statusCode(200).extract().path("id");
    }

    @Test
    void readsWritesAndRefusalsAreRecordedWithWhoWhereAndOutcome() {
        String facilityA = TestApi.facility();
        String facilityB = TestApi.facility();
        String doctorA = TestApi.staff(facilityA, "DOCTOR");
        String doctorB = TestApi.staff(facilityB, "DOCTOR");
        String patient = TestApi.patient(facilityA);
        as(doctorA).get("/api/v1/patients/" + patient).then().statusCode(200);
        as(doctorA).body(Map.of("phone", "+91 98470 00000")).patch("/api/v1/patients/" + patient).then().statusCode(200);
        as(doctorB).get("/api/v1/patients/" + patient).then().statusCode(404);
        String encounter = TestApi.encounter(patient, "OUTPATIENT", "PLANNED");
        as(doctorA).get("/api/v1/encounters/" + encounter).then().statusCode(200);
        as(doctorA).get("/api/v1/patients?facilityId=" + facilityA + "&name=zz").then().statusCode(200);

        List<Map<String, Object>> rows = audit(admin(), "patientId=" + patient);
        String userA = me(doctorA);
        Map<String, Object> read = find(rows, "patient.get", userA);
        assertEquals("SUCCESS", read.get("outcome"));
        assertEquals(patient, read.get("recordId"));
        assertEquals(facilityA, read.get("facilityId"));
        assertNotNull(read.get("clientAddress"));
        // Stored as the instant of the access, whatever the JVM's or the session's time zone (minutes, not a timing).
        java.time.Instant at = java.time.Instant.parse((String) read.get("at"));
        assertTrue(java.time.Duration.between(at, java.time.Instant.now()).abs().toMinutes() < 5, "audit time " + at);
        assertEquals("SUCCESS", find(rows, "patient.update", userA).get("outcome"));
        // A refused read is recorded against the record's facility, so A's admins see who tried.
        Map<String, Object> refused = find(rows, "patient.get", me(doctorB));
        assertEquals("NOT_FOUND", refused.get("outcome"));
        assertEquals(404, refused.get("status"));
        assertEquals(facilityA, refused.get("facilityId"));
        Map<String, Object> enc = find(rows, "encounter.get", userA);
        assertEquals(encounter, enc.get("recordId"));
        assertEquals("ENCOUNTER", enc.get("recordType"));

        List<Map<String, Object>> lists = audit(admin(), "userId=" + userA + "&facilityId=" + facilityA);
        Map<String, Object> list = find(lists, "patient.list", userA);
        assertTrue(String.valueOf(list.get("query")).contains("name=zz"), list.toString());
    }

    @Test
    void adminsSeeOnlyTheirFacilitiesAndOthersNothing() {
        String facilityA = TestApi.facility();
        String facilityB = TestApi.facility();
        String patientA = TestApi.patient(facilityA);
        String patientB = TestApi.patient(facilityB);
        as(admin()).get("/api/v1/patients/" + patientA).then().statusCode(200);
        as(admin()).get("/api/v1/patients/" + patientB).then().statusCode(200);
        String adminA = TestApi.staff(facilityA, "ADMIN");
        List<Map<String, Object>> seen = audit(adminA, "from=2000-01-01");
        assertTrue(seen.stream().anyMatch(r -> patientA.equals(r.get("patientId"))));
        assertTrue(seen.stream().allMatch(r -> facilityA.equals(r.get("facilityId"))), "an admin saw another facility's records");
        TestApi.problem(as(adminA).get("/api/v1/audit?facilityId=" + facilityB).then(), 403);
        TestApi.problem(as(TestApi.staff(facilityA, "DOCTOR")).get("/api/v1/audit").then(), 403);
        TestApi.problem(TestApi.as("garbage").get("/api/v1/audit").then(), 401);
    }

    @Test
    void badParametersAreProblemsNamingTheField() {
        for (String[] bad : new String[][] {{"patientId", "nope"}, {"userId", "1"}, {"facilityId", "%00"}, {"from", "yesterday"},
                {"to", "+999999999-12-31T23:59:59Z"}, {"page", "-1"}, {"size", "100000"}, {"page", "2147483647"}}) {
            TestApi.problem(as(admin()).get("/api/v1/audit?" + bad[0] + "=" + bad[1]).then(), 400)
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo(bad[0]));
        }
        TestApi.problem(as(admin()).get("/api/v1/audit?from=2026-02-01&to=2026-01-01").then(), 400);
    }

    @Test
    void identifierConflictOutsideTheUsersFacilitiesIsAuditedForTheOwner() {
        String facilityA = TestApi.facility();
        String facilityB = TestApi.facility();
        String system = TestApi.unique("https://ndhm.example/id");
        String owner = as(admin()).body(Map.of("facilityId", facilityA, "name", "Owner", "sex", "MALE", "age", 30, "identifiers",
                List.of(Map.of("system", system, "value", "NAT-9")))).post("/api/v1/patients").then().statusCode(201).extract().path("id");
        String doctorB = TestApi.staff(facilityB, "DOCTOR");
        String own = TestApi.patient(facilityB);
        as(doctorB).body(Map.of("identifiers", List.of(Map.of("system", system, "value", "NAT-9")))).patch("/api/v1/patients/" + own)
                .then().statusCode(409);
        String adminA = TestApi.staff(facilityA, "ADMIN");
        Map<String, Object> conflict = find(audit(adminA, "patientId=" + owner), "patient.identifier-conflict", me(doctorB));
        assertEquals("CONFLICT", conflict.get("outcome"));
        assertEquals(facilityA, conflict.get("facilityId"));
    }

    @Test
    void aPlugServingPatientDataIsRecordedWithItsName() {
        String facility = TestApi.facility();
        String nurse = TestApi.staff(facility, "NURSE");
        String patient = TestApi.patient(facility);
        as(nurse).get("/sample-plug/patients/" + patient + "?facilityId=" + facility).then().statusCode(200);
        Map<String, Object> row = find(audit(admin(), "patientId=" + patient), "sample.summary", me(nurse));
        assertEquals("sample", row.get("plug"));
        assertEquals(facility, row.get("facilityId"));
    }

    @Test
    void theTableIsAppendOnlyAndOnlyTheRetentionPurgeRemovesRows() throws SQLException {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO core.patient_access_audit"
                + " (at, action, record_type, patient_id, outcome, status) VALUES (?, 'test', 'PATIENT', ?, 'SUCCESS', 200)")) {
            ps.setObject(1, java.sql.Timestamp.from(Instant.parse("2001-01-01T00:00:00Z")));
            ps.setObject(2, old);
            ps.executeUpdate();
            ps.setObject(1, java.sql.Timestamp.from(Instant.now()));
            ps.setObject(2, recent);
            ps.executeUpdate();
        }
        for (String sql : List.of("UPDATE core.patient_access_audit SET outcome = 'DENIED' WHERE patient_id = '" + old + "'",
                "DELETE FROM core.patient_access_audit WHERE patient_id = '" + old + "'", "TRUNCATE core.patient_access_audit")) {
            SQLException e = assertThrows(SQLException.class, () -> execute(sql), sql);
            assertTrue(e.getMessage().contains("append-only"), e.getMessage());
        }
        // Another role (a plug's) holds no privilege at all.
        assertTrue(execute("SELECT has_table_privilege('public', 'core.patient_access_audit', 'UPDATE,DELETE,TRUNCATE,INSERT,SELECT')"
                + " IS FALSE"));
        assertTrue(purge.purgeOlderThan(Instant.parse("2002-01-01T00:00:00Z")) >= 1);
        assertEquals(0, count(old));
        assertEquals(1, count(recent));
    }

    private boolean execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (s.execute(sql)) {
                ResultSet rs = s.getResultSet();
                rs.next();
                return rs.getBoolean(1);
            }
            return true;
        }
    }

    private long count(UUID patient) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM core.patient_access_audit WHERE patient_id = ?")) {
            ps.setObject(1, patient);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Map<String, Object> find(List<Map<String, Object>> rows, String action, String userId) {
        return rows.stream().filter(r -> action.equals(r.get("action")) && userId.equals(r.get("userId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " by " + userId + " in " + rows));
    }
}
