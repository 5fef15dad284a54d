package network.ohc.care.plugs.census.tests;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import network.ohc.care.bus.contracts.Envelope;
import network.ohc.care.plug.test.GoldenContracts;
import network.ohc.care.plugs.census.contracts.CensusSignals;
import network.ohc.care.plugs.census.contracts.WardOccupancyChanged;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** census' published signals keep their wire form (golden files under src/test/resources/golden). */
class CensusContractsTest {
    static final UUID WARD = UUID.fromString("018f0000-0000-7000-8000-000000000002");

    @Test
    void publishedSignalsStayCompatible() throws Exception {
        Envelope e = new Envelope(UUID.fromString("018f0000-0000-7000-8000-000000000a01"), "census.ward-occupancy-changed", 1,
                Instant.parse("2026-01-02T03:04:05.123456Z"), "Ward", WARD, UUID.fromString("018f0000-0000-7000-8000-000000000001"),
                "demo.nurse", "c0ffee00-0000-4000-8000-000000000001");
        List<WardOccupancyChanged> samples = List.of(new WardOccupancyChanged(e, WARD, "General ward", 12, 9, 2,
                UUID.fromString("018f0000-0000-7000-8000-000000000003")));
        assertEquals(CensusSignals.all(), samples.stream().map(Object::getClass).toList(), "a sample for every census signal");
        GoldenContracts.assertCompatible(Path.of("src/test/resources/golden"), samples);
    }

    @Test
    void aSampleTheSchemaRefusesFails() {
        Envelope mislabelled = new Envelope(UUID.fromString("018f0000-0000-7000-8000-000000000a02"), "census.ward-changed", 1,
                Instant.parse("2026-01-02T03:04:05Z"), "Ward", WARD, null, "system", null);
        AssertionError e = assertThrows(AssertionError.class, () -> GoldenContracts.assertCompatible(Path.of("src/test/resources/golden"),
                List.of(new WardOccupancyChanged(mislabelled, WARD, "General ward", 12, 9, 2, WARD))));
        assertTrue(e.getMessage().contains("not valid against META-INF/care/schemas/census.ward-occupancy-changed.v1.schema.json"),
                e.getMessage());
        assertTrue(e.getMessage().contains("/envelope/type"), e.getMessage());
    }
}
