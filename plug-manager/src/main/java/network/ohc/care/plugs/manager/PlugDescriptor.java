package network.ohc.care.plugs.manager;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The small descriptor every plug carries in its runtime jar, {@code META-INF/care-plug.properties}
 * (in the spirit of PF4J's plugin.properties): name, version, the core versions and plug SDK versions it works with
 * ({@code core}, {@code sdk}: version ranges), the plugs it needs, its config schema, and the contract jar of the signals
 * it publishes ({@code contracts}: groupId:artifactId:version, empty if it publishes none).
 */
public record PlugDescriptor(String name, String version, String description, String coreRange, List<Requirement> requires,
        Map<String, ConfigKey> config, String deploymentArtifact, String sdkRange, String contracts) {

    public static final String PATH = "META-INF/care-plug.properties";
    public static final List<String> TYPES = List.of("string", "int", "boolean", "duration", "url", "secret", "class", "host-ports",
            "signal-types", "core-signal-types");

    public record Requirement(String plug, String range) {
    }

    /**
     * One setting of the schema. {@code requiredWith}: another key whose presence makes this one required (a SASL
     * password once a SASL mechanism is set); null when none.
     */
    public record ConfigKey(String key, String type, String defaultValue, boolean required, String description, String requiredWith) {
        public boolean secret() {
            return type.equals("secret");
        }
    }

    /**
     * The schema entry for {@code key}: an exact key, or a pattern where {@code *} stands for one name segment
     * ({@code endpoint.*.url} matches {@code endpoint.ward.url}). Null when the schema has none.
     */
    public static ConfigKey find(Map<String, ConfigKey> schema, String key) {
        ConfigKey exact = schema.get(key);
        if (exact != null) {
            return exact;
        }
        for (ConfigKey k : schema.values()) {
            if (k.key().contains("*") && key.matches(k.key().replace(".", "\\.").replace("*", "[a-z0-9-]+"))) {
                return k;
            }
        }
        return null;
    }

    /** Reads the descriptor of a runtime jar; null if the jar has none. */
    public static PlugDescriptor read(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry e = zip.getEntry(PATH);
            if (e == null) {
                return null;
            }
            Properties p = new Properties();
            try (InputStream in = zip.getInputStream(e)) {
                p.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            String deployment = null;
            ZipEntry ext = zip.getEntry("META-INF/quarkus-extension.properties");
            if (ext != null) {
                Properties q = new Properties();
                try (InputStream in = zip.getInputStream(ext)) {
                    q.load(in);
                }
                deployment = q.getProperty("deployment-artifact");
            }
            return parse(p, deployment);
        }
    }

    static PlugDescriptor parse(Properties p, String deploymentArtifact) {
        List<Requirement> requires = new ArrayList<>();
        // Commas inside a version range ([1.0,2)) do not separate requirements.
        for (String r : p.getProperty("requires", "").split(",(?![^\\[(]*[\\])])")) {
            if (r.isBlank()) {
                continue;
            }
            String[] parts = r.strip().split("@", 2);
            requires.add(new Requirement(parts[0].strip(), parts.length > 1 ? parts[1].strip() : ""));
        }
        Map<String, ConfigKey> config = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames().stream().sorted().toList()) {
            if (key.startsWith("config.") && key.endsWith(".type")) {
                String k = key.substring("config.".length(), key.length() - ".type".length());
                config.put(k, new ConfigKey(k, p.getProperty(key).strip(), p.getProperty("config." + k + ".default"),
                        Boolean.parseBoolean(p.getProperty("config." + k + ".required", "false")),
                        p.getProperty("config." + k + ".description", ""), p.getProperty("config." + k + ".required-with")));
            }
        }
        return new PlugDescriptor(p.getProperty("name", ""), p.getProperty("version", ""), p.getProperty("description", ""),
                p.getProperty("core", ""), requires, config, deploymentArtifact, p.getProperty("sdk", "").strip(),
                p.getProperty("contracts", "").strip());
    }

    /** Mistakes in the descriptor itself (the plug author's), as messages. */
    public List<String> defects() {
        List<String> out = new ArrayList<>();
        if (!DeploymentConfig.NAME.matcher(name).matches()) {
            out.add("descriptor name '" + name + "' is not a valid plug name");
        }
        if (!Versions.validRange(coreRange)) {
            out.add("descriptor core range '" + coreRange + "' is not a version range such as [0.1,1)");
        }
        if (!Versions.validRange(sdkRange)) {
            out.add("descriptor sdk range '" + sdkRange + "' is not a version range such as [1.0,2)");
        }
        for (ConfigKey k : config.values()) {
            if (!TYPES.contains(k.type())) {
                out.add("config key '" + k.key() + "' has unknown type '" + k.type() + "'; valid: " + String.join(", ", TYPES));
            }
        }
        if (!contracts.isEmpty() && !contracts.matches("[\\w.-]+:[\\w.-]+:[\\w.+-]+")) {
            out.add("descriptor contracts '" + contracts + "' is not groupId:artifactId:version");
        }
        if (deploymentArtifact == null) {
            out.add("the jar is not a Quarkus extension (no META-INF/quarkus-extension.properties)");
        }
        return out;
    }

    /** Why {@code value} is not a valid {@code type}, or null when it is. {@code ${…}} is checked at start instead. */
    public static String typeError(String type, String value) {
        if (value.contains("${")) {
            return null;
        }
        return switch (type) {
            case "int" -> value.matches("-?\\d{1,9}") ? null : "must be a whole number";
            case "boolean" -> value.equals("true") || value.equals("false") ? null : "must be true or false";
            case "duration" -> value.matches("(?i)P(T?\\d+[DHMS])+|(?i)PT(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?|\\d+(ms|s|m|h|d)")
                    ? null : "must be a duration such as PT30S, 30s or 5m";
            case "url" -> value.matches("https?://\\S+") ? null : "must be an http:// or https:// URL";
            case "class" -> value.matches("([a-zA-Z_$][\\w$]*\\.)*[A-Z_$][\\w$]*") ? null : "must be a fully qualified class name";
            case "host-ports" -> hostPortsError(value);
            case "signal-types", "core-signal-types" -> value.strip().equals("*") || value.matches("\\s*[a-z0-9-]+(\\.[a-z0-9-]+)+\\s*(,\\s*[a-z0-9-]+(\\.[a-z0-9-]+)+\\s*)*")
                    ? null : "must be * or comma-separated signal types such as care.patient.registered";
            default -> null;
        };
    }

    private static String hostPortsError(String value) {
        for (String part : value.split(",", -1)) {
            String hp = part.strip();
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("(\\[[0-9a-fA-F:.]+\\]|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?):(\\d{1,5})").matcher(hp);
            if (!m.matches() || Integer.parseInt(m.group(3)) < 1 || Integer.parseInt(m.group(3)) > 65535) {
                return "must be host:port[,host:port...]; '" + hp + "' is not host:port";
            }
        }
        return null;
    }
}
