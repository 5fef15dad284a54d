package network.ohc.care.plugs.census.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import network.ohc.care.plugs.census.CensusConfig;
import network.ohc.care.plugs.census.Plug;
import network.ohc.care.plug.test.PlugConfigSchema;
import org.junit.jupiter.api.Test;

/**
 * What the plug SDK generated from the plug's descriptor and its {@link CensusConfig} when the runtime module compiled: the
 * schema ./care build checks plug-config.properties against, and the Plug constants the code uses.
 */
class CensusConfigSchemaTest {
    static Map<String, String> schema() {
        return PlugConfigSchema.of(CensusConfig.class);
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
