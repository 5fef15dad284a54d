package network.ohc.care.plugs.webhooks.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import network.ohc.care.bus.contracts.FacilityCreated;
import network.ohc.care.bus.contracts.cloudevents.CloudEvents;
import network.ohc.care.bus.contracts.cloudevents.HttpBinding;
import network.ohc.care.bus.contracts.webhooks.WebhookHeaders;
import network.ohc.care.plug.test.CareHarness;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * An endpoint with {@code cloudevents=true} gets the CloudEvents HTTP binding's {@code ce-*} headers beside the
 * signature, and the Python receiver of docs/integrating.md accepts what Care sends, once per signal.
 */
@QuarkusTest
@QuarkusTestResource(value = Receiver.class, restrictToAnnotatedClass = true)
class CloudEventsWebhooksTest {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static Receiver.Hit await(String path, String bodyContains) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !WebhooksTest.hits(path, bodyContains).isEmpty());
        return WebhooksTest.hits(path, bodyContains).get(0);
    }

    static Map<String, String> headers(Receiver.Hit hit) {
        Map<String, String> out = new LinkedHashMap<>();
        hit.headers().forEach((k, v) -> out.put(k, v.get(0)));
        return out;
    }

    @Test
    void theHeadersAreTheSignalsCloudEventAttributes() throws Exception {
        String facility = CareHarness.facility();
        Receiver.Hit hit = await("/ce", facility);
        FacilityCreated signal = JSON.readValue(hit.body(), FacilityCreated.class);
        new java.util.TreeMap<>(headers(hit)).forEach((k, v) -> System.out.println("received: " + k + ": " + v));
        System.out.println("received body: " + hit.body());

        Map<String, String> received = HttpBinding.attributes(headers(hit));
        assertEquals(CloudEvents.attributes(signal.envelope(), Receiver.CLOUDEVENTS_SOURCE), received);
        assertEquals(List.of(), CloudEvents.problems(received));
        assertEquals("1.0", hit.header("ce-specversion"));
        assertEquals(hit.header(WebhookHeaders.SIGNAL_ID), hit.header("ce-id"));
        assertEquals("care.facility.created", hit.header("ce-type"));
        assertEquals("Facility/" + facility, hit.header("ce-subject"));
        assertEquals("urn:care:signal:care.facility.created:v1", hit.header("ce-dataschema"));
        assertEquals("1", hit.header("ce-careschemaversion"));
        assertEquals(facility, hit.header("ce-carefacilityid"));
        assertEquals("application/json", hit.header("Content-Type"));
        // The signature stays, over the same body.
        assertTrue(WebhookHeaders.verify(Receiver.CE_SECRET, hit.header(WebhookHeaders.TIMESTAMP), hit.body(),
                hit.header(WebhookHeaders.SIGNATURE), Instant.now(), Duration.ofMinutes(5)));
    }

    @Test
    void onlyEndpointsThatAskGetThemAndAReshapedBodyHasNoDataschema() {
        String facility = CareHarness.facility();
        Receiver.Hit plain = await("/ward", facility);
        assertTrue(plain.headers().keySet().stream().noneMatch(h -> h.toLowerCase().startsWith("ce-")), plain.headers().toString());
        Receiver.Hit slim = await("/ceslim", facility);
        assertEquals("care.facility.created", slim.header("ce-type"));
        assertNull(slim.header("ce-dataschema"), "the body no longer follows the signal's schema");
    }

    @Test
    void thePythonReceiverOfTheDocsChecksAndDeduplicates() throws Exception {
        String facility = CareHarness.facility();
        Receiver.Hit hit = await("/ce", facility);
        Path script = Path.of("../../../docs/examples/webhook_receiver.py").toAbsolutePath().normalize();
        assertTrue(Files.exists(script), script.toString());
        ProcessBuilder pb = new ProcessBuilder("python3", script.toString(), "0").redirectErrorStream(true);
        pb.environment().put("CARE_WEBHOOK_SECRET", Receiver.CE_SECRET);
        Process python = pb.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8))) {
            Map<?, ?> listening = JSON.readValue(printed(out), Map.class);
            URI to = URI.create("http://127.0.0.1:" + listening.get("listening") + "/");

            assertEquals(204, replay(to, hit, hit.body()), "a genuine request");
            Map<?, ?> handled = JSON.readValue(printed(out), Map.class);
            assertEquals(hit.header("ce-id"), handled.get("id"));
            assertEquals("care.facility.created", handled.get("type"));
            assertEquals(1, handled.get("version"));
            assertEquals("Facility/" + facility, handled.get("subject"));
            assertEquals(facility, ((Map<?, ?>) handled.get("result")).get("facility"));

            assertEquals(204, replay(to, hit, hit.body()), "a redelivery is acknowledged");
            assertEquals(Map.of("duplicate", hit.header("ce-id")), JSON.readValue(printed(out), Map.class), "but not handled twice");

            assertEquals(401, replay(to, hit, hit.body().replace(facility, "018f0000-0000-7000-8000-000000000000")),
                    "a body that is not what Care signed");
        } finally {
            python.destroy();
            python.waitFor(10, TimeUnit.SECONDS);
        }
        assertFalse(python.isAlive());
    }

    /** The receiver's next line of output, echoed (docs/integrating.md quotes it). */
    static String printed(BufferedReader out) throws java.io.IOException {
        String line = out.readLine();
        System.out.println("webhook_receiver.py: " + line);
        return line;
    }

    /** Sends {@code body} with the headers Care sent {@code hit} with. */
    static int replay(URI to, Receiver.Hit hit, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(to).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (Map.Entry<String, List<String>> h : hit.headers().entrySet()) {
            String name = h.getKey().toLowerCase();
            if (name.startsWith("ce-") || name.startsWith("x-care-") || name.equals("content-type")) {
                request.header(h.getKey(), h.getValue().get(0));
            }
        }
        // A client of its own per request: no pooled connection the receiver may have closed in between.
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
