package network.ohc.care.core.plug;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.eclipse.microprofile.config.Config;

/**
 * The plugs fixed into this image by {@code ./care build}, read from the {@code META-INF/care-deployment.properties}
 * the plug manager writes into the deployment. Read-only: nothing adds a plug at run time.
 */
@ApplicationScoped
public class InstalledPlugs {
    public static final String RESOURCE = "META-INF/care-deployment.properties";
    public static final String REDACTED = "**redacted**";

    /** One plug as built into the image. */
    public record Plug(String name, String version, String source, String commit, String artifact, String description,
            List<String> configKeys, List<String> secretKeys, Map<String, String> defaults) {
    }

    private final List<Plug> plugs;

    public InstalledPlugs() {
        this(load());
    }

    InstalledPlugs(Properties p) {
        this.plugs = parse(p);
    }

    public List<Plug> plugs() {
        return plugs;
    }

    static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    static List<Plug> parse(Properties p) {
        List<Plug> out = new ArrayList<>();
        for (String name : list(p.getProperty("plugs", ""))) {
            String k = "plug." + name + ".";
            Map<String, String> defaults = new LinkedHashMap<>();
            for (String key : p.stringPropertyNames().stream().sorted().toList()) {
                if (key.startsWith(k + "default.")) {
                    defaults.put(key.substring((k + "default.").length()), p.getProperty(key));
                }
            }
            out.add(new Plug(name, p.getProperty(k + "version", ""), p.getProperty(k + "source", ""),
                    emptyToNull(p.getProperty(k + "commit", "")), p.getProperty(k + "artifact", ""),
                    p.getProperty(k + "description", ""), list(p.getProperty(k + "config-keys", "")),
                    list(p.getProperty(k + "secret-keys", "")), defaults));
        }
        return List.copyOf(out);
    }

    /** The plug's effective config (plug.NAME.config.KEY, the keys of plug-config.properties), secrets replaced by {@link #REDACTED}. */
    public static Map<String, String> effectiveConfig(Plug plug, Config config) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> keys = new java.util.ArrayList<>();
        for (String key : plug.configKeys()) {
            if (!key.contains("*")) {
                keys.add(key);
            }
        }
        // Pattern keys (endpoint.*.url) stand for whatever names the deployment configured.
        String prefix = "plug." + plug.name() + ".config.";
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(prefix)) {
                String key = name.substring(prefix.length());
                if (!keys.contains(key) && matchesPattern(plug.configKeys(), key) != null) {
                    keys.add(key);
                }
            }
        }
        java.util.Collections.sort(keys);
        for (String key : keys) {
            String name = prefix + key;
            String value;
            if (plug.secretKeys().contains(key) || matchesPattern(plug.secretKeys(), key) != null) {
                // Never resolved here, so not even an error message can carry it.
                value = config.getConfigValue(name).getRawValue() != null || plug.defaults().containsKey(key) ? REDACTED : null;
            } else {
                try {
                    value = config.getOptionalValue(name, String.class).orElse(plug.defaults().get(key));
                } catch (RuntimeException e) {
                    value = "unresolved: " + config.getConfigValue(name).getRawValue();
                }
            }
            out.put(key, value);
        }
        return out;
    }

    /** The pattern among {@code keys} ({@code *} = one name segment) that {@code key} matches, or null. */
    static String matchesPattern(List<String> keys, String key) {
        for (String k : keys) {
            if (k.contains("*") && key.matches(k.replace(".", "\\.").replace("*", "[a-z0-9-]+"))) {
                return k;
            }
        }
        return null;
    }

    private static List<String> list(String csv) {
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
