package network.ohc.care.bus.contracts.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import network.ohc.care.bus.contracts.DomainSignal;
import network.ohc.care.bus.contracts.SignalCatalog;

/**
 * Keeps a contract module's checked-in schema folder (packed into its jar as {@link SignalSchemas#RESOURCE_DIR}) in
 * step with its records, from a plain JUnit test:
 *
 * <pre>{@code
 * assertEquals(List.of(), SchemaFiles.check(Path.of("schemas"), MySignals.all(), Boolean.getBoolean("contracts.updateGoldens")));
 * }</pre>
 *
 * A record whose schema lost, retyped or newly required a field is a breaking change and is refused, in update mode
 * too (publish a new version instead). A compatible change (a new optional field, a new enum constant) fails until
 * the files are refreshed with {@code update}, so what the jar serves is always what the records say. A published
 * version whose record is gone fails too: published versions stay readable. Beside the schemas it keeps
 * {@code index.txt} (the schema files) and {@code classes.txt} (the record of each type and version, see
 * {@link network.ohc.care.bus.contracts.SignalCatalog#onClassPath}).
 */
public final class SchemaFiles {
    private SchemaFiles() {
    }

    /** What is wrong with {@code dir} for {@code types}, as messages; empty when it is up to date (or was just updated). */
    public static List<String> check(Path dir, Collection<Class<? extends DomainSignal>> types, boolean update) {
        List<String> problems = new ArrayList<>();
        TreeSet<String> expected = new TreeSet<>();
        java.util.TreeMap<String, String> classes = new java.util.TreeMap<>();
        try {
            for (Class<? extends DomainSignal> type : types) {
                classes.put(SignalSchemas.key(SignalCatalog.typeName(type), SignalCatalog.version(type)), type.getName());
                String name = SignalCatalog.typeName(type) + " v" + SignalCatalog.version(type);
                String file = SignalSchemas.fileName(type);
                expected.add(file);
                String generated = Json.write(SignalSchemas.of(type));
                Path path = dir.resolve(file);
                if (!Files.exists(path)) {
                    if (update) {
                        write(path, generated);
                    } else {
                        problems.add(name + ": no schema file " + path + " (run once with -Dcontracts.updateGoldens=true and commit it)");
                    }
                    continue;
                }
                String published = Files.readString(path, StandardCharsets.UTF_8);
                List<String> breaking = SchemaCompatibility.problems(Json.parseObject(published), Json.parseObject(generated));
                breaking.forEach(b -> problems.add(name + ": " + b + " — a breaking change: publish a new version instead (see VERSIONING.md)"));
                if (breaking.isEmpty() && !published.equals(generated)) {
                    if (update) {
                        write(path, generated);
                    } else {
                        problems.add(name + ": " + path + " is out of date (a compatible change): run with -Dcontracts.updateGoldens=true "
                                + "and commit it");
                    }
                }
            }
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".schema.json") && !expected.contains(f)).sorted()
                            .forEach(f -> problems.add(f + ": no record declares this type and version any more; published versions "
                                    + "stay in the jar (see VERSIONING.md)"));
                }
            }
            String index = String.join("\n", expected) + "\n";
            Path indexFile = dir.resolve("index.txt");
            if (!Files.exists(indexFile) || !Files.readString(indexFile, StandardCharsets.UTF_8).equals(index)) {
                if (update) {
                    write(indexFile, index);
                } else {
                    problems.add(indexFile + " does not list exactly this module's schema files: run with -Dcontracts.updateGoldens=true");
                }
            }
            StringBuilder classIndex = new StringBuilder();
            classes.forEach((key, cls) -> classIndex.append(key).append('=').append(cls).append('\n'));
            Path classesFile = dir.resolve("classes.txt");
            if (!Files.exists(classesFile) || !Files.readString(classesFile, StandardCharsets.UTF_8).equals(classIndex.toString())) {
                if (update) {
                    write(classesFile, classIndex.toString());
                } else {
                    problems.add(classesFile + " does not list exactly this module's signal records: run with -Dcontracts.updateGoldens=true");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    private static void write(Path path, String text) throws IOException {
        Files.createDirectories(path.getParent());
        Files.writeString(path, text, StandardCharsets.UTF_8);
    }
}
