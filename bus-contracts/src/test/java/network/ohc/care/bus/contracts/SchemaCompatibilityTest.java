package network.ohc.care.bus.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import network.ohc.care.bus.contracts.schema.Json;
import network.ohc.care.bus.contracts.schema.SchemaCompatibility;
import network.ohc.care.bus.contracts.schema.SignalSchemas;
import org.junit.jupiter.api.Test;

/** Each kind of schema change, judged against VERSIONING.md. */
@SuppressWarnings("unchecked")
class SchemaCompatibilityTest {
    static final Map<String, Object> PUBLISHED = copy(SignalSchemas.of(PatientRegistered.class));

    static Map<String, Object> copy(Map<String, Object> schema) {
        return Json.parseObject(Json.write(schema));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> field(Map<String, Object> schema, String name) {
        return (Map<String, Object>) ((Map<String, Object>) schema.get("properties")).get(name);
    }

    @SuppressWarnings("unchecked")
    static List<Object> required(Map<String, Object> schema) {
        return (List<Object>) schema.get("required");
    }

    static List<String> problems(Map<String, Object> changed) {
        return SchemaCompatibility.problems(PUBLISHED, changed);
    }

    @Test
    void theSameSchemaIsCompatible() {
        assertEquals(List.of(), problems(copy(PUBLISHED)));
    }

    @Test
    void anOptionalNewFieldAndANewEnumConstantAreCompatible() {
        Map<String, Object> s = copy(PUBLISHED);
        ((Map<String, Object>) s.get("properties")).put("phone", Map.of("type", List.of("string", "null")));
        List<Object> constants = new ArrayList<>((List<?>) field(s, "sex").get("enum"));
        constants.add(0, "INTERSEX");
        field(s, "sex").put("enum", constants);
        assertEquals(List.of(), problems(s));
    }

    @Test
    void aRequiredNewFieldIsBreaking() {
        Map<String, Object> s = copy(PUBLISHED);
        ((Map<String, Object>) s.get("properties")).put("phone", Map.of("type", "string"));
        required(s).add("phone");
        assertEquals(List.of("new field 'phone' is required (payloads written before lack it: make it nullable)"), problems(s));
    }

    @Test
    void removingRetypingAndReformattingAFieldAreBreaking() {
        Map<String, Object> removed = copy(PUBLISHED);
        ((Map<?, ?>) removed.get("properties")).remove("name");
        assertEquals(List.of("field 'name' was removed or renamed"), problems(removed));

        Map<String, Object> retyped = copy(PUBLISHED);
        field(retyped, "ageYears").put("type", List.of("string", "null"));
        assertEquals(List.of("field 'ageYears' changed type from [integer, null] to [null, string]"), problems(retyped));

        Map<String, Object> reformatted = copy(PUBLISHED);
        field(reformatted, "dateOfBirth").put("format", "date-time");
        assertEquals(List.of("field 'dateOfBirth' changed format from date to date-time"), problems(reformatted));
    }

    @Test
    void changingWhetherAFieldIsAlwaysThereIsBreakingBothWays() {
        Map<String, Object> nowOptional = copy(PUBLISHED);
        required(nowOptional).remove("patientId");
        field(nowOptional, "patientId").put("type", List.of("string", "null"));
        assertEquals(List.of("field 'patientId' is no longer always present", "field 'patientId' changed type from [string] to [null, string]"),
                problems(nowOptional));

        Map<String, Object> nowRequired = copy(PUBLISHED);
        required(nowRequired).add("name");
        field(nowRequired, "name").put("type", "string");
        assertEquals(List.of("field 'name' became required (payloads written before lack it)",
                "field 'name' changed type from [null, string] to [string]"), problems(nowRequired));
    }

    @Test
    void aRemovedEnumConstantOrAChangedEnvelopeConstantIsBreaking() {
        Map<String, Object> s = copy(PUBLISHED);
        List<Object> constants = new ArrayList<>((List<?>) field(s, "sex").get("enum"));
        constants.remove("OTHER");
        field(s, "sex").put("enum", constants);
        assertEquals(List.of("field 'sex' lost enum constant(s) [OTHER]"), problems(s));

        Map<String, Object> renamed = copy(PUBLISHED);
        Map<String, Object> envelope = field(renamed, "envelope");
        field(envelope, "type").put("const", "care.patient.created");
        assertEquals(List.of("field 'envelope.type' changed const from care.patient.registered to care.patient.created"), problems(renamed));
    }
}
