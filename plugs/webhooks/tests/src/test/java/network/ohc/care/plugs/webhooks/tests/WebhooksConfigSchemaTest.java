package network.ohc.care.plugs.webhooks.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import network.ohc.care.plugs.webhooks.WebhooksConfig;
import network.ohc.care.plugs.webhooks.Plug;
import org.junit.jupiter.api.Test;

/**
 * What the plug SDK generated from the plug's descriptor and its {@link WebhooksConfig} when the runtime module compiled: the
 * schema ./care build checks plug-config.properties against, and the Plug constants the code uses.
 */
class WebhooksConfigSchemaTest {
    /** The config schema in the plug's runtime jar (or classes folder). */
    static Map<String, String> schema() throws Exception {
        URL runtime = WebhooksConfig.class.getProtectionDomain().getCodeSource().getLocation();
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
        assertEquals("webhooks", Plug.NAME);
        assertEquals("/api/v1/plugs/webhooks", Plug.API);
        assertEquals("/console/plugs/webhooks", Plug.CONSOLE);
        assertEquals("plug.webhooks.config", Plug.CONFIG);
    }

    @Test
    void endpointsAreNamedGroupsAndTheSecretIsOne() throws Exception {
        Map<String, String> s = schema();
        assertEquals("url", s.get("config.endpoint.*.url.type"));
        assertEquals("Where to POST (https://; http:// only with allow-http=true)", s.get("config.endpoint.*.url.description"));
        assertEquals("secret", s.get("config.endpoint.*.secret.type"));
        assertEquals("class", s.get("config.endpoint.*.format.type"));
        assertEquals("false", s.get("config.endpoint.*.cloudevents.default"));
        assertEquals("int", s.get("config.max-attempts.type"));
        assertEquals("8", s.get("config.max-attempts.default"));
        assertEquals("duration", s.get("config.backoff-max.type"));
        assertEquals("PT5M", s.get("config.backoff-max.default"));
        assertEquals(null, s.get("config.endpoint.*.url.required"), "keys of named groups are checked by the plug");
    }
}
