package network.ohc.care.plug.sdk.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plug SDK's annotation processor, run by javac on small plugs written here. */
class PlugProcessorTest {
    /** Stand-ins for the annotations the processor reads by name (SmallRye Config, Jakarta REST). */
    static final Map<String, String> STUBS = Map.of(
            "io/smallrye/config/ConfigMapping.java", "package io.smallrye.config; public @interface ConfigMapping { String prefix(); }",
            "io/smallrye/config/WithDefault.java", "package io.smallrye.config; public @interface WithDefault { String value(); }",
            "io/smallrye/config/WithName.java", "package io.smallrye.config; public @interface WithName { String value(); }",
            "jakarta/ws/rs/Path.java", "package jakarta.ws.rs; public @interface Path { String value(); }");
    static final String DESCRIPTOR = "name=bed-alerts\nversion=1.0.0\npackage=org.example.alerts\n";

    @TempDir
    Path dir;

    record Result(boolean ok, List<String> errors, Path classes) {
        String schema() throws IOException {
            return Files.readString(classes.resolve("META-INF/care-plug-config.properties"));
        }

        Properties schemaProperties() throws IOException {
            Properties p = new Properties();
            p.load(new StringReader(schema()));
            return p;
        }
    }

    Result compile(String descriptor, Map<String, String> sources) throws IOException {
        Path src = dir.resolve("src");
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes.resolve("META-INF"));
        if (descriptor != null) {
            Files.writeString(classes.resolve("META-INF/care-plug.properties"), descriptor);
        }
        Map<String, String> all = new TreeMap<>(STUBS);
        all.putAll(sources);
        List<Path> files = new ArrayList<>();
        for (var e : all.entrySet()) {
            Path f = src.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
            files.add(f);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, null, null)) {
            Files.createDirectories(dir.resolve("generated"));
            JavaCompiler.CompilationTask task = javac.getTask(new StringWriter(), fm, diagnostics,
                    List.of("-d", classes.toString(), "-s", dir.resolve("generated").toString(), "-classpath",
                            System.getProperty("java.class.path")),
                    null, fm.getJavaFileObjectsFromPaths(files));
            task.setProcessors(List.of(new PlugProcessor()));
            boolean ok = task.call();
            List<String> errors = diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> d.getMessage(null)).toList();
            return new Result(ok, errors, classes);
        }
    }

    static final String CONFIG = """
            package org.example.alerts;

            import io.smallrye.config.ConfigMapping;
            import io.smallrye.config.WithDefault;
            import io.smallrye.config.WithName;
            import java.time.Duration;
            import java.util.List;
            import java.util.Map;
            import java.util.Optional;
            import network.ohc.care.plug.sdk.config.Kind;
            import network.ohc.care.plug.sdk.config.RequiredWith;
            import network.ohc.care.plug.sdk.config.Secret;

            @ConfigMapping(prefix = Plug.CONFIG)
            public interface AlertsConfig {
                /** Occupancy in percent above which a ward is alerted. Checked at build. */
                @WithDefault("90")
                int threshold();

                /** The brokers, {@code host:port}. */
                @Kind("host-ports")
                String brokers();

                @WithDefault("PT1M")
                Duration every();

                @WithName("types")
                @Kind("signal-types")
                @WithDefault("*")
                List<String> signalTypes();

                Login login();

                Map<String, Target> target();

                default int twice() {
                    return 2 * threshold();
                }

                interface Login {
                    Optional<String> user();

                    /** The password; give it as ${ENV_VAR}. */
                    @Secret
                    @RequiredWith("user")
                    Optional<String> password();
                }

                interface Target {
                    /** Where to POST &lt;alerts&gt;. */
                    @Kind("url")
                    String url();

                    @WithDefault("false")
                    boolean loud();
                }
            }
            """;

    @Test
    void theSchemaIsTheConfigMappingAndTheNameIsWrittenOnce() throws Exception {
        Result r = compile(DESCRIPTOR, Map.of("org/example/alerts/AlertsConfig.java", CONFIG,
                "org/example/alerts/AlertsResource.java", """
                        package org.example.alerts;
                        @jakarta.ws.rs.Path(Plug.API + "/alerts")
                        public class AlertsResource {
                        }
                        """, "org/example/alerts/AlertsPage.java", """
                        package org.example.alerts;
                        @jakarta.ws.rs.Path(Plug.CONSOLE)
                        public class AlertsPage {
                        }
                        """));
        assertTrue(r.ok(), () -> r.errors().toString());
        Properties p = r.schemaProperties();
        Map<String, String> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("config.threshold.type", "int"), Map.entry("config.threshold.default", "90"),
                Map.entry("config.threshold.description", "Occupancy in percent above which a ward is alerted"),
                Map.entry("config.brokers.type", "host-ports"), Map.entry("config.brokers.required", "true"),
                Map.entry("config.brokers.description", "The brokers, host:port"),
                Map.entry("config.every.type", "duration"), Map.entry("config.every.default", "PT1M"),
                Map.entry("config.types.type", "signal-types"), Map.entry("config.types.default", "*"),
                Map.entry("config.login.user.type", "string"),
                Map.entry("config.login.password.type", "secret"), Map.entry("config.login.password.required-with", "login.user"),
                Map.entry("config.login.password.description", "The password; give it as ${ENV_VAR}"),
                Map.entry("config.target.*.url.type", "url"), Map.entry("config.target.*.url.description", "Where to POST <alerts>"),
                Map.entry("config.target.*.loud.type", "boolean"), Map.entry("config.target.*.loud.default", "false")));
        Map<String, String> actual = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> actual.put(k, p.getProperty(k)));
        assertEquals(expected, actual);
        assertTrue(Files.exists(r.classes().resolve("org/example/alerts/Plug.class")));
        String plug = Files.readString(dir.resolve("generated/org/example/alerts/Plug.java"));
        assertTrue(plug.contains("NAME = \"bed-alerts\""), plug);
        assertTrue(plug.contains("API = \"/api/v1/plugs/bed-alerts\""), plug);
        assertTrue(plug.contains("CONFIG = \"plug.bed-alerts.config\""), plug);
        assertTrue(plug.contains("CONSOLE = \"/console/plugs/bed-alerts\""), plug);
    }

    @Test
    void aPathOutsideThePlugsEndpointsIsRefusedNamingPlugAndClass() throws Exception {
        Result r = compile(DESCRIPTOR, Map.of("org/example/alerts/web/Sneaky.java", """
                package org.example.alerts.web;
                @jakarta.ws.rs.Path("/api/v1/patients")
                public class Sneaky {
                }
                """));
        assertFalse(r.ok());
        assertEquals(List.of("plug bed-alerts: class org.example.alerts.web.Sneaky declares @Path(\"/api/v1/patients\"), outside the "
                + "plug's endpoints /api/v1/plugs/bed-alerts/ and console pages /console/plugs/bed-alerts/; write @Path(Plug.API + \"/…\") "
                + "or @Path(Plug.CONSOLE)"), r.errors());
    }

    @Test
    void anotherPlugsPrefixIsRefusedToo() throws Exception {
        Result r = compile(DESCRIPTOR, Map.of("org/example/alerts/Other.java", """
                package org.example.alerts;
                @jakarta.ws.rs.Path("api/v1/plugs/bed-alerts-2/x")
                public class Other {
                }
                """));
        assertFalse(r.ok());
        assertTrue(r.errors().get(0).startsWith("plug bed-alerts: class org.example.alerts.Other declares"), r.errors().toString());
    }

    @Test
    void aConfigMappingWithAnotherPrefixIsRefused() throws Exception {
        Result r = compile(DESCRIPTOR, Map.of("org/example/alerts/OldConfig.java", """
                package org.example.alerts;
                @io.smallrye.config.ConfigMapping(prefix = "plug.bed-alerts")
                public interface OldConfig {
                    int threshold();
                }
                """));
        assertFalse(r.ok());
        assertEquals(List.of("plug bed-alerts: class org.example.alerts.OldConfig maps prefix 'plug.bed-alerts'; a plug's settings "
                + "live under plug.bed-alerts.config (what deployers write in plug-config.properties): write "
                + "@ConfigMapping(prefix = Plug.CONFIG)"), r.errors());
    }

    @Test
    void aSchemaWrittenByHandInTheDescriptorIsRefused() throws Exception {
        Result r = compile(DESCRIPTOR + "config.threshold.type=int\n", Map.of("org/example/alerts/AlertsConfig.java", CONFIG));
        assertFalse(r.ok());
        assertEquals(List.of("plug bed-alerts: META-INF/care-plug.properties declares config.threshold.type; the config schema is "
                + "generated from the plug's @ConfigMapping interface (prefix = Plug.CONFIG): declare the setting there and remove "
                + "the line"), r.errors());
    }

    @Test
    void withoutADescriptorNothingHappens() throws Exception {
        Result r = compile(null, Map.of("org/example/core/Thing.java", """
                package org.example.core;
                @jakarta.ws.rs.Path("/api/v1/things")
                @io.smallrye.config.ConfigMapping(prefix = "care.things")
                public interface Thing {
                }
                """));
        assertTrue(r.ok(), () -> r.errors().toString());
        assertFalse(Files.exists(r.classes().resolve("META-INF/care-plug-config.properties")));
        assertFalse(Files.exists(dir.resolve("generated/org/example/core/Plug.java")));
    }

    @Test
    void aPlugWithoutSettingsGetsAnEmptySchema() throws Exception {
        Result r = compile(DESCRIPTOR, Map.of("org/example/alerts/Nothing.java", "package org.example.alerts; class Nothing {}"));
        assertTrue(r.ok(), () -> r.errors().toString());
        assertTrue(r.schemaProperties().isEmpty());
    }
}
