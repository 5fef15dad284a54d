package network.ohc.care.plug.test;

import static io.restassured.RestAssured.given;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import network.ohc.care.bus.contracts.DomainSignal;
import network.ohc.care.bus.contracts.Envelope;
import network.ohc.care.core.signal.SignalEmitter;
import org.awaitility.Awaitility;

/**
 * The plug author's handle on a running Care in a {@code @QuarkusTest}: core plus your plug on the test PostgreSQL
 * (configured by this harness; override with {@code CARE_TEST_DB_URL}). Drive core through its API as a client would,
 * publish signals directly, and wait until your subscriber has handled everything:
 *
 * <pre>{@code
 * @QuarkusTest
 * class OccupancyTest {
 *     @Test
 *     void countsAnAdmission() {
 *         var f = CareHarness.facility();
 *         var ward = CareHarness.ward(f, 2);
 *         var enc = CareHarness.inpatient(f);
 *         CareHarness.admit(enc, ward.beds().get(0));
 *         CareHarness.awaitDelivered("census");
 *         // assert on your plug's endpoint or tables
 *     }
 * }
 * }</pre>
 */
public final class CareHarness {
    /** The password of user "admin" in harness tests. */
    public static final String ADMIN_PASSWORD = "care-test-admin";
    public static final String STAFF_PASSWORD = "staff-password-123";
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static String adminToken;
    /** The application the token was issued by: a test class with other test resources restarts it on a fresh database. */
    private static Object adminTokenApp;

    /** A ward and the beds in it. */
    public record Ward(String id, List<String> beds) {
    }

    private CareHarness() {
    }

    /**
     * The detailed readiness ({@code status} and every {@code checks[]} entry with its data), as the management
     * interface serves it; the public port answers the status only.
     */
    public static io.restassured.response.ValidatableResponse readiness() {
        int port = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        return given().port(port).get("/q/health/ready").then();
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "-" + SEQ.incrementAndGet();
    }

    public static String login(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("accessToken");
    }

    /** A superuser token. */
    public static synchronized String admin() {
        if (adminToken == null || adminTokenApp != Arc.container()) {
            adminToken = login("admin", ADMIN_PASSWORD);
            adminTokenApp = Arc.container();
        }
        return adminToken;
    }

    /** A JSON request with {@code token}. */
    public static RequestSpecification as(String token) {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    public static String facility() {
        return as(admin()).body(Map.of("name", unique("Facility"), "kind", "HOSPITAL", "district", "Ernakulam", "state", "Kerala"))
                .post("/api/v1/facilities").then().statusCode(201).extract().path("id");
    }

    /** A ward with {@code beds} beds in it. */
    public static Ward ward(String facilityId, int beds) {
        String ward = location(facilityId, "WARD", unique("Ward"), null);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < beds; i++) {
            ids.add(location(facilityId, "BED", "Bed " + (i + 1), ward));
        }
        return new Ward(ward, List.copyOf(ids));
    }

    public static String location(String facilityId, String kind, String name, String parentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("name", name);
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        return as(admin()).body(body).post("/api/v1/facilities/" + facilityId + "/locations").then().statusCode(201).extract().path("id");
    }

    /** A new user holding {@code role} (ADMIN, DOCTOR, NURSE, STAFF) in the facility; returns their token. */
    public static String staff(String facilityId, String role) {
        String username = unique("user").toLowerCase();
        String userId = as(admin()).body(Map.of("username", username, "password", STAFF_PASSWORD, "fullName", "Test " + username))
                .post("/api/v1/users").then().statusCode(201).extract().path("id");
        as(admin()).body(Map.of("userId", userId, "role", role)).post("/api/v1/facilities/" + facilityId + "/staff").then()
                .statusCode(201);
        return login(username, STAFF_PASSWORD);
    }

    public static String patient(String facilityId) {
        return as(admin()).body(Map.of("facilityId", facilityId, "name", unique("Patient"), "sex", "FEMALE", "dateOfBirth", "1980-01-02"))
                .post("/api/v1/patients").then().statusCode(201).extract().path("id");
    }

    /** A new patient's inpatient encounter, in progress. */
    public static String inpatient(String facilityId) {
        return as(admin()).body(Map.of("patientId", patient(facilityId), "encounterClass", "INPATIENT", "status", "IN_PROGRESS"))
                .post("/api/v1/encounters").then().statusCode(201).extract().path("id");
    }

    public static ValidatableResponse admit(String encounterId, String bedId) {
        return as(admin()).body(Map.of("bedId", bedId)).post("/api/v1/encounters/" + encounterId + "/admit").then();
    }

    public static ValidatableResponse transfer(String encounterId, String bedId) {
        return as(admin()).body(Map.of("bedId", bedId)).post("/api/v1/encounters/" + encounterId + "/transfer").then();
    }

    public static ValidatableResponse discharge(String encounterId) {
        return as(admin()).body(Map.of("disposition", "HOME")).post("/api/v1/encounters/" + encounterId + "/discharge").then();
    }

    /**
     * Publishes a signal as core would: written to the outbox in its own transaction, delivered after commit to every
     * subscriber. {@code build} gets a fresh envelope for the aggregate.
     */
    public static <S extends DomainSignal> S publish(Class<S> type, String aggregateType, UUID aggregateId, UUID facilityId,
            Function<Envelope, S> build) {
        SignalEmitter emitter = Arc.container().instance(SignalEmitter.class).get();
        S signal = build.apply(emitter.envelope(type, aggregateType, aggregateId, facilityId));
        QuarkusTransaction.requiringNew().run(() -> emitter.emit(signal));
        return signal;
    }

    /** Waits (up to 30 s) until {@code subscriber} has handled every committed signal; fails if it dead-lettered any. */
    public static void awaitDelivered(String subscriber) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            List<Map<String, Object>> subs = as(admin()).get("/api/v1/bus/subscriptions").then().statusCode(200).extract().path("");
            for (Map<String, Object> s : subs) {
                if (subscriber.equals(s.get("name"))) {
                    if (((Number) s.get("openDeadLetters")).longValue() > 0) {
                        throw new AssertionError(subscriber + " dead-lettered signals: " + s.get("lastError"));
                    }
                    return ((Number) s.get("lag")).longValue() == 0;
                }
            }
            return false;
        });
    }

    /** The subscriber's row in {@code GET /api/v1/bus/subscriptions}. */
    public static Map<String, Object> subscription(String subscriber) {
        List<Map<String, Object>> subs = as(admin()).get("/api/v1/bus/subscriptions").then().statusCode(200).extract().path("");
        return subs.stream().filter(s -> subscriber.equals(s.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no subscriber " + subscriber));
    }

    /** The position of the last committed signal: replay from here to see again only what a test does next. */
    public static long head() {
        return ((Number) subscription(subscriberNames().get(0)).get("head")).longValue();
    }

    private static List<String> subscriberNames() {
        return as(admin()).get("/api/v1/bus/subscriptions").then().statusCode(200).extract().path("name");
    }

    /**
     * Rewinds {@code subscriber} to {@code fromPosition} and waits (up to 30 s) for proof that the replay ran: its
     * delivered count has grown by at least {@code atLeast} handled signals since the request, and it caught up
     * again. Lag alone proves nothing: it reads 0 right after the request, before the worker applies the rewind.
     */
    public static void replayFrom(String subscriber, long fromPosition, int atLeast) {
        awaitDelivered(subscriber);
        long before = ((Number) subscription(subscriber).get("delivered")).longValue();
        as(admin()).body(Map.of("fromPosition", fromPosition)).post("/api/v1/bus/subscriptions/" + subscriber + "/replay").then()
                .statusCode(202);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            Map<String, Object> s = subscription(subscriber);
            if (((Number) s.get("openDeadLetters")).longValue() > 0) {
                throw new AssertionError(subscriber + " dead-lettered signals: " + s.get("lastError"));
            }
            return ((Number) s.get("delivered")).longValue() - before >= atLeast && ((Number) s.get("lag")).longValue() == 0;
        });
    }
}
