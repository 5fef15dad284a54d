package network.ohc.care.bus.contracts.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The signal schemas of every contract jar on a class path: each jar lists its schema files in
 * {@link SignalSchemas#INDEX} (one fixed name per jar, read with {@code getResources}: no scanning, so a native image
 * holds them when its resources include {@code META-INF/care/schemas/**}).
 */
public final class SchemaResources {
    private SchemaResources() {
    }

    /** The schemas, sorted by file name; a file listed by two jars is read once. */
    public static List<Map<String, Object>> load(ClassLoader loader) {
        TreeMap<String, Map<String, Object>> byFile = new TreeMap<>();
        try {
            Enumeration<URL> indexes = loader.getResources(SignalSchemas.INDEX);
            while (indexes.hasMoreElements()) {
                for (String line : read(indexes.nextElement()).split("\n")) {
                    String file = line.strip();
                    if (file.isEmpty() || byFile.containsKey(file)) {
                        continue;
                    }
                    URL schema = loader.getResource(SignalSchemas.RESOURCE_DIR + file);
                    if (schema == null) {
                        throw new IllegalStateException(SignalSchemas.INDEX + " lists " + file + ", which is not on the class path");
                    }
                    byFile.put(file, Json.parseObject(read(schema)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(byFile.values());
    }

    private static String read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
