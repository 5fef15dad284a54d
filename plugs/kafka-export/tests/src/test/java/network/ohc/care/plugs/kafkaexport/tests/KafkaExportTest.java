package network.ohc.care.plugs.kafkaexport.tests;

import static network.ohc.care.plug.test.CareHarness.admin;
import static network.ohc.care.plug.test.CareHarness.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import network.ohc.care.bus.contracts.PatientUpdated;
import network.ohc.care.bus.contracts.schema.Json;
import network.ohc.care.bus.contracts.schema.SignalSchemas;
import network.ohc.care.plug.test.CareHarness;
import network.ohc.care.plugs.kafkaexport.KafkaExportSubscriber;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = BrokerResource.class, restrictToAnnotatedClass = true)
class KafkaExportTest {
    static final String TOPIC = "care.export.signals";

    @Inject
    ObjectMapper json;

    /** {@code perAggregate} signals for each of {@code aggregates} patients, interleaved, each in its own commit. */
    static Map<UUID, List<PatientUpdated>> burst(UUID facility, List<UUID> aggregates, int from, int to) {
        Map<UUID, List<PatientUpdated>> sent = new LinkedHashMap<>();
        for (int i = from; i < to; i++) {
            for (UUID a : aggregates) {
                int n = i;
                sent.computeIfAbsent(a, k -> new ArrayList<>()).add(CareHarness.publish(PatientUpdated.class, "Patient", a, facility,
                        e -> new PatientUpdated(e, a, List.of("seq-" + n))));
            }
        }
        return sent;
    }

    static List<UUID> aggregates(int n) {
        List<UUID> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(UUID.randomUUID());
        }
        return out;
    }

    static Set<String> ids(Map<UUID, List<PatientUpdated>> sent) {
        return sent.values().stream().flatMap(List::stream).map(s -> s.envelope().signalId().toString()).collect(Collectors.toSet());
    }

    static List<Records.Got> readAll(Set<String> ids) {
        return Records.readUntil(BrokerResource.broker.bootstrap(), TOPIC,
                got -> got.stream().map(Records.Got::id).collect(Collectors.toSet()).containsAll(ids));
    }

    /** Per aggregate, the signal ids in the order the topic holds them, each id once (a consumer deduplicating by ce_id). */
    static Map<String, List<String>> firstSeenOrder(List<Records.Got> got) {
        Map<String, LinkedHashSet<String>> out = new LinkedHashMap<>();
        for (Records.Got g : got) {
            out.computeIfAbsent(g.key(), k -> new LinkedHashSet<>()).add(g.id());
        }
        return out.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
    }

    static void assertInOrder(Map<UUID, List<PatientUpdated>> sent, List<Records.Got> got) {
        Map<String, List<String>> order = firstSeenOrder(got);
        sent.forEach((aggregate, signals) -> assertEquals(
                signals.stream().map(s -> s.envelope().signalId().toString()).toList(), order.get(aggregate.toString()),
                "signals of " + aggregate + " in commit order"));
    }

    @Test
    void everySignalOfABurstArrivesInOrderPerAggregateWithKeyAndCloudEventsHeaders() throws Exception {
        String facility = CareHarness.facility(); // care.facility.created: not among the plug's types
        Map<UUID, List<PatientUpdated>> sent = burst(UUID.fromString(facility), aggregates(4), 0, 25);
        CareHarness.awaitDelivered(KafkaExportSubscriber.NAME);
        List<Records.Got> got = readAll(ids(sent));

        assertInOrder(sent, got);
        PatientUpdated s = sent.values().iterator().next().get(3);
        Records.Got r = got.stream().filter(g -> g.id().equals(s.envelope().signalId().toString())).findFirst().orElseThrow();
        assertEquals(TOPIC, r.topic());
        assertEquals(s.envelope().aggregateId().toString(), r.key());
        assertEquals(json.writeValueAsString(s), r.value(), "the value is the signal's JSON, as in the golden files");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("ce_specversion", "1.0");
        expected.put("ce_id", s.envelope().signalId().toString());
        expected.put("ce_source", "https://care.test.example/district-hospital");
        expected.put("ce_type", "care.patient.updated");
        expected.put("ce_subject", "Patient/" + s.envelope().aggregateId());
        expected.put("ce_time", s.envelope().occurredAt().toString());
        expected.put("content-type", "application/json");
        expected.put("ce_dataschema", "urn:care:signal:care.patient.updated:v1");
        expected.put("ce_careschemaversion", "1");
        if (s.envelope().correlationId() != null) {
            expected.put("ce_correlationid", s.envelope().correlationId());
        }
        expected.put("ce_carefacilityid", facility);
        assertEquals(expected, r.headers());
        // The served AsyncAPI document names the topic this deployment writes to.
        assertEquals(TOPIC, RestAssured.given().get("/api/v1/bus/asyncapi").then().statusCode(200).extract().path("channels.kafka.address"));
        // The types filter: the facility's own signal was not exported.
        assertTrue(got.stream().noneMatch(g -> g.headers().get("ce_type").equals("care.facility.created")), "types filter");
    }

    @Test
    void aPlugsOwnSignalTypeIsExportedWithTheWardAsKeyAndCloudEventsHeaders() throws Exception {
        String facility = CareHarness.facility();
        UUID ward = UUID.randomUUID();
        WardTallied s = CareHarness.publish(WardTallied.class, "Ward", ward, UUID.fromString(facility),
                e -> new WardTallied(e, ward, "Ward A", 12, 5));
        CareHarness.awaitDelivered(KafkaExportSubscriber.NAME);
        String id = s.envelope().signalId().toString();
        Records.Got r = readAll(Set.of(id)).stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow();
        assertEquals(TOPIC, r.topic());
        assertEquals(ward.toString(), r.key(), "the aggregate (the ward) is the key");
        assertEquals(json.writeValueAsString(s), r.value(), "the value is the record's JSON, as core's signals are");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("ce_specversion", "1.0");
        expected.put("ce_id", id);
        expected.put("ce_source", "https://care.test.example/district-hospital");
        expected.put("ce_type", "tally.ward-tallied");
        expected.put("ce_subject", "Ward/" + ward);
        expected.put("ce_time", s.envelope().occurredAt().toString());
        expected.put("content-type", "application/json");
        expected.put("ce_dataschema", "urn:care:signal:tally.ward-tallied:v1");
        expected.put("ce_careschemaversion", "1");
        if (s.envelope().correlationId() != null) {
            expected.put("ce_correlationid", s.envelope().correlationId());
        }
        expected.put("ce_carefacilityid", facility);
        assertEquals(expected, r.headers());
    }

    /** Debian's python3 (where python3-kafka and python3-jsonschema live), else the one on the PATH. */
    static String python() {
        return java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    @Test
    void thePythonExampleValidatesDeduplicatesAndHandlesEachRecord() throws Exception {
        UUID facility = UUID.fromString(CareHarness.facility());
        Map<UUID, List<PatientUpdated>> sent = burst(facility, aggregates(1), 0, 3);
        CareHarness.awaitDelivered(KafkaExportSubscriber.NAME);
        java.nio.file.Path root = java.nio.file.Path.of("../../..").toAbsolutePath().normalize();
        // Core's published schemas, plus the test plug's (its signals are on the topic too), as a deployment serves them.
        java.nio.file.Path schemas = java.nio.file.Files.createTempDirectory("schemas");
        try (var files = java.nio.file.Files.list(root.resolve("bus-contracts/schemas"))) {
            for (java.nio.file.Path f : files.filter(f -> f.toString().endsWith(".schema.json")).toList()) {
                java.nio.file.Files.copy(f, schemas.resolve(f.getFileName()));
            }
        }
        java.nio.file.Files.writeString(schemas.resolve(SignalSchemas.fileName(WardTallied.class)), Json.write(SignalSchemas.of(WardTallied.class)));
        ProcessBuilder pb = new ProcessBuilder(python(), root.resolve("docs/examples/kafka_consumer.py").toString(), "--bootstrap",
                BrokerResource.broker.bootstrap(), "--topic", TOPIC, "--schemas", schemas.toString(),
                "--group", "example-" + System.nanoTime(), "--idle-ms", "5000").redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        System.out.println("kafka_consumer.py printed:\n" + out);
        assertEquals(0, p.exitValue(), out);
        for (PatientUpdated s : sent.values().iterator().next()) {
            String line = out.lines().filter(l -> l.contains("\"id\": \"" + s.envelope().signalId() + "\"")).findFirst().orElseThrow(
                    () -> new AssertionError("not handled: " + s.envelope().signalId() + "\n" + out));
            assertTrue(line.contains("\"result\": {\"patient\": \"" + s.envelope().aggregateId() + "\""), line);
        }
        assertTrue(out.lines().noneMatch(l -> l.contains("\"invalid\"")), "every record fits its schema:\n" + out);
    }

    static Map<String, Object> exportHealth() {
        List<Map<String, Object>> checks = CareHarness.readiness().extract().path("checks");
        return checks.stream().filter(c -> "plug-kafka-export".equals(c.get("name"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static String exportState() {
        return (String) ((Map<String, Object>) exportHealth().get("data")).get("state");
    }

    static long lag() {
        List<Map<String, Object>> subs = as(admin()).get("/api/v1/bus/subscriptions").then().statusCode(200).extract().path("");
        return subs.stream().filter(s -> KafkaExportSubscriber.NAME.equals(s.get("name"))).mapToLong(s -> ((Number) s.get("lag")).longValue())
                .findFirst().orElseThrow();
    }

    @Test
    void aBrokerOutagePausesTheExportAndItResumesWithNothingLost() throws Exception {
        UUID facility = UUID.fromString(CareHarness.facility());
        List<UUID> aggregates = aggregates(3);
        Map<UUID, List<PatientUpdated>> sent = burst(facility, aggregates, 0, 10);
        BrokerResource.broker.stop();
        try {
            long stoppedAt = System.nanoTime();
            burst(facility, aggregates, 10, 20).forEach((a, l) -> sent.get(a).addAll(l));
            // Paused, visibly: the subscription lags, the plug reports DEGRADED, Care itself stays ready.
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "DEGRADED".equals(exportState()) && lag() > 0);
            RestAssured.given().get("/q/health/ready").then().statusCode(200);
            assertEquals("UP", exportHealth().get("status"));
            Thread.sleep(Math.max(0, 10_000 - (System.nanoTime() - stoppedAt) / 1_000_000));
        } finally {
            BrokerResource.broker.start();
        }
        burst(facility, aggregates, 20, 30).forEach((a, l) -> sent.get(a).addAll(l));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> lag() == 0);
        CareHarness.awaitDelivered(KafkaExportSubscriber.NAME);
        List<Records.Got> got = readAll(ids(sent));
        assertInOrder(sent, got);
        Set<String> keys = aggregates.stream().map(UUID::toString).collect(Collectors.toSet());
        long records = got.stream().filter(g -> keys.contains(g.key())).count();
        System.out.printf("broker outage: %d signals sent, %d records on the topic, %d duplicates%n", ids(sent).size(), records,
                records - ids(sent).size());
        // What followed the signal that waited is handed over again; what the broker had acknowledged is not sent twice.
        assertEquals(ids(sent).size(), records, "no duplicates within one run of Care");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> "OK".equals(exportState()));
    }
}
