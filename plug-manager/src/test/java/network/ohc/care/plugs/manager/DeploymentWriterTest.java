package network.ohc.care.plugs.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deployment's application.properties: plug config under the key path the plug's code reads. */
class DeploymentWriterTest {
    @TempDir
    Path dir;

    Path jar(String name, Map<String, String> entries) throws IOException {
        Path jar = dir.resolve(name + ".jar");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry("META-INF/quarkus-extension.properties"));
            z.write(("deployment-artifact=org.example:" + name + "-deployment:1.0.0\n").getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return jar;
    }

    String write(String config, Map<String, Path> jars) throws IOException {
        DeploymentConfig dc = DeploymentConfig.check(LocatedProperties.parse("plug-config.properties", config));
        assertEquals(List.of(), dc.problems());
        List<ResolvedPlug> plugs = new ArrayList<>();
        for (PlugRequest r : dc.enabled()) {
            Path jar = jars.get(r.name());
            PlugDescriptor d = PlugDescriptor.read(jar);
            plugs.add(new ResolvedPlug(r, "org.example:" + r.name() + ":1.0.0", d.deploymentArtifact(), "1.0.0", null, jar, jar, d, "a", "b"));
        }
        Path app = dir.resolve("application.properties");
        Files.writeString(app, "quarkus.http.port=8080\n");
        Path out = dir.resolve("deployment");
        DeploymentWriter.write(out, dir.resolve("pom.xml"), "0.1.0-SNAPSHOT", app, plugs, List.of());
        return Files.readString(out.resolve("src/main/resources/application.properties"));
    }

    @Test
    void settingsKeepTheirPathSoThePlugsConfigMappingReadsWhatTheDeployerWrote() throws IOException {
        Path census = jar("census", Map.of(PlugDescriptor.PATH, "name=census\nversion=1.0.0\n",
                PlugDescriptor.SCHEMA_PATH, "config.count-cleaning-as-available.type=boolean\n"));
        PlugDescriptor d = PlugDescriptor.read(census);
        assertEquals("boolean", d.config().get("count-cleaning-as-available").type());
        assertFalse(d.legacyConfigPath());
        String props = write("plugs=census\nplug.census.source=path:census\nplug.census.config.count-cleaning-as-available=true\n",
                Map.of("census", census));
        assertTrue(props.contains("\nplug.census.config.count-cleaning-as-available=true\n"), props);
        assertFalse(props.contains("\nplug.census.count-cleaning-as-available"), props);
    }

    @Test
    void aPlugBuiltBeforeSdk12AlsoGetsTheSpellingItsCodeReads() throws IOException {
        Path old = jar("old", Map.of(PlugDescriptor.PATH, "name=old\nversion=1.0.0\nconfig.interval.type=duration\n"));
        PlugDescriptor d = PlugDescriptor.read(old);
        assertEquals("duration", d.config().get("interval").type());
        assertTrue(d.legacyConfigPath());
        String props = write("plugs=old\nplug.old.source=path:old\nplug.old.config.interval=PT5M\n", Map.of("old", old));
        assertTrue(props.contains("\nplug.old.config.interval=PT5M\n"), props);
        assertTrue(props.contains("\nplug.old.interval=PT5M\n"), props);
    }

    @Test
    void theDeploymentListsEveryPlugsMigrationsFromItsJar() throws IOException {
        Path census = jar("census", Map.of(PlugDescriptor.PATH, "name=census\nversion=1.0.0\n",
                "db/plugs/census/V2__b.sql", "SELECT 2;", "db/plugs/census/V1__a.sql", "SELECT 1;",
                "db/plugs/census/sub/V3__c.sql", "SELECT 3;", "db/plugs/other/V1__x.sql", "SELECT 0;", "db/plugs/census.sql", "-"));
        Path none = jar("none", Map.of(PlugDescriptor.PATH, "name=none\nversion=1.0.0\n"));
        write("plugs=census,none\nplug.census.source=path:census\nplug.none.source=path:none\n", Map.of("census", census, "none", none));
        List<String> index = Files.readAllLines(dir.resolve("deployment/src/main/resources/" + DeploymentWriter.MIGRATIONS_INDEX))
                .stream().filter(l -> !l.startsWith("#")).toList();
        assertEquals(List.of("db/plugs/census/V1__a.sql", "db/plugs/census/V2__b.sql", "db/plugs/census/sub/V3__c.sql"), index);
    }
}
