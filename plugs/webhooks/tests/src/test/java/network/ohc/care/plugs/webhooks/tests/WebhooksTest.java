package network.ohc.care.plugs.webhooks.tests;

import static network.ohc.care.plug.test.CareHarness.admin;
import static network.ohc.care.plug.test.CareHarness.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import network.ohc.care.plug.test.CareHarness;
import network.ohc.care.plugs.webhooks.Sender;
import network.ohc.care.plugs.webhooks.WebhooksSubscriber;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = Receiver.class, restrictToAnnotatedClass = true)
class WebhooksTest {

    static List<Receiver.Hit> hits(String path, String bodyContains) {
        return Receiver.HITS.stream().filter(h -> h.path().equals(path) && h.body().contains(bodyContains)).toList();
    }

    static JsonPath endpoint(String id) {
        return as(admin()).get("/api/v1/plugs/webhooks/endpoints").then().statusCode(200).extract().jsonPath()
                .setRootPath("find { it.id == '" + id + "' }");
    }

    @Test
    void deliversTheChosenTypesSignedWithHmac() {
        String facility = CareHarness.facility();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> hits("/ward", facility).size() >= 1);
        Receiver.Hit hit = hits("/ward", facility).get(0);
        assertEquals("care.facility.created", hit.header("X-Care-Signal-Type"));
        assertTrue(hit.body().contains("\"facilityId\":\"" + facility + "\""), hit.body());
        // The receiver can check who sent it: HMAC-SHA256(secret, timestamp + "." + body).
        String expected = "sha256=" + Sender.sign(Receiver.WARD_SECRET, hit.header("X-Care-Timestamp") + "." + hit.body());
        assertEquals(expected, hit.header("X-Care-Signature"));
        assertTrue(Math.abs(Long.parseLong(hit.header("X-Care-Timestamp")) - Instant.now().getEpochSecond()) < 60);
        assertFalse(hit.header("X-Care-Signature").equals("sha256=" + Sender.sign("another-secret-0000", hit.header("X-Care-Timestamp")
                + "." + hit.body())));
        // Types not chosen for the endpoint are not sent to it.
        String patient = CareHarness.patient(facility);
        CareHarness.awaitDelivered(WebhooksSubscriber.NAME);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !hits("/flaky", patient).isEmpty());
        assertEquals(List.of(), hits("/ward", patient));
    }

    @Test
    void retriesWithBackoffUntilTheReceiverAccepts() {
        Receiver.FLAKY_FAILURES_LEFT.set(2);
        String facility = CareHarness.facility();
        String patient = CareHarness.patient(facility);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> hits("/flaky", patient).size() >= 3);
        List<Receiver.Hit> tries = hits("/flaky", patient);
        assertEquals(3, tries.size(), "two failures, then success, then nothing more");
        assertEquals(1, tries.stream().map(h -> h.header("X-Care-Signal-Id")).distinct().count(), "the same signal each time");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> endpoint("flaky").getInt("consecutiveFailures") == 0);
        assertTrue(endpoint("flaky").getLong("delivered") >= 1);
        assertTrue(endpoint("flaky").getLong("failedAttempts") >= 2);
    }

    @Test
    void aDeadReceiverGetsAFailureStateAndHoldsUpNoOne() {
        String facility = CareHarness.facility();
        // The healthy endpoint gets the signal even though "down" keeps failing it.
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !hits("/ward", facility).isEmpty());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> hits("/down", facility).size() >= 3);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> endpoint("down").getLong("failed") >= 1);
        JsonPath down = endpoint("down");
        assertFalse(down.getBoolean("healthy"));
        assertTrue(down.getInt("consecutiveFailures") >= 3);
        assertEquals(503, down.getInt("lastStatus"));
        assertEquals("HTTP 503", down.getString("lastError"));
        assertEquals(3, hits("/down", facility).size(), "max-attempts=3, then it stops");
        // Secrets are never part of the view.
        String all = as(admin()).get("/api/v1/plugs/webhooks/endpoints").then().extract().asString();
        assertFalse(all.contains("secret-0123456789"), all);
        // An operator can put failed deliveries back in the queue.
        as(admin()).post("/api/v1/plugs/webhooks/endpoints/down/retry").then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> hits("/down", facility).size() >= 4);
    }

    @Test
    void aFormatNamedInConfigShapesTheBodyAndTheSignatureCoversIt() {
        String facility = CareHarness.facility();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !hits("/slim", facility).isEmpty());
        Receiver.Hit hit = hits("/slim", facility).get(0);
        assertEquals("{\"event\":\"care.facility.created\",\"id\":\"" + facility + "\"}", hit.body());
        assertEquals("sha256=" + Sender.sign("slim-secret-0123456789", hit.header("X-Care-Timestamp") + "." + hit.body()),
                hit.header("X-Care-Signature"));
        // Endpoints without a format still get the signal as Care writes it.
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !hits("/ward", facility).isEmpty());
        assertTrue(hits("/ward", facility).get(0).body().contains("\"envelope\""));
    }

    @Test
    void onlySuperusersSeeTheEndpoints() {
        String nurse = CareHarness.staff(CareHarness.facility(), "NURSE");
        as(nurse).get("/api/v1/plugs/webhooks/endpoints").then().statusCode(403);
    }
}
