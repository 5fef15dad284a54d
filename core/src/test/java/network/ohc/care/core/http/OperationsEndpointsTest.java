package network.ohc.care.core.http;

import static network.ohc.care.core.TestApi.admin;
import static network.ohc.care.core.TestApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.UUID;
import network.ohc.care.core.TestApi;
import org.junit.jupiter.api.Test;

/** Probe finding 4: metrics and detailed health only on the management interface; bounded URI tags. */
@QuarkusTest
class OperationsEndpointsTest {
    @Test
    void publicPortAnswersHealthStatusOnlyAndNoMetrics() {
        for (String path : new String[] {"/q/health", "/q/health/live", "/q/health/ready"}) {
            String body = RestAssured.get(path).then().statusCode(200).body("status", equalTo("UP")).extract().asString();
            assertEquals("{\"status\":\"UP\"}", body, path);
        }
        assertEquals(404, RestAssured.get("/q/metrics").statusCode());
        RestAssured.given().port(TestApi.managementPort()).get("/q/health/ready").then().statusCode(200).body("checks.size()",
                org.hamcrest.Matchers.greaterThan(0));
        assertTrue(TestApi.metrics().contains("http_server_requests_seconds_count"));
    }

    @Test
    void madeUpPathsDoNotAddSeries() {
        String patient = TestApi.patient(TestApi.facility());
        as(admin()).get("/api/v1/patients/" + patient).then().statusCode(200);
        for (int i = 0; i < 5; i++) {
            RestAssured.get("/made-up/" + UUID.randomUUID());
            RestAssured.given().delete("/api/v1/patients/" + UUID.randomUUID());
            RestAssured.given().options("/api/v1/encounters/" + UUID.randomUUID());
        }
        long before = series(TestApi.metrics());
        int paths = 1000;
        for (int i = 0; i < paths; i++) {
            String id = UUID.randomUUID().toString();
            switch (i % 3) {
                case 0 -> RestAssured.get("/made-up/" + id);
                case 1 -> RestAssured.given().delete("/api/v1/patients/" + id);
                default -> RestAssured.given().options("/api/v1/encounters/" + id);
            }
        }
        String after = TestApi.metrics();
        assertEquals(before, series(after), "series before and after " + paths + " random paths");
        assertFalse(after.contains(patient), "a patient id in a metric tag");
        assertFalse(after.contains("exception=\""), "exception class names in tags");
        assertTrue(after.contains("uri=\"/api/v1/patients/{id}\""), "templated uri");
        System.out.println("metrics cardinality: " + paths + " random paths, " + series(after) + " http series before and after");
    }

    private static long series(String metrics) {
        return metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_count{")).count();
    }
}
