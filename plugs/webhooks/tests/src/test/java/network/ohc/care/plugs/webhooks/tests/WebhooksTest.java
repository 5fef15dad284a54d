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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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

    /** HMAC-SHA256, hex: computed here with the JDK, independently of the plug's code. */
    static String hmacSha256(String key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    /** Longer than any gap in the retry schedule: a further attempt would have come by now. */
    static final Duration QUIET = Receiver.BACKOFF_MAX.plus(Receiver.POLL).multipliedBy(5);

    /** Waits for the quiet period, failing if the count changes during it. */
    static void staysAt(int count, String path, String bodyContains) {
        Awaitility.await().during(QUIET).atMost(QUIET.plusSeconds(10)).until(() -> hits(path, bodyContains).size() == count);
    }

    @Test
    void theSignatureIsHmacSha256AsPublished() throws Exception {
        // RFC 4231, test case 2: key "Jefe".
        String rfc4231 = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
        assertEquals(rfc4231, hmacSha256("Jefe", "what do ya want for nothing?"), "the test's own HMAC");
        assertEquals(rfc4231, Sender.sign("Jefe", "what do ya want for nothing?"), "the plug's HMAC");
    }

    static JsonPath endpoint(String id) {
        return as(admin()).get("/api/v1/plugs/webhooks/endpoints").then().statusCode(200).extract().jsonPath()
                .setRootPath("find { it.id == '" + id + "' }");
    }

    @Test
    void deliversTheChosenTypesSignedWithHmac() throws Exception {
        String facility = CareHarness.facility();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> hits("/ward", facility).size() >= 1);
        Receiver.Hit hit = hits("/ward", facility).get(0);
        assertEquals("care.facility.created", hit.header("X-Care-Signal-Type"));
        assertTrue(hit.body().contains("\"facilityId\":\"" + facility + "\""), hit.body());
        // The receiver can check who sent it: HMAC-SHA256(secret, timestamp + "." + body).
        String expected = "sha256=" + hmacSha256(Receiver.WARD_SECRET, hit.header("X-Care-Timestamp") + "." + hit.body());
        assertEquals(expected, hit.header("X-Care-Signature"));
        assertTrue(Math.abs(Long.parseLong(hit.header("X-Care-Timestamp")) - Instant.now().getEpochSecond()) < 60);
        assertFalse(hit.header("X-Care-Signature").equals("sha256=" + hmacSha256("another-secret-0000", hit.header("X-Care-Timestamp")
                + "." + hit.body())));
        // Types not chosen for the endpoint are not sent to it.
        String patient = CareHarness.patient(facility);
        CareHarness.awaitDelivered(WebhooksSubscriber.NAME);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !hits("/flaky", patient).isEmpty());
        assertEquals(List.of(), hits("/ward", patient));
    }

    @Test
    void retriesWithBackoffUntilTheReceiverAccepts() {
        String facility = CareHarness.facility();
        String patient = CareHarness.patient(facility);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> hits("/flaky", patient).size() >= 3);
        // Two failures, then success, then nothing more for a while longer than the retry schedule allows.
        staysAt(3, "/flaky", patient);
        List<Receiver.Hit> tries = hits("/flaky", patient);
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
        staysAt(3, "/down", facility); // max-attempts=3, then it stops
        // Secrets are never part of the view.
        String all = as(admin()).get("/api/v1/plugs/webhooks/endpoints").then().extract().asString();
        assertFalse(all.contains("secret-0123456789"), all);
        // An operator can put failed deliveries back in the queue.
        as(admin()).post("/api/v1/plugs/webhooks/endpoints/down/retry").then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> hits("/down", facility).size() >= 4);
    }

    @Test
    void aFormatNamedInConfigShapesTheBodyAndTheSignatureCoversIt() throws Exception {
        String facility = CareHarness.facility();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !hits("/slim", facility).isEmpty());
        Receiver.Hit hit = hits("/slim", facility).get(0);
        assertEquals("{\"event\":\"care.facility.created\",\"id\":\"" + facility + "\"}", hit.body());
        assertEquals("sha256=" + hmacSha256("slim-secret-0123456789", hit.header("X-Care-Timestamp") + "." + hit.body()),
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
