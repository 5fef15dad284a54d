package network.ohc.care.bus.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The wire form of every signal is pinned by a golden file, {@code src/test/resources/golden/<type>.v<version>.json}.
 * Adding a field passes; removing, renaming or retyping one fails, because consumers of that version would break
 * (see VERSIONING.md). {@code -Dcontracts.updateGoldens=true} rewrites the files after a deliberate change.
 */
class GoldenContractTest {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final boolean UPDATE = Boolean.getBoolean("contracts.updateGoldens");

    static Path goldenFile(Class<? extends DomainSignal> type) {
        return GOLDEN.resolve(SignalCatalog.typeName(type) + ".v" + SignalCatalog.version(type) + ".json");
    }

    @Test
    void everyCoreSignalHasASampleAndAGoldenFile() {
        Set<Class<?>> sampled = SampleSignals.all().stream().map(Object::getClass).collect(Collectors.toSet());
        for (Class<? extends DomainSignal> type : SignalCatalog.coreSignals()) {
            assertTrue(sampled.contains(type), "SampleSignals has no " + type.getSimpleName());
            assertTrue(UPDATE || Files.exists(goldenFile(type)), "no golden file " + goldenFile(type) + " (run with -Dcontracts.updateGoldens=true)");
        }
    }

    @Test
    void currentSignalsStillCarryEveryGoldenField() throws Exception {
        List<String> problems = new ArrayList<>();
        for (DomainSignal sample : SampleSignals.all()) {
            Path file = goldenFile(sample.getClass());
            JsonNode current = JSON.valueToTree(sample);
            if (UPDATE && !Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, JSON.writeValueAsString(current) + "\n");
                continue;
            }
            JsonNode golden = JSON.readTree(Files.readString(file));
            List<String> broken = compatibilityProblems(golden, current);
            for (String b : broken) {
                problems.add(SignalCatalog.typeName(sample.getClass()) + " v" + SignalCatalog.version(sample.getClass()) + ": " + b
                        + " — a breaking change: add a new version instead (see VERSIONING.md)");
            }
            if (UPDATE && broken.isEmpty()) {
                Files.writeString(file, JSON.writeValueAsString(current) + "\n");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void goldenPayloadsStillDeserializeIntoTheCurrentRecords() throws Exception {
        for (Class<? extends DomainSignal> type : SignalCatalog.coreSignals()) {
            DomainSignal read = JSON.readValue(Files.readString(goldenFile(type)), type);
            assertEquals(SignalCatalog.typeName(type), read.envelope().type());
            assertEquals(SignalCatalog.version(type), read.envelope().schemaVersion());
        }
    }

    @Test
    void theCheckCatchesARemovedARenamedAndARetypedField() throws Exception {
        DomainSignal sample = SampleSignals.all().stream().filter(s -> s instanceof PatientAdmitted).findFirst().orElseThrow();
        JsonNode golden = JSON.readTree(Files.readString(goldenFile(PatientAdmitted.class)));

        ObjectNode removed = (ObjectNode) JSON.valueToTree(sample);
        removed.remove("bedId");
        assertEquals(List.of("field 'bedId' was removed or renamed"), compatibilityProblems(golden, removed));

        ObjectNode renamed = (ObjectNode) JSON.valueToTree(sample);
        renamed.set("bed", renamed.remove("bedId"));
        assertEquals(List.of("field 'bedId' was removed or renamed"), compatibilityProblems(golden, renamed));

        ObjectNode retyped = (ObjectNode) JSON.valueToTree(sample);
        ((ObjectNode) retyped.get("envelope")).put("schemaVersion", "1");
        assertEquals(List.of("field 'envelope.schemaVersion' changed type from NUMBER to STRING"), compatibilityProblems(golden, retyped));

        JsonNode goldenUpdated = JSON.readTree(Files.readString(goldenFile(PatientUpdated.class)));
        ObjectNode listRetyped = (ObjectNode) JSON.valueToTree(SampleSignals.all().stream().filter(s -> s instanceof PatientUpdated)
                .findFirst().orElseThrow());
        listRetyped.putArray("changedFields").add(1);
        assertEquals(List.of("elements of 'changedFields' changed type from STRING to NUMBER"),
                compatibilityProblems(goldenUpdated, listRetyped));

        ObjectNode added = (ObjectNode) JSON.valueToTree(sample);
        added.put("newOptionalField", "fine");
        assertEquals(List.of(), compatibilityProblems(golden, added), "adding a field is compatible");
    }

    static final Path ENUMS = GOLDEN.resolve("enums.json");

    /**
     * The constants of every enum a core signal carries: a golden payload shows one value per field, so a renamed or
     * removed constant it does not show would pass unnoticed. Adding a constant passes.
     */
    @Test
    void everyEnumConstantOfTheSignalsIsStillThere() throws Exception {
        java.util.SortedMap<String, List<String>> current = new java.util.TreeMap<>();
        for (Class<? extends DomainSignal> type : SignalCatalog.coreSignals()) {
            collectEnums(type, current, new java.util.HashSet<>());
        }
        assertTrue(!current.isEmpty(), "the core signals carry enums");
        if (UPDATE || !Files.exists(ENUMS)) {
            assertTrue(UPDATE, "no golden file " + ENUMS + " (run with -Dcontracts.updateGoldens=true)");
            Files.writeString(ENUMS, JSON.writeValueAsString(current) + "\n");
            return;
        }
        List<String> problems = new ArrayList<>();
        JsonNode golden = JSON.readTree(Files.readString(ENUMS));
        golden.fields().forEachRemaining(e -> {
            List<String> now = current.getOrDefault(e.getKey(), List.of());
            e.getValue().forEach(v -> {
                if (!now.contains(v.asText())) {
                    problems.add("enum " + e.getKey() + " lost the value " + v.asText() + " — a breaking change (see VERSIONING.md)");
                }
            });
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static void collectEnums(java.lang.reflect.Type type, Map<String, List<String>> out, Set<java.lang.reflect.Type> seen) {
        if (!seen.add(type)) {
            return;
        }
        if (type instanceof java.lang.reflect.ParameterizedType p) {
            for (java.lang.reflect.Type arg : p.getActualTypeArguments()) {
                collectEnums(arg, out, seen);
            }
        } else if (type instanceof Class<?> c && c.isEnum()) {
            out.put(c.getName(), java.util.Arrays.stream(c.getEnumConstants()).map(x -> ((Enum<?>) x).name()).toList());
        } else if (type instanceof Class<?> c && c.isRecord()) {
            for (var component : c.getRecordComponents()) {
                collectEnums(component.getGenericType(), out, seen);
            }
        }
    }

    /** Every field of {@code golden} must exist in {@code current} with the same JSON type. */
    static List<String> compatibilityProblems(JsonNode golden, JsonNode current) {
        List<String> out = new ArrayList<>();
        compare("", golden, current, out);
        return out;
    }

    private static void compare(String path, JsonNode golden, JsonNode current, List<String> out) {
        Iterator<Map.Entry<String, JsonNode>> fields = golden.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String name = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
            JsonNode now = current.get(f.getKey());
            if (now == null) {
                out.add("field '" + name + "' was removed or renamed");
            } else if (!f.getValue().isNull() && !now.isNull() && f.getValue().getNodeType() != now.getNodeType()) {
                out.add("field '" + name + "' changed type from " + f.getValue().getNodeType() + " to " + now.getNodeType());
            } else if (f.getValue().isObject()) {
                compare(name, f.getValue(), now, out);
            } else if (f.getValue().isArray() && f.getValue().size() > 0 && now.size() > 0) {
                compareElement(name + "[]", f.getValue().get(0), now.get(0), out);
            }
        }
    }

    /** An array's elements: the golden's first element against the current first element. */
    private static void compareElement(String name, JsonNode golden, JsonNode current, List<String> out) {
        if (!golden.isNull() && !current.isNull() && golden.getNodeType() != current.getNodeType()) {
            out.add("elements of '" + name.substring(0, name.length() - 2) + "' changed type from " + golden.getNodeType() + " to "
                    + current.getNodeType());
        } else if (golden.isObject()) {
            compare(name, golden, current, out);
        } else if (golden.isArray() && golden.size() > 0 && current.size() > 0) {
            compareElement(name + "[]", golden.get(0), current.get(0), out);
        }
    }
}
