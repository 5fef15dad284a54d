package network.ohc.care.bus.contracts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * The official JSON Schema of AsyncAPI 3.0.0, from the npm package {@code @asyncapi/specs} (fetched once with
 * {@code npm pack} into {@code target/}; needs Node.js and npm, as the other API checks do).
 */
final class AsyncApiSpec {
    static final String PACKAGE = "@asyncapi/specs";
    static final String VERSION = "6.11.1";
    static final String ENTRY = "package/schemas/3.0.0-without-$id.json";

    private AsyncApiSpec() {
    }

    static String schema() throws IOException, InterruptedException {
        Path dir = Path.of("target", "npm");
        Path tgz = dir.resolve("asyncapi-specs-" + VERSION + ".tgz");
        if (!Files.exists(tgz)) {
            Files.createDirectories(dir);
            Process npm;
            try {
                npm = new ProcessBuilder("npm", "pack", PACKAGE + "@" + VERSION, "--pack-destination", dir.toString(), "--silent")
                        .redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new IllegalStateException("the AsyncAPI check needs npm (Node.js 20) on the PATH: " + e.getMessage(), e);
            }
            String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0 || !Files.exists(tgz)) {
                throw new IllegalStateException("npm pack " + PACKAGE + "@" + VERSION + " failed:\n" + out);
            }
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tgz))) {
            return untar(in, ENTRY);
        }
    }

    /** The text of one regular file in a tar stream (ustar: a 512-byte header per entry, data padded to 512). */
    private static String untar(InputStream in, String wanted) throws IOException {
        byte[] header = new byte[512];
        while (in.readNBytes(header, 0, 512) == 512) {
            String name = field(header, 0, 100);
            if (name.isEmpty()) {
                break;
            }
            String prefix = field(header, 345, 155);
            String path = prefix.isEmpty() ? name : prefix + "/" + name;
            long size = Long.parseLong(field(header, 124, 12).strip(), 8);
            byte[] data = in.readNBytes((int) size);
            in.skipNBytes((512 - size % 512) % 512);
            if (path.equals(wanted)) {
                return new String(data, StandardCharsets.UTF_8);
            }
        }
        throw new IOException(wanted + " is not in the package");
    }

    private static String field(byte[] header, int offset, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = offset; i < offset + length && header[i] != 0; i++) {
            out.write(header[i]);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
