package network.ohc.care.plugs.manager;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredJarsTest {
    @TempDir
    Path dir;

    @Test
    void deflatedEntriesAreStoredWithTheSameNamesOrderAndBytes() throws IOException {
        Map<String, byte[]> entries = sampleEntries();
        entries.put("a/c.properties", "k=v\n".getBytes(StandardCharsets.UTF_8));
        Path jar = Files.createDirectories(dir.resolve("lib/main")).resolve("one.jar");
        write(jar, entries);
        Path other = dir.resolve("lib/main/two.jar");
        write(other, Map.of("x.txt", "y".repeat(5_000).getBytes(StandardCharsets.UTF_8)));
        long before = Files.size(jar);

        assertEquals(2, StoredJars.store(dir));

        assertEntries(jar, entries, ZipEntry.STORED);
        try (JarFile j = new JarFile(jar.toFile())) {
            assertEquals("t", j.getManifest().getMainAttributes().getValue("Implementation-Title"));
        }
        assertEquals(true, Files.size(jar) > before, "stored entries take more room than deflated ones");
        assertEquals(0, StoredJars.store(dir), "a second run has nothing left to rewrite");
    }

    @Test
    void storedJarsAreDeflatedAgainWithTheSameEntriesAndAHardLinkKeepsTheOldFile() throws IOException {
        Map<String, byte[]> entries = sampleEntries();
        Path jar = Files.createDirectories(dir.resolve("app/lib")).resolve("one.jar");
        write(jar, entries);
        assertEquals(1, StoredJars.store(dir.resolve("app")));
        Path link = Files.createLink(dir.resolve("linked.jar"), jar); // as ./care image links the app into its build context
        long stored = Files.size(jar);

        assertEquals(1, StoredJars.deflate(dir.resolve("app")));

        assertEntries(jar, entries, ZipEntry.DEFLATED);
        assertEquals(true, Files.size(jar) < stored, "deflated entries take less room than stored ones");
        assertEquals(stored, Files.size(link), "the hard-linked original is left as it was");
        try (ZipFile z = new ZipFile(link.toFile())) {
            assertEquals(ZipEntry.STORED, z.getEntry("a/B.class").getMethod());
        }
        assertEquals(0, StoredJars.deflate(dir.resolve("app")), "a second run has nothing left to rewrite");
    }

    /** A manifest, a folder and a class, in this order. */
    private static Map<String, byte[]> sampleEntries() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nImplementation-Title: t\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        entries.put("a/", new byte[0]);
        entries.put("a/B.class", "x".repeat(10_000).getBytes(StandardCharsets.UTF_8));
        return entries;
    }

    /**
     * {@code jar} holds {@code entries}, same names, order and bytes, written with {@code method}: every entry when
     * stored; when deflated, every entry with bytes (a folder may stay stored).
     */
    private static void assertEntries(Path jar, Map<String, byte[]> entries, int method) throws IOException {
        try (ZipFile z = new ZipFile(jar.toFile())) {
            List<String> names = new ArrayList<>();
            z.stream().forEach(e -> {
                names.add(e.getName());
                if (method == ZipEntry.STORED || e.getSize() > 0) {
                    assertEquals(method, e.getMethod(), e.getName());
                }
            });
            assertEquals(List.copyOf(entries.keySet()), names);
            for (var e : entries.entrySet()) {
                try (InputStream in = z.getInputStream(z.getEntry(e.getKey()))) {
                    assertArrayEquals(e.getValue(), in.readAllBytes(), e.getKey());
                }
            }
        }
    }

    private static void write(Path jar, Map<String, byte[]> entries) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream out = new ZipOutputStream(file)) {
            for (var e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
    }
}
