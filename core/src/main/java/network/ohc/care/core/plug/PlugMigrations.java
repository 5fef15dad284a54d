package network.ohc.care.core.plug;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.flywaydb.core.api.ClassProvider;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.resource.classpath.ClassPathResource;
import org.flywaydb.core.internal.util.StringUtils;

/**
 * Where each plug's migrations are. A deployment built by {@code ./care build} carries their list, written at build time
 * by the plug manager from the plug jars ({@value #INDEX}, one resource path a line): Flyway and the fingerprint then get
 * exactly those files, each read by its name, and no class-path folder is listed. A native image cannot list a resource
 * folder, and there Quarkus replaces Flyway's class-path scanner by the list it makes at build from
 * {@code quarkus.flyway.locations}, which holds core's migrations only: without this list no plug migration would be
 * found. As Quarkus' own Flyway extension does, the list reaches Flyway as its {@link ResourceProvider}, with no Java
 * migration classes.
 * <p>
 * Without the list (core's own tests, the migration trial run on a build's class path, an app not built by
 * {@code ./care build}) the folders {@code db/plugs/<plug>} are scanned, as before; JVM only.
 */
final class PlugMigrations {
    static final String INDEX = "META-INF/care/plug-migrations.list";

    private final ClassLoader loader;
    /** Plug name to the resource paths of its migrations, in name order; null when there is no list. */
    private final Map<String, List<String>> listed;

    private PlugMigrations(ClassLoader loader, Map<String, List<String>> listed) {
        this.loader = loader;
        this.listed = listed;
    }

    /** The list {@code loader} carries, or scanning when it has none. */
    static PlugMigrations of(ClassLoader loader) {
        URL index = loader.getResource(INDEX);
        if (index == null) {
            return new PlugMigrations(loader, null);
        }
        try (InputStream in = index.openStream()) {
            return listed(loader, new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + INDEX, e);
        }
    }

    /** Exactly the files {@code lines} name ({@code db/plugs/<plug>/…}; blank lines and # comments skipped). */
    static PlugMigrations listed(ClassLoader loader, List<String> lines) {
        Map<String, List<String>> byPlug = new TreeMap<>();
        for (String line : lines) {
            String path = line.strip();
            if (path.isEmpty() || path.startsWith("#")) {
                continue;
            }
            String[] parts = path.split("/", 4);
            if (parts.length < 4 || !parts[0].equals("db") || !parts[1].equals("plugs") || parts[3].isEmpty()) {
                throw new IllegalStateException(INDEX + ": '" + path + "' is not a file under db/plugs/<plug>/");
            }
            byPlug.computeIfAbsent(parts[2], p -> new ArrayList<>()).add(path);
        }
        byPlug.values().forEach(files -> files.sort(null));
        return new PlugMigrations(loader, byPlug);
    }

    static String folder(String plug) {
        return "db/plugs/" + plug;
    }

    /** Whether this app carries the build-time list (else the folders are scanned). */
    boolean isListed() {
        return listed != null;
    }

    boolean has(String plug) {
        return listed != null ? listed.containsKey(plug) : loader.getResource(folder(plug)) != null;
    }

    /** The listed files of {@code plug} (resource paths), empty without a list. */
    List<String> files(String plug) {
        return listed == null ? List.of() : listed.getOrDefault(plug, List.of());
    }

    /** The plug's location, and with a list exactly its files as Flyway's resources and no Java migrations. */
    FluentConfiguration configure(FluentConfiguration flyway, String plug) {
        flyway.locations("classpath:" + folder(plug));
        if (listed != null) {
            flyway.resourceProvider(new Listed(loader, folder(plug), files(plug), flyway.getEncoding()))
                    .javaMigrationClassProvider(NO_JAVA_MIGRATIONS);
        }
        return flyway;
    }

    /** The fingerprint of the plug's migrations: of the listed files, or of the scanned folder. */
    Optional<String> fingerprint(String plug) {
        return listed != null ? MigrationFingerprint.ofFiles(loader, folder(plug), files(plug)) : MigrationFingerprint.of(loader, folder(plug));
    }

    private static final ClassProvider<JavaMigration> NO_JAVA_MIGRATIONS = List::of;

    /** Flyway's resources: the listed files only, as Quarkus' QuarkusFlywayResourceProvider gives them. */
    static final class Listed implements ResourceProvider {
        private final List<LoadableResource> resources;

        Listed(ClassLoader loader, String folder, List<String> files, Charset encoding) {
            Location location = new Location("classpath:" + folder);
            List<LoadableResource> r = new ArrayList<>();
            for (String f : files) {
                r.add(new ClassPathResource(location, f, loader, encoding));
            }
            this.resources = List.copyOf(r);
        }

        @Override
        public LoadableResource getResource(String name) {
            for (LoadableResource r : resources) {
                if (r.getRelativePath().equals(name) || r.getAbsolutePath().equals(name)) {
                    return r;
                }
            }
            return null;
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
            return resources.stream().filter(r -> StringUtils.startsAndEndsWith(r.getFilename(), prefix, suffixes)).toList();
        }
    }
}
