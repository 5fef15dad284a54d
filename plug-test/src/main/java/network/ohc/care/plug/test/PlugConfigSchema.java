package network.ohc.care.plug.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The config schema the plug SDK generated from a plug's {@code @ConfigMapping} interface when its runtime module
 * compiled ({@code META-INF/care-plug-config.properties}): what {@code ./care build} checks plug-config.properties
 * against. A plug's test pins it, so that a changed default, a lost {@code @Secret} or a renamed key shows up in review.
 */
public final class PlugConfigSchema {
    public static final String PATH = "META-INF/care-plug-config.properties";

    private PlugConfigSchema() {
    }

    /** The schema in the jar (or classes folder) that holds {@code anyClassOfThePlug}, sorted by key. */
    public static Map<String, String> of(Class<?> anyClassOfThePlug) {
        URL runtime = anyClassOfThePlug.getProtectionDomain().getCodeSource().getLocation();
        Properties p = new Properties();
        try (URLClassLoader jar = new URLClassLoader(new URL[] {runtime}, null); InputStream in = jar.getResourceAsStream(PATH)) {
            if (in == null) {
                throw new IllegalStateException("no " + PATH + " in " + runtime + ": was the runtime module compiled with care-plug-sdk 1.2+?");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> out = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }
}
