package network.ohc.care.plug.test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import network.ohc.care.bus.contracts.DomainSignal;
import network.ohc.care.bus.contracts.SignalCatalog;
import network.ohc.care.bus.contracts.schema.SignalSchemas;

/**
 * Pins the wire form of a plug's own signals, as core pins its own: one golden file per type and version,
 * {@code <dir>/<type>.v<version>.json}. A sample that lost, renamed or retyped a golden field fails (consumers of that
 * version would break: make a new version instead); added fields pass. Each sample must also be valid against its
 * JSON Schema when the contract jar carries one ({@code META-INF/care/schemas}, see {@code SchemaFiles}). Run once with
 * {@code -Dcontracts.updateGoldens=true} to write the files, and commit them. A plain JUnit test, no Quarkus needed.
 */
public final class GoldenContracts {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private GoldenContracts() {
    }

    /** Throws an {@link AssertionError} naming every incompatible field of every sample. */
    public static void assertCompatible(Path goldenDir, List<? extends DomainSignal> samples) throws IOException {
        boolean update = Boolean.getBoolean("contracts.updateGoldens");
        List<String> problems = new ArrayList<>();
        for (DomainSignal sample : samples) {
            Class<? extends DomainSignal> type = sample.getClass();
            String name = SignalCatalog.typeName(type) + " v" + SignalCatalog.version(type);
            Path file = goldenDir.resolve(SignalCatalog.typeName(type) + ".v" + SignalCatalog.version(type) + ".json");
            JsonNode current = JSON.valueToTree(sample);
            if (!Files.exists(file)) {
                if (update) {
                    Files.createDirectories(goldenDir);
                    Files.writeString(file, JSON.writeValueAsString(current) + "\n");
                } else {
                    problems.add(name + ": no golden file " + file + " (run once with -Dcontracts.updateGoldens=true and commit it)");
                }
                continue;
            }
            List<String> broken = problems(JSON.readTree(Files.readString(file)), current);
            broken.forEach(b -> problems.add(name + ": " + b + " — a breaking change: publish a new version instead"));
            try {
                JSON.readValue(Files.readString(file), type);
            } catch (IOException e) {
                problems.add(name + ": the golden payload no longer reads into " + type.getSimpleName() + ": " + e.getMessage());
            }
            if (update && broken.isEmpty()) {
                Files.writeString(file, JSON.writeValueAsString(current) + "\n");
            }
            problems.addAll(schemaProblems(name, type, current));
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(String.join("\n", problems));
        }
    }

    /** Where the sample is not valid against its JSON Schema in the contract jar (none to check when the jar has none). */
    private static List<String> schemaProblems(String name, Class<? extends DomainSignal> type, JsonNode sample) throws IOException {
        String resource = SignalSchemas.RESOURCE_DIR + SignalSchemas.fileName(type);
        try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return List.of();
            }
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(JSON.readTree(in), SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
            return schema.validate(sample).stream().map(m -> name + ": not valid against " + resource + ": " + m.getMessage()).toList();
        }
    }

    /** Every field of {@code golden} must still exist in {@code current} with the same JSON type. */
    public static List<String> problems(JsonNode golden, JsonNode current) {
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
