package network.ohc.care.core.plug;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A SHA-256 of every file under a migration folder on the class path (names and contents, in name order): equal
 * fingerprints mean Flyway would find the same migrations. Empty when a folder is not in a jar or a directory (a
 * native image's resources, say): the caller then lets Flyway decide. A deployment's build-time list of files is
 * fingerprinted by {@link #ofFiles} instead, with no folder listed.
 */
final class MigrationFingerprint {
    private MigrationFingerprint() {
    }

    static Optional<String> of(ClassLoader loader, String folder) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try {
            for (URL url : Collections.list(loader.getResources(folder))) {
                if (!collect(url, files)) {
                    return Optional.empty();
                }
            }
        } catch (IOException | UncheckedIOException | URISyntaxException e) {
            return Optional.empty();
        }
        return digest(files);
    }

    /**
     * The fingerprint of exactly {@code paths} (resource paths under {@code folder}, as a deployment's build-time list
     * names them), each read by its name: no folder is listed. Equal to {@link #of} for the same files. Empty when one
     * cannot be read.
     */
    static Optional<String> ofFiles(ClassLoader loader, String folder, java.util.List<String> paths) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        String prefix = folder + "/";
        for (String path : paths) {
            if (!path.startsWith(prefix)) {
                return Optional.empty();
            }
            try (InputStream in = loader.getResourceAsStream(path)) {
                if (in == null || files.put(path.substring(prefix.length()), in.readAllBytes()) != null) {
                    return Optional.empty();
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return digest(files);
    }

    private static Optional<String> digest(SortedMap<String, byte[]> files) {
        if (files.isEmpty()) {
            return Optional.empty();
        }
        MessageDigest sha = sha256();
        files.forEach((name, bytes) -> {
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(bytes);
        });
        return Optional.of(HexFormat.of().formatHex(sha.digest()));
    }

    /** Adds the files under {@code url}; false when its kind of URL is not understood. */
    private static boolean collect(URL url, SortedMap<String, byte[]> files) throws IOException, URISyntaxException {
        switch (url.getProtocol()) {
            case "file" -> {
                Path dir = Path.of(url.toURI());
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path p : walk.filter(Files::isRegularFile).toList()) {
                        if (files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p)) != null) {
                            return false; // the same name in two places: which one Flyway takes is its business
                        }
                    }
                }
                return true;
            }
            case "jar" -> {
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                connection.setUseCaches(false);
                String prefix = connection.getEntryName() + "/";
                try (JarFile jar = connection.getJarFile()) {
                    for (JarEntry e : Collections.list(jar.entries())) {
                        if (!e.isDirectory() && e.getName().startsWith(prefix)) {
                            try (InputStream in = jar.getInputStream(e)) {
                                if (files.put(e.getName().substring(prefix.length()), in.readAllBytes()) != null) {
                                    return false;
                                }
                            }
                        }
                    }
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
