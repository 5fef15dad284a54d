package network.ohc.care.plugs.webhooks.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import network.ohc.care.plugs.webhooks.WebhooksConfig;
import network.ohc.care.plugs.webhooks.Plug;
import network.ohc.care.plug.test.PlugConfigSchema;
import org.junit.jupiter.api.Test;

/**
 * What the plug SDK generated from the plug's descriptor and its {@link WebhooksConfig} when the runtime module compiled: the
 * schema ./care build checks plug-config.properties against, and the Plug constants the code uses.
 */
class WebhooksConfigSchemaTest {
    static Map<String, String> schema() {
        return PlugConfigSchema.of(WebhooksConfig.class);
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
