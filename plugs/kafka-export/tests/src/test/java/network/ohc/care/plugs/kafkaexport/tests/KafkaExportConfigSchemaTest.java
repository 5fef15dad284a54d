package network.ohc.care.plugs.kafkaexport.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import network.ohc.care.plugs.kafkaexport.KafkaExportConfig;
import network.ohc.care.plugs.kafkaexport.Plug;
import org.junit.jupiter.api.Test;

/**
 * What the plug SDK generated from the plug's descriptor and its {@link KafkaExportConfig} when the runtime module compiled: the
 * schema ./care build checks plug-config.properties against, and the Plug constants the code uses.
 */
class KafkaExportConfigSchemaTest {
    /** The config schema in the plug's runtime jar (or classes folder). */
    static Map<String, String> schema() throws Exception {
        URL runtime = KafkaExportConfig.class.getProtectionDomain().getCodeSource().getLocation();
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
        assertEquals("kafka-export", Plug.NAME);
        assertEquals("/api/v1/plugs/kafka-export", Plug.API);
        assertEquals("/console/plugs/kafka-export", Plug.CONSOLE);
        assertEquals("plug.kafka-export.config", Plug.CONFIG);
    }

    @Test
    void typesRequirementsAndSecretsComeFromTheInterface() throws Exception {
        Map<String, String> s = schema();
        assertEquals("host-ports", s.get("config.bootstrap-servers.type"));
        assertEquals("true", s.get("config.bootstrap-servers.required"));
        assertEquals("signal-types", s.get("config.types.type"));
        assertEquals("*", s.get("config.types.default"));
        assertEquals("care.signals", s.get("config.topic.default"));
        assertEquals("secret", s.get("config.sasl.password.type"));
        assertEquals("sasl.mechanism", s.get("config.sasl.password.required-with"));
        assertEquals("sasl.mechanism", s.get("config.sasl.username.required-with"));
        assertEquals("ssl.truststore.location", s.get("config.ssl.truststore.password.required-with"));
        assertEquals("ssl.keystore.location", s.get("config.ssl.keystore.password.required-with"));
        assertEquals("PKCS12", s.get("config.ssl.keystore.type.default"));
        assertEquals(null, s.get("config.sasl.mechanism.required"), "optional");
    }
}
