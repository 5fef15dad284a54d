package network.ohc.care.core;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds test data through the public API, as a client would. Every name is unique per call so tests never
 * depend on each other's rows (clinical rows cannot be deleted between tests).
 */
public final class TestApi {
    public static final String ADMIN_PASSWORD = "admin-test-password";
    public static final String STAFF_PASSWORD = "staff-password-123";
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static String adminToken;

    private TestApi() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "-" + SEQ.incrementAndGet();
    }

    public static String login(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("accessToken");
    }

    public static synchronized String admin() {
        if (adminToken == null) {
            adminToken = login("admin", ADMIN_PASSWORD);
        }
        return adminToken;
    }

    public static RequestSpecification as(String token) {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    public static String facility() {
        return as(admin()).body(Map.of("name", unique("Facility"), "kind", "HOSPITAL", "district", "Ernakulam", "state", "Kerala"))
                .post("/api/v1/facilities").then().statusCode(201).extract().path("id");
    }

    public static String location(String facilityId, String kind, String name, String parentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("name", name);
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        return as(admin()).body(body).post("/api/v1/facilities/" + facilityId + "/locations").then().statusCode(201).extract()
                .path("id");
    }

    /** A ward with {@code beds} beds directly in it; returns [wardId, bed1, bed2, ...]. */
    public static List<String> wardWithBeds(String facilityId, int beds) {
        String ward = location(facilityId, "WARD", unique("Ward"), null);
        List<String> ids = new java.util.ArrayList<>();
        ids.add(ward);
        for (int i = 0; i < beds; i++) {
            ids.add(location(facilityId, "BED", "Bed " + i, ward));
        }
        return ids;
    }

    /** Creates a user holding {@code role} in {@code facilityId} (role may be null: no role) and returns a token. */
    public static String staff(String facilityId, String role) {
        String username = unique("user").toLowerCase();
        String userId = as(admin()).body(Map.of("username", username, "password", STAFF_PASSWORD, "fullName", "Test " + username))
                .post("/api/v1/users").then().statusCode(201).extract().path("id");
        if (role != null) {
            as(admin()).body(Map.of("userId", userId, "role", role)).post("/api/v1/facilities/" + facilityId + "/staff").then()
                    .statusCode(201);
        }
        return login(username, STAFF_PASSWORD);
    }

    public static String patient(String facilityId) {
        return as(admin()).body(Map.of("facilityId", facilityId, "name", unique("Patient"), "sex", "FEMALE", "dateOfBirth", "1980-01-02"))
                .post("/api/v1/patients").then().statusCode(201).extract().path("id");
    }

    public static String encounter(String patientId, String cls, String status) {
        return as(admin()).body(Map.of("patientId", patientId, "encounterClass", cls, "status", status))
                .post("/api/v1/encounters").then().statusCode(201).extract().path("id");
    }

    public static ValidatableResponse admit(String token, String encounterId, String bedId) {
        return as(token).body(Map.of("bedId", bedId)).post("/api/v1/encounters/" + encounterId + "/admit").then();
    }

    /** The management interface's port (metrics, detailed health): loopback only, a random port in tests. */
    public static int managementPort() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    /** The Prometheus text of /q/metrics, from the management interface. */
    public static String metrics() {
        return given().port(managementPort()).get("/q/metrics").then().statusCode(200).extract().asString();
    }

    public static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/problem+json")
                .body("status", org.hamcrest.Matchers.equalTo(status))
                .body("title", org.hamcrest.Matchers.notNullValue());
    }
}
