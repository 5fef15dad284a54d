package network.ohc.care.plugs.manager;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites the built app's jars with their entries stored instead of deflated. Quarkus' class loader reads each
 * class from these jars at every start; inflating them was a quarter of the start's main thread in a profile
 * (README "Start-up"). Costs ~10 % more disk; entries, their order and their bytes stay the same. The other way,
 * {@link #deflate}, is for the container image, whose starts map the classes from its class archive and read the
 * jars only for resources: there deflated jars cost no start time and save about 100 MB.
 */
final class StoredJars {
    private StoredJars() {
    }

    /** Rewrites every jar under {@code dir} that has a deflated entry; returns how many it rewrote. */
    static int store(Path dir) throws IOException {
        return rewriteAll(dir, ZipEntry.STORED);
    }

    /**
     * Rewrites every jar under {@code dir} that has a stored entry with deflated entries; returns how many it rewrote.
     * A jar is replaced by a new file, so a hard link to it elsewhere keeps the old one.
     */
    static int deflate(Path dir) throws IOException {
        return rewriteAll(dir, ZipEntry.DEFLATED);
    }

    private static int rewriteAll(Path dir, int method) throws IOException {
        List<Path> jars;
        try (Stream<Path> files = Files.walk(dir)) {
            jars = files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
        int rewritten = 0;
        for (Path jar : jars) {
            if (rewrite(jar, method)) {
                rewritten++;
            }
        }
        return rewritten;
    }

    static boolean rewrite(Path jar, int method) throws IOException {
        Path tmp = jar.resolveSibling(jar.getFileName() + ".rewritten");
        try (ZipFile in = new ZipFile(jar.toFile())) {
            // An empty entry (a folder) stored by the jar's maker leaves it as good as deflated.
            if (in.stream().allMatch(e -> e.getMethod() == method || method == ZipEntry.DEFLATED && e.getSize() == 0)) {
                return false;
            }
            try (OutputStream file = Files.newOutputStream(tmp); ZipOutputStream out = new ZipOutputStream(file)) {
                out.setMethod(method);
                for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements();) {
                    ZipEntry e = entries.nextElement();
                    byte[] data;
                    try (InputStream is = in.getInputStream(e)) {
                        data = is.readAllBytes();
                    }
                    ZipEntry s = new ZipEntry(e.getName());
                    s.setMethod(method);
                    if (method == ZipEntry.STORED) {
                        CRC32 crc = new CRC32();
                        crc.update(data);
                        s.setSize(data.length);
                        s.setCompressedSize(data.length);
                        s.setCrc(crc.getValue());
                    }
                    s.setTime(e.getTime());
                    if (e.getExtra() != null) {
                        s.setExtra(e.getExtra());
                    }
                    if (e.getComment() != null) {
                        s.setComment(e.getComment());
                    }
                    out.putNextEntry(s);
                    out.write(data);
                    out.closeEntry();
                }
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("cannot rewrite " + jar + ": " + e.getMessage(), e);
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }
}
