package network.ohc.care.bus.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import network.ohc.care.bus.contracts.schema.SignalSchemas;
import org.junit.jupiter.api.Test;

/**
 * docs/signals.md is generated from the contracts (schemas and golden examples): the test fails when it differs;
 * {@code -Dcontracts.updateGoldens=true} rewrites it. And no doc or example names a signal type that does not exist.
 */
class SignalReferenceTest {
    static final Path DOC = Path.of("../docs/signals.md");

    @Test
    void theSignalReferenceIsGeneratedFromTheContracts() throws Exception {
        String generated = reference();
        if (GoldenContractTest.UPDATE) {
            Files.writeString(DOC, generated);
        }
        assertEquals(generated, Files.readString(DOC), "docs/signals.md is stale: run the bus-contracts tests with -Dcontracts.updateGoldens=true");
    }

    static String reference() throws Exception {
        StringBuilder md = new StringBuilder("""
                # Signals

                <!-- Generated from bus-contracts (schemas/ and the golden examples) by SignalReferenceTest; do not edit. -->

                Every signal core emits, per type and version. A plug subscribes with the Java class (from
                `care-bus-contracts`); webhooks and other consumers see the JSON below. Every signal carries an
                `envelope` (id, type, version, time, aggregate, facility, actor, correlation; see any example). Signals
                of one aggregate arrive in commit order. A field marked *nullable* may be `null`; *required* ones never are.
                Versioning rules: `bus-contracts/VERSIONING.md`.

                | type | version | Java class | aggregate | emitted when |
                |---|---|---|---|---|
                """);
        for (Class<? extends DomainSignal> type : SignalCatalog.coreSignals()) {
            JsonNode schema = schema(type);
            md.append("| [`").append(SignalCatalog.typeName(type)).append("`](#").append(anchor(type)).append(") | ")
                    .append(SignalCatalog.version(type)).append(" | `").append(type.getSimpleName()).append("` | ")
                    .append(aggregate(type)).append(" | ").append(schema.path("description").asText()).append(" |\n");
        }
        for (Class<? extends DomainSignal> type : SignalCatalog.coreSignals()) {
            JsonNode schema = schema(type);
            md.append("\n## ").append(SignalCatalog.typeName(type)).append(" v").append(SignalCatalog.version(type)).append("\n\n")
                    .append(schema.path("description").asText()).append(" Java: `").append(type.getName()).append("`; schema: `bus-contracts/schemas/")
                    .append(SignalSchemas.fileName(type)).append("`.\n\n| field | type | |\n|---|---|---|\n");
            Set<String> required = new TreeSet<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            var fields = schema.path("properties").fields();
            while (fields.hasNext()) {
                var f = fields.next();
                if (f.getKey().equals("envelope")) {
                    continue;
                }
                md.append("| `").append(f.getKey()).append("` | ").append(typeOf(f.getValue())).append(" | ")
                        .append(nullable(f.getValue()) ? "nullable" : required.contains(f.getKey()) ? "required" : "optional")
                        .append(f.getValue().has("description") ? "; " + f.getValue().path("description").asText() : "").append(" |\n");
            }
            md.append("\nExample:\n\n```json\n")
                    .append(Files.readString(GoldenContractTest.goldenFile(type)).strip()).append("\n```\n");
        }
        return md.toString();
    }

    static JsonNode schema(Class<? extends DomainSignal> type) throws Exception {
        return GoldenContractTest.JSON.readTree(Files.readString(SignalSchemasTest.SCHEMAS.resolve(SignalSchemas.fileName(type))));
    }

    static String anchor(Class<? extends DomainSignal> type) {
        return (SignalCatalog.typeName(type) + " v" + SignalCatalog.version(type)).replaceAll("[^a-z0-9 -]", "").replace(' ', '-');
    }

    static String aggregate(Class<? extends DomainSignal> type) throws Exception {
        JsonNode golden = GoldenContractTest.JSON.readTree(Files.readString(GoldenContractTest.goldenFile(type)));
        return golden.path("envelope").path("aggregateType").asText();
    }

    static boolean nullable(JsonNode field) {
        if (field.path("type").isArray()) {
            for (JsonNode t : field.path("type")) {
                if (t.asText().equals("null")) {
                    return true;
                }
            }
        }
        return false;
    }

    static String typeOf(JsonNode field) {
        List<String> types = new ArrayList<>();
        if (field.path("type").isArray()) {
            field.path("type").forEach(t -> {
                if (!t.asText().equals("null")) {
                    types.add(t.asText());
                }
            });
        } else if (field.has("type")) {
            types.add(field.path("type").asText());
        }
        String t = String.join(" or ", types);
        if (field.has("format")) {
            t += " (" + field.path("format").asText() + ")";
        }
        if (field.has("enum")) {
            List<String> values = new ArrayList<>();
            field.path("enum").forEach(v -> {
                if (!v.isNull()) {
                    values.add(v.asText());
                }
            });
            t += ": " + String.join(", ", values);
        }
        if (field.has("items")) {
            t += " of " + typeOf(field.path("items"));
        }
        return t.isEmpty() ? "any" : t;
    }

    /** {@code care.<aggregate>.<event>} for the aggregates core's signals use, with an optional {@code .vN} or {@code .*}. */
    static final Pattern MENTION = Pattern.compile("\\bcare\\.(" + SignalCatalog.coreSignals().stream()
            .map(t -> SignalCatalog.typeName(t).split("\\.")[1]).distinct().collect(Collectors.joining("|"))
            + ")\\.([a-z0-9*][a-z0-9-]*)");

    @Test
    void everySignalTypeNamedInTheDocsAndExamplesExists() throws Exception {
        Set<String> known = SignalCatalog.coreSignals().stream().map(SignalCatalog::typeName).collect(Collectors.toSet());
        List<Path> files = new ArrayList<>(List.of(Path.of("../README.md"), Path.of("../plug-config.properties"),
                Path.of("../application.properties")));
        try (Stream<Path> docs = Files.list(Path.of("../docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(files::add);
        }
        try (Stream<Path> descriptors = Stream.of("census", "webhooks", "kafka-export").map(p -> Path.of("../plugs", p,
                "runtime/src/main/resources/META-INF/care-plug.properties"))) {
            descriptors.forEach(files::add);
        }
        files.add(Path.of("../plug-template/runtime/src/main/resources/META-INF/care-plug.properties"));
        List<String> unknown = new ArrayList<>();
        for (Path f : files) {
            if (!Files.exists(f)) {
                continue;
            }
            List<String> lines = Files.readAllLines(f);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = MENTION.matcher(lines.get(i));
                while (m.find()) {
                    String type = m.group();
                    // A quoted refusal ("unknown signal type 'care.patient.registred'") shows a mistake on purpose.
                    boolean refusalExample = lines.get(i).contains("unknown signal type '" + type + "'");
                    if (!type.endsWith("*") && !known.contains(type) && !refusalExample) {
                        unknown.add(f.normalize() + ":" + (i + 1) + ": " + type);
                    }
                }
            }
        }
        assertEquals(List.of(), unknown, "signal types that are not in the catalog (SignalCatalog.coreSignals())");
    }

    @Test
    void aWrongMentionIsFound() {
        Matcher m = MENTION.matcher("types=care.patient.admitted,care.encounter.*,care.bus.delivered");
        assertEquals(true, m.find());
        assertEquals("care.patient.admitted", m.group());
        assertEquals(true, m.find());
        assertEquals("care.encounter.*", m.group());
        assertEquals(false, m.find());
    }
}
