package network.ohc.care.plugs.kafkaexport.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import network.ohc.care.plugs.kafkaexport.KafkaExportConfig;
import network.ohc.care.plugs.kafkaexport.Plug;
import network.ohc.care.plug.test.PlugConfigSchema;
import org.junit.jupiter.api.Test;

/**
 * What the plug SDK generated from the plug's descriptor and its {@link KafkaExportConfig} when the runtime module compiled: the
 * schema ./care build checks plug-config.properties against, and the Plug constants the code uses.
 */
class KafkaExportConfigSchemaTest {
    static Map<String, String> schema() {
        return PlugConfigSchema.of(KafkaExportConfig.class);
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
