package network.ohc.care.plugs.census.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import network.ohc.care.plugs.census.CensusConfig;
import network.ohc.care.plugs.census.Plug;
import org.junit.jupiter.api.Test;

/**
 * What the plug SDK generated from the plug's descriptor and its {@link CensusConfig} when the runtime module compiled: the
 * schema ./care build checks plug-config.properties against, and the Plug constants the code uses.
 */
class CensusConfigSchemaTest {
    /** The config schema in the plug's runtime jar (or classes folder). */
    static Map<String, String> schema() throws Exception {
        URL runtime = CensusConfig.class.getProtectionDomain().getCodeSource().getLocation();
        Properties p = new Properties();
        try (URLClassLoader jar = new URLClassLoader(new URL[] {runtime}, null);
                InputStream in = jar.getResourceAsStream("META-INF/care-plug-config.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Map<String, String> out = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }

    @Test
    void theNameIsTheDescriptorsAndSettingsLiveWhereDeployersWriteThem() {
        assertEquals("census", Plug.NAME);
        assertEquals("/api/v1/plugs/census", Plug.API);
        assertEquals("/console/plugs/census", Plug.CONSOLE);
        assertEquals("plug.census.config", Plug.CONFIG);
    }

    @Test
    void theSchemaIsCensusConfig() throws Exception {
        assertEquals(Map.of("config.count-cleaning-as-available.type", "boolean", "config.count-cleaning-as-available.default", "false",
                "config.count-cleaning-as-available.description", "Count beds being cleaned as available"), schema());
    }
}
