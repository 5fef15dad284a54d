package network.ohc.care.bus.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import network.ohc.care.bus.contracts.cloudevents.CloudEvents;
import network.ohc.care.bus.contracts.cloudevents.HttpBinding;
import network.ohc.care.bus.contracts.cloudevents.KafkaBinding;
import network.ohc.care.bus.contracts.cloudevents.KafkaTopics;
import network.ohc.care.bus.contracts.schema.SignalSchemas;
import org.junit.jupiter.api.Test;

/** The CloudEvents 1.0 mapping of an envelope, and its Kafka and HTTP bindings, against the specifications' rules. */
class CloudEventsTest {
    static final String SOURCE = "https://care.example.org";
    static final Envelope ADMITTED = SampleSignals.envelope(PatientAdmitted.class, "Encounter", SampleSignals.ENCOUNTER);

    @Test
    void theAttributesComeFromTheEnvelope() {
        Map<String, String> a = CloudEvents.attributes(ADMITTED, SOURCE);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("specversion", "1.0");
        expected.put("id", "018f0000-0000-7000-8000-000000000900");
        expected.put("source", SOURCE);
        expected.put("type", "care.encounter.patient-admitted");
        expected.put("subject", "Encounter/018f0000-0000-7000-8000-000000000006");
        expected.put("time", "2026-01-02T03:04:05.123456Z");
        expected.put("datacontenttype", "application/json");
        expected.put("dataschema", "urn:care:signal:care.encounter.patient-admitted:v1");
        expected.put("careschemaversion", "1");
        expected.put("correlationid", "c0ffee00-0000-4000-8000-000000000001");
        expected.put("carefacilityid", "018f0000-0000-7000-8000-000000000001");
        assertEquals(expected, a);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(a.keySet()), "attributes in a fixed order");
        assertEquals(List.of(), CloudEvents.problems(a));
        // dataschema is the $id of the schema the payload follows.
        assertEquals(SignalSchemas.of(PatientAdmitted.class).get("$id"), a.get("dataschema"));
    }

    @Test
    void optionalAttributesAreLeftOutWhenTheEnvelopeHasNoValue() {
        Envelope bare = new Envelope(ADMITTED.signalId(), ADMITTED.type(), 1, ADMITTED.occurredAt(), "Encounter", ADMITTED.aggregateId(),
                null, "system", null);
        Map<String, String> a = CloudEvents.attributes(bare, CloudEvents.DEFAULT_SOURCE);
        assertFalse(a.containsKey("correlationid"));
        assertFalse(a.containsKey("carefacilityid"));
        assertEquals("/care", a.get("source"), "a URI reference is a valid source");
        assertEquals(List.of(), CloudEvents.problems(a));
    }

    @Test
    void attributeNamesFollowTheNamingRule() {
        // CloudEvents 1.0 §3.1: lower-case ASCII letters and digits; SHOULD NOT exceed 20 characters.
        for (CloudEvents.Attribute attribute : CloudEvents.ATTRIBUTES) {
            assertTrue(attribute.name().matches("[a-z0-9]{1,20}"), attribute.name());
        }
        Map<String, String> a = new LinkedHashMap<>(CloudEvents.attributes(ADMITTED, SOURCE));
        a.put("schema_version", "1");
        a.put("averyveryverylongextensionname", "x");
        assertEquals(List.of("attribute name 'schema_version' must be 1 to 20 lower-case letters or digits",
                "attribute name 'averyveryverylongextensionname' must be 1 to 20 lower-case letters or digits"), CloudEvents.problems(a));
    }

    @Test
    void theSpecsRulesOnValuesAreChecked() {
        Map<String, String> a = new LinkedHashMap<>(CloudEvents.attributes(ADMITTED, SOURCE));
        a.remove("id");
        a.put("specversion", "0.3");
        a.put("time", "02/01/2026 03:04");
        a.put("dataschema", "schemas/admitted.json");
        a.put("source", "not a uri");
        assertEquals(List.of("required attribute 'id' is missing", "specversion must be 1.0",
                "source is not a URI reference (Illegal character in path at index 3)", "time '02/01/2026 03:04' is not an RFC 3339 timestamp",
                "dataschema must be an absolute URI"), CloudEvents.problems(a));
        assertThrows(IllegalArgumentException.class, () -> CloudEvents.attributes(ADMITTED, ""));
        assertEquals("must not be empty", CloudEvents.sourceProblem(" "));
        assertNull(CloudEvents.sourceProblem("urn:care:district-hospital"));
    }

    @Test
    void timeIsRfc3339InUtcAtAnyPrecision() {
        Envelope whole = new Envelope(ADMITTED.signalId(), ADMITTED.type(), 1, Instant.parse("2026-01-02T03:04:00Z"), "Encounter",
                ADMITTED.aggregateId(), null, null, null);
        String time = CloudEvents.attributes(whole, SOURCE).get("time");
        assertEquals("2026-01-02T03:04:00Z", time, "seconds are always written");
        assertEquals(Instant.parse("2026-01-02T03:04:00Z"), OffsetDateTime.parse(time).toInstant());
    }

    @Test
    void kafkaHeadersAreCePrefixedAndTheContentTypeIsItsOwnHeader() {
        Map<String, String> headers = KafkaBinding.headers(CloudEvents.attributes(ADMITTED, SOURCE));
        assertEquals(List.of("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_subject", "ce_time", "content-type", "ce_dataschema",
                "ce_careschemaversion", "ce_correlationid", "ce_carefacilityid"), List.copyOf(headers.keySet()));
        assertEquals("application/json", headers.get("content-type"));
        assertEquals("018f0000-0000-7000-8000-000000000900", headers.get("ce_id"));
        assertEquals("018f0000-0000-7000-8000-000000000006", KafkaBinding.key(ADMITTED), "the key is the aggregate id");
        Map<String, String> received = new LinkedHashMap<>(headers);
        received.put("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        assertEquals(CloudEvents.attributes(ADMITTED, SOURCE), KafkaBinding.attributes(received), "a consumer reads the same attributes");
    }

    @Test
    void httpHeadersAreCeDashPrefixedAndPercentEncodedWhereTheBindingSays() {
        Envelope odd = new Envelope(ADMITTED.signalId(), ADMITTED.type(), 1, ADMITTED.occurredAt(), "Encounter", ADMITTED.aggregateId(),
                null, null, "req 42 \"ré\" 100%");
        Map<String, String> attributes = CloudEvents.attributes(odd, SOURCE);
        Map<String, String> headers = HttpBinding.headers(attributes);
        assertEquals("application/json", headers.get("Content-Type"));
        assertEquals("care.encounter.patient-admitted", headers.get("ce-type"));
        // HTTP binding §3.1.3.2: space, double quote, percent and non-printable or non-ASCII bytes are percent-encoded.
        assertEquals("req%2042%20%22r%C3%A9%22%20100%25", headers.get("ce-correlationid"));
        Map<String, String> received = new LinkedHashMap<>();
        headers.forEach((k, v) -> received.put(k.toUpperCase(), v)); // header names are case-insensitive
        received.put("User-Agent", "x");
        assertEquals(attributes, HttpBinding.attributes(received));
    }

    @Test
    void topicsAreOneByDefaultOrOnePerTypeAndVersion() {
        assertEquals("care.signals", KafkaTopics.defaults().topicFor("care.patient.registered", 1));
        assertEquals("care.patient.registered.v2", KafkaTopics.perType("").topicFor("care.patient.registered", 2));
        assertEquals("hospital-a.care.patient.registered.v1", KafkaTopics.perType("hospital-a.").topicFor("care.patient.registered", 1));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> KafkaTopics.single("care signals"));
        assertEquals("'care signals' is not a legal topic name (1 to 249 of a-z, A-Z, 0-9, '.', '_', '-')", bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KafkaTopics.single(".."));
        assertThrows(IllegalArgumentException.class, () -> KafkaTopics.single(""));
        assertThrows(IllegalArgumentException.class, () -> KafkaTopics.perType("a/b."));
    }

    @Test
    void everyTypeNameIsALegalCloudEventsTypeAndTopicName() {
        for (Class<? extends DomainSignal> type : SignalCatalog.coreSignals()) {
            String name = SignalCatalog.typeName(type);
            assertNull(KafkaTopics.problem(KafkaTopics.perType("").topicFor(name, SignalCatalog.version(type))), name);
            assertTrue(URI.create(SignalSchemas.id(name, SignalCatalog.version(type))).isAbsolute());
        }
    }
}
