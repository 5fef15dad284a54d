package network.ohc.care.bus.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import network.ohc.care.bus.contracts.asyncapi.AsyncApiDocument;
import network.ohc.care.bus.contracts.cloudevents.KafkaTopics;
import network.ohc.care.bus.contracts.schema.Json;
import network.ohc.care.bus.contracts.schema.SignalSchemas;
import org.junit.jupiter.api.Test;

/**
 * {@code asyncapi.json} (the channels of core's signals with the default options) is checked in, kept in step with the
 * records, valid against the official AsyncAPI 3.0.0 JSON Schema, and every reference in it resolves.
 */
class AsyncApiDocumentTest {
    static final Path FILE = Path.of("asyncapi.json");
    static final String VERSION = System.getProperty("care.version", "0.1.0-SNAPSHOT");

    static Map<String, Object> generate(AsyncApiDocument.Options options) {
        List<Map<String, Object>> schemas = new ArrayList<>();
        for (Class<? extends DomainSignal> type : SignalCatalog.coreSignals()) {
            schemas.add(SignalSchemas.of(type));
        }
        return AsyncApiDocument.build(schemas, options);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCheckedInDocumentIsWhatTheContractsSay() throws Exception {
        String generated = Json.write(generate(AsyncApiDocument.Options.defaults(VERSION)));
        if (GoldenContractTest.UPDATE) {
            Files.writeString(FILE, generated);
        }
        Map<String, Object> published = Json.parseObject(Files.readString(FILE));
        // A new Care version alone does not make the file stale.
        ((Map<String, Object>) published.get("info")).put("version", VERSION);
        assertEquals(generated, Json.write(published), FILE + " is out of date: run ./mvnw -pl bus-contracts test "
                + "-Dcontracts.updateGoldens=true and commit it");
    }

    @Test
    void theDocumentIsValidAsyncApi3() throws Exception {
        JsonSchema spec = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(AsyncApiSpec.schema());
        Set<ValidationMessage> errors = spec.validate(GoldenContractTest.JSON.readTree(Files.readString(FILE)));
        assertEquals(Set.of(), errors);
        String perType = Json.write(generate(new AsyncApiDocument.Options(VERSION, "https://care.example.org", KafkaTopics.perType(""))));
        assertEquals(Set.of(), spec.validate(GoldenContractTest.JSON.readTree(perType)));
    }

    @Test
    void everyReferenceResolves() throws Exception {
        JsonNode doc = GoldenContractTest.JSON.readTree(Files.readString(FILE));
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertTrue(refs.size() > 100, "references: " + refs.size());
        for (String ref : refs) {
            assertTrue(ref.startsWith("#/"), ref);
            assertTrue(!doc.at(ref.substring(1)).isMissingNode(), "unresolved " + ref);
        }
    }

    @Test
    void eachSignalIsAMessageOnEveryChannelWithItsHeaders() throws Exception {
        JsonNode doc = GoldenContractTest.JSON.readTree(Files.readString(FILE));
        for (Class<? extends DomainSignal> type : SignalCatalog.coreSignals()) {
            String key = SignalSchemas.key(SignalCatalog.typeName(type), SignalCatalog.version(type));
            for (String channel : List.of("signals", "kafka", "webhooks")) {
                assertNotNull(doc.at("/channels/" + channel + "/messages/" + key.replace("/", "~1")).get("$ref"), channel + " " + key);
            }
            assertEquals(SignalSchemas.id(SignalCatalog.typeName(type), SignalCatalog.version(type)),
                    doc.at("/components/schemas/" + key + "/$id").asText());
        }
        assertEquals("care.signals", doc.at("/channels/kafka/address").asText());
        assertEquals("uuid", doc.at("/components/messages/kafka.care.patient.registered.v1/bindings/kafka/key/format").asText());
        JsonNode kafkaHeaders = doc.at("/components/schemas/KafkaHeaders/required");
        assertEquals("[\"ce_specversion\",\"ce_id\",\"ce_source\",\"ce_type\",\"ce_subject\",\"ce_time\",\"content-type\",\"ce_dataschema\","
                + "\"ce_careschemaversion\"]", kafkaHeaders.toString());
        assertEquals("^sha256=[0-9a-f]{64}$", doc.at("/components/schemas/WebhookHeaders/properties/X-Care-Signature/pattern").asText());
        assertEquals("POST", doc.at("/operations/postToWebhooks/bindings/http/method").asText());
    }

    private static void collectRefs(JsonNode node, List<String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (f.getKey().equals("$ref")) {
                    out.add(f.getValue().asText());
                } else {
                    collectRefs(f.getValue(), out);
                }
            }
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, out));
        }
    }
}
