package network.ohc.care.core.plug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationFingerprintTest {
    @TempDir
    Path tmp;

    private Optional<String> fingerprint(Path classPathEntry) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classPathEntry.toUri().toURL()}, null)) {
            return MigrationFingerprint.of(loader, "db/plugs/p");
        }
    }

    private Path dir(String name, Map<String, String> files) throws IOException {
        Path root = tmp.resolve(name);
        for (var f : files.entrySet()) {
            Path p = root.resolve("db/plugs/p/" + f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        return root;
    }

    private Path jar(String name, Map<String, String> files) throws IOException {
        Path jar = tmp.resolve(name + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            for (String d : new String[] {"db/", "db/plugs/", "db/plugs/p/"}) {
                j.putNextEntry(new JarEntry(d));
                j.closeEntry();
            }
            for (var f : new TreeMap<>(files).entrySet()) {
                j.putNextEntry(new JarEntry("db/plugs/p/" + f.getKey()));
                j.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                j.closeEntry();
            }
            j.putNextEntry(new JarEntry("db/plugs/other/V1__x.sql")); // another plug's folder is not part of it
            j.write("SELECT 1".getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
        }
        return jar;
    }

    @Test
    void theSameMigrationsGiveTheSameFingerprintInAJarOrAFolder() throws IOException {
        Map<String, String> files = Map.of("V1__a.sql", "CREATE TABLE a (id int);", "V2__b.sql", "CREATE TABLE b (id int);");
        Optional<String> inDir = fingerprint(dir("d", files));
        assertTrue(inDir.isPresent());
        assertEquals(inDir, fingerprint(jar("j", files)));
        assertEquals(inDir, fingerprint(dir("d2", files)));
    }

    @Test
    void aChangedAddedOrRenamedMigrationChangesIt() throws IOException {
        Optional<String> base = fingerprint(dir("base", Map.of("V1__a.sql", "CREATE TABLE a (id int);")));
        assertNotEquals(base, fingerprint(dir("changed", Map.of("V1__a.sql", "CREATE TABLE a (id bigint);"))));
        assertNotEquals(base, fingerprint(dir("added", Map.of("V1__a.sql", "CREATE TABLE a (id int);", "V2__b.sql", "SELECT 1;"))));
        assertNotEquals(base, fingerprint(dir("renamed", Map.of("V1_1__a.sql", "CREATE TABLE a (id int);"))));
        assertNotEquals(base, fingerprint(jar("nested", Map.of("V1__a.sql", "CREATE TABLE a (id int);", "more/V2__b.sql", "SELECT 1;"))));
    }

    @Test
    void noFolderOrAnUnknownKindOfResourceGivesNone() throws IOException {
        assertEquals(Optional.empty(), fingerprint(dir("none", Map.of())));
        ClassLoader foreign = new ClassLoader(null) {
            @Override
            protected URL findResource(String name) {
                try {
                    return new URL("http://example.invalid/" + name);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            protected java.util.Enumeration<URL> findResources(String name) {
                return java.util.Collections.enumeration(java.util.List.of(findResource(name)));
            }
        };
        assertEquals(Optional.empty(), MigrationFingerprint.of(foreign, "db/plugs/p"));
    }
}
