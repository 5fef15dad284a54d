package network.ohc.care.plugs.census.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import network.ohc.care.bus.contracts.schema.SchemaFiles;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schemas in {@code schemas/} are what census' records say; a breaking change fails, a compatible one needs
 * {@code -Dcontracts.updateGoldens=true} (see care-bus-contracts' VERSIONING.md).
 */
class CensusSchemasTest {
    @Test
    void theCheckedInSchemasAreWhatTheRecordsSay() {
        assertEquals(List.of(), SchemaFiles.check(Path.of("schemas"), CensusSignals.all(), Boolean.getBoolean("contracts.updateGoldens")));
    }
}
