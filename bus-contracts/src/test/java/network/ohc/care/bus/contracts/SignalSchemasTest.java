package network.ohc.care.bus.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import network.ohc.care.bus.contracts.schema.Json;
import network.ohc.care.bus.contracts.schema.SchemaFiles;
import network.ohc.care.bus.contracts.schema.SignalSchemas;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schemas in {@code schemas/} are what the records say (a breaking change is refused, a compatible one must be
 * refreshed with {@code -Dcontracts.updateGoldens=true}), and every golden example is valid against its schema.
 */
class SignalSchemasTest {
    static final Path SCHEMAS = Path.of("schemas");
    static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    static final SchemaValidatorsConfig STRICT_FORMATS = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    static JsonSchema schema(Class<? extends DomainSignal> type) throws Exception {
        return FACTORY.getSchema(GoldenContractTest.JSON.readTree(Files.readString(SCHEMAS.resolve(SignalSchemas.fileName(type)))),
                STRICT_FORMATS);
    }

    static JsonNode golden(Class<? extends DomainSignal> type) throws Exception {
        return GoldenContractTest.JSON.readTree(Files.readString(GoldenContractTest.goldenFile(type)));
    }

    @Test
    void theCheckedInSchemasAreWhatTheRecordsSay() {
        assertEquals(List.of(), SchemaFiles.check(SCHEMAS, SignalCatalog.coreSignals(), GoldenContractTest.UPDATE));
    }

    @Test
    void everyGoldenExampleIsValidAgainstItsSchema() throws Exception {
        for (Class<? extends DomainSignal> type : SignalCatalog.coreSignals()) {
            Set<ValidationMessage> errors = schema(type).validate(golden(type));
            assertEquals(Set.of(), errors, SignalCatalog.typeName(type));
        }
    }

    @Test
    void whatJacksonWritesForEverySampleIsValidToo() throws Exception {
        for (DomainSignal sample : SampleSignals.all()) {
            assertEquals(Set.of(), schema(sample.getClass()).validate(GoldenContractTest.JSON.valueToTree(sample)),
                    sample.getClass().getSimpleName());
        }
    }

    @Test
    void theSchemasRefuseWhatTheRecordsRefuse() throws Exception {
        JsonSchema admitted = schema(PatientAdmitted.class);
        assertInvalid(admitted, without(golden(PatientAdmitted.class), "bedId"), "bedId");
        assertInvalid(admitted, with(golden(PatientAdmitted.class), "bedId", null), "bedId");
        assertInvalid(admitted, with(golden(PatientAdmitted.class), "patientId", "not-a-uuid"), "patientId");
        assertInvalid(admitted, with(golden(PatientAdmitted.class), "admittedAt", "yesterday"), "admittedAt");
        ObjectNode wrongType = (ObjectNode) golden(PatientAdmitted.class);
        ((ObjectNode) wrongType.get("envelope")).put("type", "care.patient.registered");
        assertInvalid(admitted, wrongType, "type");
        ObjectNode noEnvelopeId = (ObjectNode) golden(PatientAdmitted.class);
        ((ObjectNode) noEnvelopeId.get("envelope")).remove("signalId");
        assertInvalid(admitted, noEnvelopeId, "signalId");

        JsonSchema registered = schema(PatientRegistered.class);
        assertInvalid(registered, with(golden(PatientRegistered.class), "sex", "M"), "sex");
        assertInvalid(registered, with(golden(PatientRegistered.class), "dateOfBirth", "14/03/1958"), "dateOfBirth");
        assertInvalid(registered, with(golden(PatientRegistered.class), "ageYears", "67"), "ageYears");
    }

    @Test
    void optionalFieldsMayBeNullOrAbsentAndUnknownFieldsAreAllowed() throws Exception {
        JsonSchema registered = schema(PatientRegistered.class);
        assertEquals(Set.of(), registered.validate(with(golden(PatientRegistered.class), "sex", null)));
        assertEquals(Set.of(), registered.validate(without(golden(PatientRegistered.class), "dateOfBirth")));
        ObjectNode noCorrelation = (ObjectNode) golden(PatientRegistered.class);
        ((ObjectNode) noCorrelation.get("envelope")).putNull("correlationId");
        assertEquals(Set.of(), registered.validate(noCorrelation));
        // A field added later (a compatible change) must not make payloads invalid for consumers of this schema.
        assertEquals(Set.of(), registered.validate(with(golden(PatientRegistered.class), "phone", "+91 00000 00000")));
    }

    @Test
    void requiredFieldsAndFormatsComeFromTheRecords() {
        Map<String, Object> admitted = SignalSchemas.of(PatientAdmitted.class);
        assertEquals(List.of("envelope", "encounterId", "patientId", "bedId"), admitted.get("required"));
        assertEquals("urn:care:signal:care.encounter.patient-admitted:v1", admitted.get("$id"));
        assertEquals(SignalSchemas.DIALECT, admitted.get("$schema"));
        Map<String, Object> props = props(admitted);
        assertEquals(Map.of("type", "string", "format", "uuid"), props.get("bedId"));
        assertEquals(Map.of("type", List.of("string", "null"), "format", "uuid"), props.get("wardId"));
        assertEquals(Map.of("type", List.of("string", "null"), "format", "date-time"), props.get("admittedAt"));
        Map<String, Object> envelope = props(props.get("envelope"));
        assertEquals("care.encounter.patient-admitted", ((Map<?, ?>) envelope.get("type")).get("const"));
        assertEquals(1, ((Map<?, ?>) envelope.get("schemaVersion")).get("const"));
        assertEquals(List.of("signalId", "type", "schemaVersion", "occurredAt", "aggregateType", "aggregateId"),
                ((Map<?, ?>) props.get("envelope")).get("required"));

        // A constructor that replaces null by a value makes the field always present.
        assertEquals(List.of("envelope", "patientId", "changedFields"), SignalSchemas.of(PatientUpdated.class).get("required"));
        assertEquals(Map.of("type", "array", "items", Map.of("type", "string")), props(SignalSchemas.of(PatientUpdated.class)).get("changedFields"));
        // Primitives are always there; enums list their constants (and null when optional).
        Map<String, Object> facility = props(SignalSchemas.of(FacilityCreated.class));
        assertEquals(Map.of("type", "boolean"), facility.get("active"));
        Map<String, Object> registered = props(SignalSchemas.of(PatientRegistered.class));
        assertEquals(java.util.Arrays.asList("MALE", "FEMALE", "OTHER", "UNKNOWN", null), ((Map<?, ?>) registered.get("sex")).get("enum"));
        assertEquals(Map.of("type", List.of("string", "null"), "format", "date"), registered.get("dateOfBirth"));
        assertEquals(Map.of("type", List.of("integer", "null")), registered.get("ageYears"));
        Map<String, Object> bed = props(SignalSchemas.of(BedStatusChanged.class));
        assertEquals(Map.of("type", "string", "enum", List.of("FREE", "OCCUPIED", "CLEANING", "OUT_OF_SERVICE")), bed.get("status"));
    }

    @Test
    void aSchemaFileNoRecordDeclaresFailsTheCheck(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assertEquals(List.of(), SchemaFiles.check(dir, List.of(PatientAdmitted.class), true), "update mode writes the files");
        assertEquals(List.of(), SchemaFiles.check(dir, List.of(PatientAdmitted.class), false));
        Files.writeString(dir.resolve("care.encounter.patient-admitted.v0.schema.json"), "{}");
        List<String> problems = SchemaFiles.check(dir, List.of(PatientAdmitted.class), false);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("care.encounter.patient-admitted.v0.schema.json: no record declares"), problems.get(0));
    }

    @Test
    void aBreakingChangeIsRefusedEvenInUpdateModeAndACompatibleOneNeedsARefresh(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        SchemaFiles.check(dir, List.of(PatientAdmitted.class), true);
        Path file = dir.resolve(SignalSchemas.fileName(PatientAdmitted.class));
        String published = Files.readString(file);

        // As if the record had lost a field since publication: the published file has one more.
        Map<String, Object> older = Json.parseObject(published);
        props(older).put("bedName", Map.of("type", "string"));
        ((List<Object>) older.get("required")).add("bedName");
        Files.writeString(file, Json.write(older));
        List<String> problems = SchemaFiles.check(dir, List.of(PatientAdmitted.class), true);
        assertEquals(List.of("care.encounter.patient-admitted v1: field 'bedName' was removed or renamed — a breaking change: "
                + "publish a new version instead (see VERSIONING.md)"), problems);
        assertEquals(Json.write(older), Files.readString(file), "update mode leaves a breaking change alone");

        // As if the record had gained an optional field since: compatible, but the file must be refreshed.
        Map<String, Object> smaller = Json.parseObject(published);
        props(smaller).remove("admittedAt");
        Files.writeString(file, Json.write(smaller));
        problems = SchemaFiles.check(dir, List.of(PatientAdmitted.class), false);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("is out of date (a compatible change)"), problems.get(0));
        assertEquals(List.of(), SchemaFiles.check(dir, List.of(PatientAdmitted.class), true));
        assertEquals(published, Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> props(Object schema) {
        return (Map<String, Object>) ((Map<String, Object>) schema).get("properties");
    }

    static JsonNode with(JsonNode node, String field, String value) {
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        if (value == null) {
            copy.putNull(field);
        } else {
            copy.put(field, value);
        }
        return copy;
    }

    static JsonNode without(JsonNode node, String field) {
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        copy.remove(field);
        return copy;
    }

    static void assertInvalid(JsonSchema schema, JsonNode payload, String field) {
        Set<ValidationMessage> errors = schema.validate(payload);
        assertFalse(errors.isEmpty(), "expected " + field + " to be refused in " + payload);
        String all = errors.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("; "));
        assertTrue(all.contains(field), all);
    }
}
